package org.neurite.backend.beta;

/** A second fake backend, for rule 3. */
public class BetaThing {
}
