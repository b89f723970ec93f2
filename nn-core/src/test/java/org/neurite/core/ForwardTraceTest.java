package org.neurite.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;

class ForwardTraceTest {

    @Test
    void toStringPrintsTheNumbersNotTheArraysIdentities() {
        ForwardTrace trace = new ForwardTrace(new double[][] {{0, 1}}, List.of(
                new ForwardTrace.Step(1, "layer 1 (Dense 2 -> 1, relu)", "relu", new double[][] {{-0.5}},
                        new double[][] {{0.0}})));
        String text = trace.toString();
        assertFalse(text.contains("[[D@"), text);
        assertEquals("ForwardTrace[input=[[0.0, 1.0]], steps=[Step[layer=1, description=layer 1 (Dense 2 -> 1, "
                + "relu), activation=relu, z=[[-0.5]], a=[[0.0]]]]]", text);
    }
}
