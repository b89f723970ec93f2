package org.neurite.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurite.examples.cli.NeuriteCli;
import picocli.CommandLine;

/**
 * Every command and subcommand, run with bad arguments: stderr is exactly one line with no stack trace, and
 * the status is the README's: 2 for a usage error (an unknown option, backend or activation, a missing input
 * file, an output that cannot be written), 1 for a failure while running.
 */
class CliFailuresTest {

    @TempDir
    static Path dir;
    static Path model;
    static Path csv;
    /** A path that no one can create: its parent is a regular file. */
    static Path unwritable;

    @BeforeAll
    static void files() throws Exception {
        model = dir.resolve("iris.safetensors");
        Object[] r = NeuriteCliTest.run("train", "--data", "iris", "--epochs", "1", "--out", model.toString());
        assertEquals(0, r[0], (String) r[2]);
        csv = Files.writeString(dir.resolve("rows.csv"), "id,a,b,c,d\nx,1,2,3,4\n");
        unwritable = Files.writeString(dir.resolve("plain-file"), "").resolve("out");
    }

    /** Every command name, the sections and {@code help} included. */
    static List<String> commands() {
        List<String> names = new ArrayList<>(NeuriteCli.commandLine().getSubcommands().keySet());
        assertTrue(names.containsAll(List.of("info", "backends", "activations", "serve-example", "tour", "bench",
                "train", "inspect", "predict", "help", "neuron", "xor")), names.toString());
        return names;
    }

    /** The arguments a command needs to get as far as its backend and output checks. */
    static List<String> required(String command) {
        return switch (command) {
            case "train" -> List.of("train", "--data", "iris", "--epochs", "1");
            case "predict" -> List.of("predict", "--model", model.toString(), "--csv", csv.toString());
            case "inspect" -> List.of("inspect", model.toString());
            default -> List.of(command);
        };
    }

    static void assertFails(int status, String... args) {
        Object[] r = NeuriteCliTest.run(args);
        String err = (String) r[2];
        String what = String.join(" ", args) + " -> " + r[0] + "\n" + err;
        assertEquals(status, r[0], what);
        assertEquals(1, err.lines().count(), what);
        assertFalse(err.contains("\tat "), what);
        assertTrue(err.startsWith("neurite"), what);
    }

    static String[] with(List<String> base, String... more) {
        List<String> all = new ArrayList<>(base);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    @Test
    void anUnknownOptionIsAUsageErrorForEveryCommand() {
        assertFails(2, "--no-such-option");
        assertFails(2, "no-such-command");
        for (String command : commands()) {
            // picocli's help command takes anything as the name of a command to explain.
            assertFails(2, with(required(command), command.equals("help") ? "no-such-command" : "--no-such-option"));
        }
    }

    @Test
    void anUnknownBackendIsAUsageErrorForEveryCommandThatTakesOne() {
        int checked = 0;
        for (Map.Entry<String, CommandLine> e : NeuriteCli.commandLine().getSubcommands().entrySet()) {
            if (e.getValue().getCommandSpec().findOption("--backend") != null) {
                assertFails(2, with(required(e.getKey()), "--backend", "cuda"));
                checked++;
            }
        }
        assertTrue(checked >= 10, "commands with --backend: " + checked);
        assertFails(2, "serve-example", "--plain", "--backend", "cuda");
    }

    @Test
    void infoChecksTheBackendBeforePrintingAnything() {
        Object[] r = NeuriteCliTest.run("info", "--backend", "cuda");
        assertEquals(2, r[0]);
        assertEquals("", r[1]);
    }

    @Test
    void anUnknownActivationOrLossIsAUsageError() {
        assertFails(2, "train", "--data", "iris", "--activation", "nope");
        assertFails(2, "train", "--data", "iris", "--loss", "nope");
    }

    @Test
    void aMissingOrFolderInputFileIsAUsageError() {
        String missing = dir.resolve("missing.csv").toString();
        String folder = dir.toString();
        for (String file : new String[] {missing, folder}) {
            assertFails(2, "inspect", file);
            assertFails(2, "predict", "--model", file, "--csv", csv.toString());
            assertFails(2, "predict", "--model", model.toString(), "--csv", file);
            assertFails(2, "train", "--data", file, "--label", "y");
            assertFails(2, "train", "--data", "iris", "--init", file);
            assertFails(2, "serve-example", "--csv", file);
            assertFails(2, "serve-example", "--model", file);
            assertFails(2, "serve-example", "--config", file);
        }
        Object[] r = NeuriteCliTest.run("serve-example", "--csv", folder);
        assertTrue(((String) r[2]).contains("is a folder"), (String) r[2]);
    }

    @Test
    void anOutputThatCannotBeWrittenIsAUsageErrorCheckedBeforeAnyWork() throws Exception {
        List<String> outs = new ArrayList<>(List.of(unwritable.toString(), dir.toString()));
        if (Files.isDirectory(Path.of("/proc/self"))) {
            outs.add("/proc/x");
        }
        for (String out : outs) {
            assertFails(2, "train", "--data", "iris", "--epochs", "1", "--out", out);
            assertFails(2, "predict", "--model", model.toString(), "--csv", csv.toString(), "--out", out);
        }
        outs.remove(dir.toString());
        for (String command : commands()) {
            if (NeuriteCli.commandLine().getSubcommands().get(command).getCommandSpec().findOption("--out") != null
                    && !command.equals("train") && !command.equals("predict")) {
                for (String out : outs) {
                    Object[] r = NeuriteCliTest.run(command, "--out", out);
                    assertEquals(2, r[0], command + " " + r[2]);
                    assertEquals("", r[1], command + ": printed before failing");
                    assertEquals(1, ((String) r[2]).lines().count(), (String) r[2]);
                }
            }
        }
    }

    @Test
    void aBadFileWhileRunningIsAFailureWithStatusOne() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.csv"), "id,a,b,c,d\nx,1,2,abc,4\n");
        assertFails(1, "predict", "--model", model.toString(), "--csv", bad.toString());
        Path notAModel = Files.writeString(dir.resolve("junk.safetensors"), "junk");
        assertFails(1, "inspect", notAModel.toString());
        assertFails(1, "predict", "--model", notAModel.toString(), "--csv", csv.toString());
        assertFails(1, "serve-example", "--model", notAModel.toString());
    }

    @Test
    void debugShowsTheStackTrace() {
        Object[] r = NeuriteCliTest.run("--debug", "inspect", dir.resolve("junk2").toString());
        assertEquals(2, r[0]);
        Object[] running = NeuriteCliTest.run("train", "--debug", "--data", "iris", "--activation", "nope");
        assertEquals(2, running[0]);
        assertTrue(((String) running[2]).contains("\tat "), (String) running[2]);
        assertTrue(((String) running[2]).lines().findFirst().orElseThrow().startsWith("neurite: --activation"),
                (String) running[2]);
    }
}
