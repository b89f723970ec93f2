package org.neurite.integration;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.neurite.api.Activations;
import org.neurite.api.Backend;
import org.neurite.api.Backends;
import org.neurite.api.DType;
import org.neurite.core.Mlp;
import org.neurite.core.MlpBuilder;
import org.neurite.tck.Tolerances;

/**
 * Differential test: random multi-layer perceptrons built from one seed on EJML and on ND4J must predict
 * the same, within the test kit's tolerance of the dtype.
 *
 * <p>Per dtype, {@value #NETWORKS} networks with 1–6 dense layers of 1–64 units, input widths of 1–64,
 * activations drawn from whatever {@link Activations#discover()} finds at run time (so new catalogue
 * entries are covered as they arrive), and batches of 1–33 rows of Gaussian inputs. Every network is
 * derived from its own seed, printed on failure, so one failing case can be rebuilt alone.
 */
class BackendAgreementTest {

    private static final int NETWORKS = 1_000;
    private static final int MAX_DEPTH = 6;
    private static final int MAX_WIDTH = 64;
    private static final int MAX_BATCH = 33;
    private static final long MASTER_SEED = 0x5EED_2024L;

    private static final Backend EJML = Backends.get("ejml");
    private static final Backend ND4J = Backends.get("nd4j");

    @ParameterizedTest
    @EnumSource(DType.class)
    void randomNetworksPredictTheSameOnEjmlAndNd4j(DType dtype) {
        List<String> catalogue = Activations.discover().names();
        double tolerance = Tolerances.of(dtype);
        Random master = new Random(MASTER_SEED + dtype.ordinal());
        List<String> failures = new ArrayList<>();
        Set<String> activationsUsed = new TreeSet<>();
        Set<Integer> depthsUsed = new TreeSet<>();
        double worst = 0;
        for (int n = 0; n < NETWORKS; n++) {
            long seed = master.nextLong();
            Case c = Case.random(seed, catalogue);
            activationsUsed.addAll(c.activations);
            depthsUsed.add(c.widths.length);
            double[][] expected = c.build(EJML, dtype).predict(c.inputs);
            double[][] actual = c.build(ND4J, dtype).predict(c.inputs);
            for (int r = 0; r < expected.length; r++) {
                for (int j = 0; j < expected[r].length; j++) {
                    double e = expected[r][j];
                    double a = actual[r][j];
                    boolean bothNaN = Double.isNaN(e) && Double.isNaN(a);
                    if (!bothNaN && !Tolerances.close(e, a, tolerance)) {
                        failures.add(c + " row " + r + " output " + j + ": ejml " + e + ", nd4j " + a);
                    } else if (!bothNaN && e != a) {
                        worst = Math.max(worst, Math.abs(e - a) / Math.max(1.0, Math.abs(e)));
                    }
                }
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " outputs differ beyond " + tolerance + " in " + dtype
                + "; the first ones:\n" + String.join("\n", failures.subList(0, Math.min(10, failures.size()))));
        assertTrue(activationsUsed.containsAll(catalogue), "every activation was drawn: " + activationsUsed);
        assertTrue(depthsUsed.size() == MAX_DEPTH, "every depth was drawn: " + depthsUsed);
        String summary = String.format("%s: %d networks agree; largest relative difference %.3g (tolerance %.3g)",
                dtype, NETWORKS, worst, tolerance);
        System.getLogger(BackendAgreementTest.class.getName()).log(System.Logger.Level.INFO, summary);
    }

    /** One random network and its batch, all drawn from {@code seed}. */
    private record Case(long seed, int inputSize, int[] widths, List<String> activations, double[][] inputs) {

        static Case random(long seed, List<String> catalogue) {
            Random r = new Random(seed);
            int depth = 1 + r.nextInt(MAX_DEPTH);
            int inputSize = 1 + r.nextInt(MAX_WIDTH);
            int[] widths = new int[depth];
            List<String> activations = new ArrayList<>();
            for (int i = 0; i < depth; i++) {
                widths[i] = 1 + r.nextInt(MAX_WIDTH);
                activations.add(catalogue.get(r.nextInt(catalogue.size())));
            }
            double[][] inputs = new double[1 + r.nextInt(MAX_BATCH)][inputSize];
            for (double[] row : inputs) {
                for (int j = 0; j < inputSize; j++) {
                    row[j] = r.nextGaussian();
                }
            }
            return new Case(seed, inputSize, widths, List.copyOf(activations), inputs);
        }

        /** The same weights on every backend: the builder draws them from {@code seed} in Java. */
        Mlp build(Backend backend, DType dtype) {
            MlpBuilder b = Mlp.builder().backend(backend).dtype(dtype).seed(seed).input(inputSize);
            for (int i = 0; i < widths.length; i++) {
                b.dense(widths[i], activations.get(i));
            }
            return b.build();
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("seed ").append(seed).append(" [").append(inputSize);
            for (int i = 0; i < widths.length; i++) {
                sb.append(" -> ").append(widths[i]).append(' ').append(activations.get(i));
            }
            return sb.append("] batch ").append(inputs.length).toString();
        }
    }
}
