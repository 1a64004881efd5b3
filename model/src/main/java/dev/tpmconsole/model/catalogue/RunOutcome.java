package dev.tpmconsole.model.catalogue;

import dev.tpmconsole.model.pipeline.RunEvent;
import dev.tpmconsole.model.util.Labelled;

/**
 * How a recorded run went (docs/catalogue.md, Runs); {@link #label()} is what the run table's outcome column and
 * {@code runs} show. A run is {@code running} from its start until its end is recorded (for ever, when its
 * process was killed).
 */
public enum RunOutcome implements Labelled {
    RUNNING("running"),
    /** Every item done (an undo: every row restored or already in place). */
    DONE("done"),
    /** An item failed or was skipped (an undo: a row was refused, or the undo failed). */
    FAILED("failed"),
    /** The run stopped short: an error ended it. */
    STOPPED("stopped"),
    CANCELLED("cancelled"),
    /** An undo that was refused before it changed anything. */
    REFUSED("refused");

    private final String label;

    RunOutcome(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    public static RunOutcome of(String label) {
        return Labelled.byLabel(RunOutcome.class, label, "run outcome");
    }

    /** How a run of a plan ended, as recorded: a run ends done, failed (skipped items included) or cancelled. */
    public static RunOutcome of(RunEvent.Outcome ended) {
        return switch (ended) {
            case DONE -> DONE;
            case FAILED, SKIPPED -> FAILED;
            case CANCELLED -> CANCELLED;
        };
    }

    @Override
    public String toString() {
        return label;
    }

    /** The column's text. */
    @jakarta.persistence.Converter
    public static final class Text extends LabelText<RunOutcome> {
        public Text() {
            super(RunOutcome.class, "run outcome");
        }
    }
}
