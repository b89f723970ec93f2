package org.neurite.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.neurite.examples.cli.NeuriteCli;
import picocli.CommandLine;

class NeuriteCliTest {

    /** Runs the CLI; returns {exit status, stdout, stderr}. */
    static Object[] run(String... args) {
        CommandLine cl = NeuriteCli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int status = cl.execute(args);
        return new Object[] {status, out.toString(), err.toString()};
    }

    @Test
    void infoListsVersionBackendsAndActivations() {
        Object[] r = run("info");
        assertEquals(0, r[0]);
        String out = (String) r[1];
        assertTrue(out.contains("Neurite 0.1.0-SNAPSHOT"), out);
        assertTrue(out.contains("ejml") && out.contains("available") && out.contains("default: ejml"), out);
        assertTrue(out.contains("relu") && out.contains("sigmoid"), out);
    }

    @Test
    void badArgumentsExitWithTwoAndAOneLineReason() {
        Object[] r = run("info", "--no-such-flag");
        assertEquals(2, r[0]);
        String err = ((String) r[2]).strip();
        assertTrue(err.startsWith("neurite: Unknown option: '--no-such-flag'"), err);
        assertEquals(1, err.lines().count(), err);
        assertEquals(2, run("no-such-command")[0]);
    }

    @Test
    void backendsListsBothBackendsAndTheDefault() {
        Object[] r = run("backends");
        assertEquals(0, r[0], (String) r[2]);
        String out = (String) r[1];
        assertTrue(out.lines().anyMatch(l -> l.matches("ejml\\s+100\\s+yes\\s+EJML 0\\.46\\.1.*selected.*")), out);
        assertTrue(out.lines().anyMatch(l -> l.matches("nd4j\\s+\\d+\\s+(yes|no)\\s+.*1\\.0\\.0-M2\\.1.*")), out);
        assertTrue(out.contains("default now: ejml"), out);
        Object[] nd4j = run("backends", "--backend", "nd4j");
        assertEquals(0, nd4j[0], (String) nd4j[2]);
        assertTrue(((String) nd4j[1]).contains("default now: nd4j (from --backend)"), (String) nd4j[1]);
    }

    @Test
    void backendsSaysWhereTheSelectionCameFromAsBackendsDoes() {
        String before = System.getProperty("neurite.backend");
        try {
            System.setProperty("neurite.backend", "ejml");
            Object[] r = run("backends");
            assertTrue(((String) r[1]).contains("default now: ejml (from -Dneurite.backend)"), (String) r[1]);
            System.setProperty("neurite.backend", " ");
            r = run("backends");
            assertTrue(((String) r[1]).contains("(highest priority available)"),
                    "a blank property counts as unset: " + r[1]);
            System.setProperty("neurite.backend", "cuda");
            r = run("backends");
            assertEquals(0, r[0], "the diagnostic still lists what it finds: " + r[2]);
            assertTrue(((String) r[1]).contains("default now: none: backend: unknown name 'cuda' (from "
                    + "-Dneurite.backend=cuda)"), (String) r[1]);
            System.clearProperty("neurite.backend");
            Object[] blank = run("backends", "--backend", "");
            assertEquals(2, blank[0], "an explicit blank name is a usage error");
            assertEquals(1, ((String) blank[2]).lines().count(), (String) blank[2]);
        } finally {
            if (before == null) {
                System.clearProperty("neurite.backend");
            } else {
                System.setProperty("neurite.backend", before);
            }
        }
    }

    @Test
    void unknownBackendExitsWithTwoAndListsTheKnownOnes() {
        for (String command : new String[] {"backends", "info"}) {
            Object[] r = run(command, "--backend", "cuda");
            assertEquals(2, r[0]);
            String err = ((String) r[2]).strip();
            assertTrue(err.contains("unknown name 'cuda'") && err.contains("ejml") && err.contains("nd4j"), err);
            assertEquals(1, err.lines().count(), err);
        }
    }

    @Test
    void versionAndHelpWork() {
        Object[] v = run("--version");
        assertEquals(0, v[0]);
        assertTrue(((String) v[1]).contains("neurite 0.1.0-SNAPSHOT"), (String) v[1]);
        assertEquals(0, run("info", "--help")[0]);
    }
}
