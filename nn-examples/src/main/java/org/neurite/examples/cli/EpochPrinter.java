package org.neurite.examples.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.neurite.core.train.EpochMetrics;
import org.neurite.core.train.TrainingListener;

/**
 * Prints one line per epoch, {@code epoch 3/50 train_loss=0.1234 train_accuracy=0.9500 val_loss=...}. On a
 * terminal ({@code terminal} non-null) each epoch also shows a progress bar over its batches (me.tongfei's
 * progressbar, through JLine), cleared when the epoch's line replaces it; elsewhere, in a pipe, a file or a
 * test, only the lines.
 */
final class EpochPrinter implements TrainingListener, AutoCloseable {

    private final PrintWriter out;
    private final PrintStream terminal;
    private ProgressBar bar;
    private int epochs;

    /**
     * @param out where the epoch lines go
     * @param terminal the terminal {@code out} writes to, for the bar; null for no bar
     */
    EpochPrinter(PrintWriter out, PrintStream terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    /** The terminal to draw a bar on: standard output if it is one (there is a console), else null. */
    static PrintStream terminal() {
        return System.console() != null ? System.out : null;
    }

    @Override
    public void onEpochStart(int epoch, int epochs, int batches) {
        this.epochs = epochs;
        if (terminal != null) {
            out.flush();
            bar = new ProgressBarBuilder().setTaskName("epoch " + epoch + "/" + epochs).setInitialMax(batches)
                    .setUnit(" batches", 1).setUpdateIntervalMillis(100).clearDisplayOnFinish()
                    .setConsumer(new SameLine(terminal)).build();
        }
    }

    /** Closes a bar left open by an epoch that did not end (training failed). */
    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }

    @Override
    public void onBatchEnd(int epoch, int batch, int batches, double loss) {
        if (bar != null) {
            bar.stepTo(batch);
            bar.setExtraMessage(String.format(Locale.ROOT, "loss=%.4f", loss));
        }
    }

    @Override
    public void onEpochEnd(EpochMetrics metrics) {
        close();
        StringBuilder line = new StringBuilder("epoch ").append(metrics.epoch()).append('/').append(epochs);
        TrainReport.metrics(metrics).forEach((name, value) -> line.append(' ').append(name).append('=')
                .append(TrainReport.format(value)));
        out.println(line);
        out.flush();
    }

    /** The console consumer without its closing line break: the cleared bar's line takes the epoch's line. */
    private static final class SameLine extends ConsoleProgressBarConsumer {
        private final PrintStream terminal;

        SameLine(PrintStream terminal) {
            super(terminal);
            this.terminal = terminal;
        }

        @Override
        public void close() {
            terminal.flush();
        }
    }
}
