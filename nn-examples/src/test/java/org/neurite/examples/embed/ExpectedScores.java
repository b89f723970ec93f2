package org.neurite.examples.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.neurite.api.Layer;
import org.neurite.core.Mlp;

/**
 * What every wiring of the scoring service must give on the sample batch: the scores printed by
 * {@code serve-example}, and the same computed by hand from the model's own weights and standardization,
 * with {@code 1.7159 · tanh(2z/3)} and the sigmoid written out here, independently of the library.
 */
public final class ExpectedScores {

    /** The sample batch's ids and scores to 6 decimals: fixed by the bundled trained model. */
    static final List<String> SAMPLE_IDS = List.of("a-001", "a-002", "a-003", "a-004", "a-005", "a-006");
    static final double[] SAMPLE_SCORES = {0.511054, 0.814400, 0.999558, 0.000291, 0.996757, 0.999760};

    private ExpectedScores() {
    }

    /** Checks {@code scores} of the sample batch scored by {@code service}. */
    public static void assertSampleScores(ScoringService service, double[] scores) {
        CsvBatch sample = CsvBatch.sample();
        assertEquals(SAMPLE_IDS, sample.ids());
        assertArrayEquals(SAMPLE_SCORES, scores, 5e-7, "the scores of the sample batch");
        assertArrayEquals(byHand(service.model(), sample.rows()), scores, 1e-12, "the forward pass by hand");
    }

    /** The model's forward pass in plain Java, from its weights, on the rows standardized as it says. */
    static double[] byHand(Mlp model, double[][] rows) {
        double[] mean = model.standardization().orElseThrow().mean();
        double[] scale = model.standardization().orElseThrow().scale();
        Layer hidden = model.layers().get(0);
        Layer output = model.layers().get(1);
        double[][] w1 = hidden.parameters().get("weight").toDoubleArray();
        double[] b1 = hidden.parameters().get("bias").toDoubleArray()[0];
        double[] w2 = output.parameters().get("weight").toDoubleArray()[0];
        double b2 = output.parameters().get("bias").toDoubleArray()[0][0];
        double[] scores = new double[rows.length];
        for (int r = 0; r < rows.length; r++) {
            double z2 = b2;
            for (int j = 0; j < w1.length; j++) {
                double z1 = b1[j];
                for (int k = 0; k < rows[r].length; k++) {
                    z1 += w1[j][k] * (rows[r][k] - mean[k]) / scale[k];
                }
                z2 += w2[j] * 1.7159 * Math.tanh(2.0 / 3.0 * z1);
            }
            scores[r] = 1.0 / (1.0 + Math.exp(-z2));
        }
        return scores;
    }
}
