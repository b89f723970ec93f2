package org.neurite.backend.alpha;

/** Breaks rules 3, 3b and 8a: a public non-provider backend type that uses another backend and nn-core. */
public class PublicHelper {
    public org.neurite.backend.beta.BetaThing other;
    public org.neurite.core.Mlp model;
}
