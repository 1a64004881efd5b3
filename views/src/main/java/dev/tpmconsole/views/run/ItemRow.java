package dev.tpmconsole.views.run;

import dev.tpmconsole.model.plan.Plan;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** One item of a run, as the run view shows it: its step, its row, its state and, when it failed, why. */
public final class ItemRow {

    /**
     * One explicit state per item. EXPORTED: host work written into the run folder's scripts for a person to run;
     * nothing was done on the host.
     */
    public enum State { PENDING, RUNNING, DONE, EXPORTED, FAILED, SKIPPED }

    private final Plan.StepName step;
    private final String item;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.PENDING);
    private final ReadOnlyStringWrapper cause = new ReadOnlyStringWrapper(this, "cause", "");
    private String detail = "";

    public ItemRow(Plan.StepName step, String item) {
        this.step = step;
        this.item = item;
    }

    public Plan.StepName step() {
        return step;
    }

    public String item() {
        return item;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public State state() {
        return state.get();
    }

    public ReadOnlyStringProperty causeProperty() {
        return cause.getReadOnlyProperty();
    }

    public String cause() {
        return cause.get();
    }

    public String detail() {
        return detail;
    }

    void set(State s, String cause, String detail) {
        this.state.set(s);
        this.cause.set(cause == null ? "" : cause);
        this.detail = detail == null ? "" : detail;
    }
}
