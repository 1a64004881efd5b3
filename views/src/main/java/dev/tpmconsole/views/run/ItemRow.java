package dev.tpmconsole.views.run;

import dev.tpmconsole.model.i18n.Message;
import dev.tpmconsole.model.plan.Plan;
import dev.tpmconsole.views.util.I18n;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

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
    private final ReadOnlyObjectWrapper<Message> cause = new ReadOnlyObjectWrapper<>(this, "cause");
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

    /** Why it failed or was skipped (null: nothing to say), for a view to show in the language of the moment. */
    public ReadOnlyObjectProperty<Message> causeProperty() {
        return cause.getReadOnlyProperty();
    }

    /** {@link #causeProperty()} in the current language; empty when there is none. */
    public String cause() {
        return I18n.t(cause.get());
    }

    /** How the state reads in the current language. */
    public static String label(State s) {
        return switch (s) {
            case PENDING -> I18n.t("ui.run.state.pending");
            case RUNNING -> I18n.t("ui.run.state.running");
            case DONE -> I18n.t("ui.run.state.done");
            case EXPORTED -> I18n.t("ui.run.state.exported");
            case FAILED -> I18n.t("ui.run.state.failed");
            case SKIPPED -> I18n.t("ui.run.state.skipped");
        };
    }

    public String detail() {
        return detail;
    }

    void set(State s, Message cause, String detail) {
        this.state.set(s);
        this.cause.set(cause);
        this.detail = detail == null ? "" : detail;
    }
}
