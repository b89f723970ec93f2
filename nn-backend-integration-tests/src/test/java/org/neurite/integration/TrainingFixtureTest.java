package org.neurite.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.neurite.api.Backends;
import org.neurite.api.DType;
import org.neurite.core.Mlp;
import org.neurite.core.Parameter;
import org.neurite.core.data.Dataset;
import org.neurite.core.optim.GradientClipping;
import org.neurite.core.train.EpochMetrics;
import org.neurite.core.train.Trainer;
import org.neurite.core.train.TrainingResult;

/**
 * The whole training loop against PyTorch's: 20 steps (5 epochs of 4 batches, in the data's order) of every
 * optimizer, schedule and clipping variant, from the same weights and batches, give PyTorch's weights to a
 * relative 1e-9 in float64 and its per-epoch training losses to 1e-12, on every backend (fixtures from
 * {@code training/generate_training.py}).
 */
class TrainingFixtureTest {

    record Case(String name, String optimizer, String schedule, String clip, double[] x, double[] y,
                Map<String, double[]> initial, Map<String, double[]> fin, double[] losses) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> cases() {
        List<Arguments> args = new ArrayList<>();
        for (String backend : List.of("ejml", "nd4j")) {
            for (Case c : read()) {
                args.add(Arguments.of(backend, c));
            }
        }
        return args.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void twentyStepsGivePytorchsWeights(String backend, Case c) {
        Mlp model = Mlp.builder().backend(Backends.get(backend)).dtype(DType.FLOAT64).input(4)
                .dense(6, "tanh").dense(3, "linear").seed(0).build();
        for (Parameter p : model.parameters()) {
            p.tensor().assign(c.initial().get(p.name()));
        }
        double[][] x = new double[24][];
        int[] labels = new int[24];
        for (int i = 0; i < 24; i++) {
            x[i] = Arrays.copyOfRange(c.x(), 4 * i, 4 * i + 4);
            labels[i] = (int) c.y()[i];
        }
        Trainer.Builder builder = Trainer.builder().loss("cross_entropy").optimizer(c.optimizer()).batchSize(6)
                .epochs(5).shuffle(false).clipping(GradientClipping.parse(c.clip()));
        if (!c.schedule().equals("none")) {
            builder.schedule(c.schedule());
        }
        TrainingResult r = builder.build().fit(model, Dataset.classification(x, labels, List.of("0", "1", "2")));
        List<EpochMetrics> epochs = r.history().epochs();
        double[] losses = epochs.stream().mapToDouble(EpochMetrics::trainLoss).toArray();
        GradientFixtureTest.assertClose(c + " per-epoch training loss", c.losses(), losses, 1e-12);
        for (Parameter p : r.model().parameters()) {
            double[] actual = new double[(int) p.size()];
            p.tensor().copyTo(actual);
            GradientFixtureTest.assertClose(c + " " + p.name() + " after 20 steps", c.fin().get(p.name()), actual,
                    1e-9);
        }
        assertEquals(5, epochs.size());
    }

    static List<Case> read() {
        String resource = "/org/neurite/integration/training/training.tsv";
        List<Case> cases = new ArrayList<>();
        try (InputStream in = TrainingFixtureTest.class.getResourceAsStream(resource)) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> f = new LinkedHashMap<>();
            Map<String, double[]> initial = new LinkedHashMap<>();
            Map<String, double[]> fin = new LinkedHashMap<>();
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.startsWith("#")) {
                    continue;
                }
                String[] t = line.split("\t");
                switch (t[0]) {
                    case "initial" -> initial.put(t[1], numbers(t[2]));
                    case "final" -> fin.put(t[1], numbers(t[2]));
                    case "end" -> {
                        cases.add(new Case(f.get("case"), f.get("optimizer"), f.get("schedule"), f.get("clip"),
                                numbers(f.get("x")), numbers(f.get("y")), initial, fin, numbers(f.get("losses"))));
                        f = new LinkedHashMap<>();
                        initial = new LinkedHashMap<>();
                        fin = new LinkedHashMap<>();
                    }
                    default -> f.put(t[0], t[1]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cases;
    }

    private static double[] numbers(String text) {
        return Arrays.stream(text.trim().split(" ")).mapToDouble(Double::parseDouble).toArray();
    }
}
