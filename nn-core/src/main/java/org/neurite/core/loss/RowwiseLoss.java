package org.neurite.core.loss;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.neurite.api.Loss;
import org.neurite.api.Reduction;

/**
 * What the class losses, which read a whole row at a time, share: name, parameters, reduction and value
 * equality. {@code mean} divides by the number of rows, as PyTorch's class losses do.
 */
abstract class RowwiseLoss implements Loss {

    private final String name;
    private final Map<String, Double> parameters;
    private final Reduction reduction;

    RowwiseLoss(String name, Map<String, Double> parameters, Reduction reduction) {
        this.name = Objects.requireNonNull(name, "name");
        this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        this.reduction = Objects.requireNonNull(reduction, "reduction");
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Map<String, Double> parameters() {
        return parameters;
    }

    @Override
    public final Reduction reduction() {
        return reduction;
    }

    /** 1 for {@code sum}; for {@code mean}, {@code 1 / rows}, the factor of each row's loss and gradient. */
    final double norm(int rows) {
        return reduction == Reduction.MEAN ? 1.0 / rows : 1.0;
    }

    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass()
                && ((RowwiseLoss) o).name.equals(name)
                && ((RowwiseLoss) o).parameters.equals(parameters)
                && ((RowwiseLoss) o).reduction == reduction;
    }

    @Override
    public final int hashCode() {
        return Objects.hash(getClass(), name, parameters, reduction);
    }

    @Override
    public final String toString() {
        return spec();
    }
}
