package org.neurite.core.train;

import org.neurite.api.Loss;
import org.neurite.core.Mlp;
import org.neurite.core.data.Dataset;

/** Scores a model on a whole data set in batches: loss per sample, and accuracy or MSE and MAE. */
final class Evaluator {

    private final Mlp model;
    private final Dataset data;
    private final Targets targets;
    private final Batches full;
    private final Batches last;
    private final int[] order;

    Evaluator(Mlp model, Dataset data, Targets targets, int batchSize) {
        this.model = model;
        this.data = data;
        this.targets = targets;
        int n = data.size();
        this.full = new Batches(model, batchSize, targets.width());
        this.last = n % batchSize == 0 ? null : new Batches(model, n % batchSize, targets.width());
        this.order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
    }

    Evaluation evaluate(Loss loss) {
        int n = order.length;
        double total = 0;
        int correct = 0;
        double[] errors = new double[2];
        for (int from = 0; from < n; from += full.rows) {
            Batches batch = from + full.rows <= n ? full : last;
            batch.load(data, targets, order, from);
            total += batch.perSampleTotal(loss, batch.run(model, loss, batch.targets(), targets.width(), false));
            if (data.isClassification()) {
                correct += batch.correct(data, targets, order, from);
            } else {
                batch.errors(errors);
            }
        }
        long elements = (long) n * model.outputSize();
        return data.isClassification()
                ? new Evaluation(total / n, (double) correct / n, Double.NaN, Double.NaN)
                : new Evaluation(total / n, Double.NaN, errors[0] / elements, errors[1] / elements);
    }
}
