/** A user's own activation, registered through the SPI and used by name. */
package org.neurite.examples.custom;
