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
    void versionAndHelpWork() {
        Object[] v = run("--version");
        assertEquals(0, v[0]);
        assertTrue(((String) v[1]).contains("neurite 0.1.0-SNAPSHOT"), (String) v[1]);
        assertEquals(0, run("info", "--help")[0]);
    }
}
