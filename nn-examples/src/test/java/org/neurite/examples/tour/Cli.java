package org.neurite.examples.tour;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.neurite.examples.cli.NeuriteCli;
import picocli.CommandLine;

/** Runs the {@code neurite} CLI in process and keeps its status and output. */
record Cli(int status, String out, String err) {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    /** Runs {@code command --out dir more...} and asserts that it succeeded. */
    static Cli section(java.nio.file.Path dir, String command, String... more) {
        String[] args = new String[more.length + 3];
        args[0] = command;
        args[1] = "--out";
        args[2] = dir.toString();
        System.arraycopy(more, 0, args, 3, more.length);
        Cli r = run(args);
        org.junit.jupiter.api.Assertions.assertEquals(0, r.status(), command + " failed: " + r.err() + r.out());
        return r;
    }

    static Cli run(String... args) {
        CommandLine cl = NeuriteCli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int status = cl.execute(args);
        return new Cli(status, out.toString(), err.toString());
    }
}
