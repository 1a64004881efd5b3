package dev.tpmconsole.model.catalogue;

import dev.tpmconsole.model.util.Labelled;

/** What a recorded run did; {@link #label()} is what the run table's kind column and {@code runs} show. */
public enum RunKind implements Labelled {
    /** A plan of the console's (remove, reset), resumed or not. */
    APPLY("apply"),
    /** A repair plan (of audit findings). */
    REPAIR("repair"),
    /** An undo of a run. */
    UNDO("undo");

    private final String label;

    RunKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    public static RunKind of(String label) {
        return Labelled.byLabel(RunKind.class, label, "run kind");
    }

    /** The kind of a run of a plan of this operation: repair for the repair of audit findings, else apply. */
    public static RunKind ofPlan(String operation) {
        return dev.tpmconsole.model.plan.Plan.REPAIR.equals(operation) ? REPAIR : APPLY;
    }

    @Override
    public String toString() {
        return label;
    }

    /** The column's text. */
    @jakarta.persistence.Converter
    public static final class Text extends LabelText<RunKind> {
        public Text() {
            super(RunKind.class, "run kind");
        }
    }
}
