package org.neurite.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The grammar {@link Activations} and {@link Losses} share: the exact messages of both registries, word for
 * word (the activation ones are those {@link Activations} gave before the parsing moved into
 * {@link SpecParser}).
 */
class SpecParserTest {

    private static String message(Class<? extends RuntimeException> type, Runnable call) {
        return assertThrows(type, call::run).getMessage();
    }

    @Test
    void activationMessagesAreUnchanged() {
        Activations a = Activations.discover();
        assertEquals("activation: expected a name such as 'relu' or 'leaky_relu(alpha=0.1)', got 'scaled('",
                message(IllegalArgumentException.class, () -> a.get("scaled(")));
        assertEquals("activation: expected a name such as 'relu' or 'leaky_relu(alpha=0.1)', got 'null'",
                message(IllegalArgumentException.class, () -> a.get(null)));
        assertEquals("activation: unknown name 'Bent_Identiti'; known: bent, bent_identity, scaled",
                message(UnknownActivationException.class, () -> a.get("Bent_Identiti")));
        assertEquals("activation: unknown name 'nope'; known: bent, bent_identity, scaled",
                message(UnknownActivationException.class, () -> a.sourceOf("nope")));
        assertEquals("activation 'scaled(factor=1,)': expected parameters as name=value separated by commas, got ''",
                message(IllegalArgumentException.class, () -> a.get("scaled(factor=1,)")));
        assertEquals("activation 'scaled(factor=1, FACTOR=2)': parameter 'factor' is given twice",
                message(IllegalArgumentException.class, () -> a.get("scaled(factor=1, FACTOR=2)")));
        assertEquals("activation 'scaled': unknown parameter 'Alpha'; known: factor",
                message(UnknownActivationException.class, () -> a.get("SCALED(Alpha=1)")));
        assertEquals("activation 'bent_identity': unknown parameter 'x'; known: none",
                message(UnknownActivationException.class, () -> a.get("bent(x=1)")));
        assertEquals("activation 'scaled': parameter 'factor' expected a number, got 'big'",
                message(IllegalArgumentException.class, () -> a.get("scaled(factor=big)")));
        assertEquals("activation: the name 'bent_identity' is registered twice, by " + TestActivationProvider.class.getName()
                        + " and by " + TestActivationProvider.class.getName() + "; rename one of them",
                message(DuplicateActivationException.class,
                        () -> Activations.of(List.of(new TestActivationProvider(), new TestActivationProvider()))));
    }

    @Test
    void lossMessagesFollowTheSamePattern() {
        Losses l = Losses.discover();
        assertEquals("loss: expected a name such as 'mse' or 'huber(delta=2.0, reduction=sum)', got 'quantile('",
                message(IllegalArgumentException.class, () -> l.get("quantile(")));
        assertEquals("loss 'quantile(q=1,)': expected parameters as name=value separated by commas, got ''",
                message(IllegalArgumentException.class, () -> l.get("quantile(q=1,)")));
        assertEquals("loss 'quantile(q=0.1, Q=0.2)': parameter 'q' is given twice",
                message(IllegalArgumentException.class, () -> l.get("quantile(q=0.1, Q=0.2)")));
    }
}
