package org.neurite.examples.tour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.neurite.api.BackendInfo;
import org.neurite.api.Backends;

/** Every section runs on every available backend, and the backends print the same numbers. */
class BothBackendsTest {

    private static List<String> available;

    @TempDir
    Path dir;

    @BeforeAll
    static void backends() {
        available = Backends.discover().describe().stream().filter(BackendInfo::available).map(BackendInfo::name)
                .collect(Collectors.toList());
    }

    static List<String> sections() {
        return Tour.sections().stream().map(Section::command).collect(Collectors.toList());
    }

    /** The output with the backend's name and the figure folder taken out, so that two runs can be compared. */
    private static String neutral(String out, String backend, Path folder) {
        return out.replace(folder.toString(), "<out>").replace("backend " + backend + ",", "backend <b>,");
    }

    @ParameterizedTest
    @MethodSource("sections")
    void sectionPrintsTheSameOnEveryBackend(String command) {
        assumeTrue(available.size() >= 2, "only " + available + " available here");
        String reference = null;
        for (String backend : available) {
            Path out = dir.resolve(backend);
            Cli r = Cli.run(command, "--backend", backend, "--out", out.toString());
            assertEquals(0, r.status(), backend + ": " + r.err());
            String text = neutral(r.out(), backend, out);
            if (command.equals("collapse")) {
                // Matrix products round differently from library to library; the collapse must hold on each.
                Matcher diff = Pattern.compile("Difference: (\\S+)").matcher(text);
                assertTrue(diff.find() && Double.parseDouble(diff.group(1)) < 1e-10, backend + ":\n" + text);
                text = diff.replaceAll("Difference: <rounding>").replaceAll("relative to the output's size: \\S+",
                        "relative: <rounding>");
            }
            if (command.equals("backprop")) {
                // Central differences carry each library's rounding; PartThreeSectionsTest bounds them.
                text = text.replaceAll("(?m)^(layers\\.\\S+ +\\(\\d, \\d\\) +\\d\\.\\d+ +)\\S+$", "$1<rounding>")
                        .replaceAll("parameters: \\S+,", "parameters: <rounding>,");
            }
            if (reference == null) {
                reference = text;
            } else {
                assertEquals(reference, text, command + " on " + backend + " differs from " + available.get(0));
            }
        }
    }
}
