package org.neurite.core.fixb;

/** The other half of the cycle. */
public class B {
    public org.neurite.core.fixa.A a;
}
