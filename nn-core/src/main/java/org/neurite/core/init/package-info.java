/** Weight initializers: He, Xavier, LeCun, zeros, constant, and the default chosen by activation. */
package org.neurite.core.init;
