package org.neurite.core.fixa;

/** Half of a cycle between two nn-core packages (rule 7). */
public class A {
    public org.neurite.core.fixb.B b;
}
