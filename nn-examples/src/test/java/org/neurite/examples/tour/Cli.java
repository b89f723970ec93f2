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
