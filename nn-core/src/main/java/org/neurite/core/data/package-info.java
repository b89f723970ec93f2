/**
 * Data sets: {@link org.neurite.core.data.Dataset} (features with class labels or numeric targets), its
 * seeded, stratified {@link org.neurite.core.data.Split}, and the generated sets of
 * {@link org.neurite.core.data.Datasets} (XOR, two moons, circles, spirals).
 */
package org.neurite.core.data;
