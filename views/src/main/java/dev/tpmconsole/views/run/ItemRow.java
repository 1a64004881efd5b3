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
    /** {@code table/key}: made when first asked for (by the run's index of its rows, off the FX thread). */
    private String item;
    private final String table;
    private final String key;
    private State state = State.PENDING;
    private Message cause;
    private String detail = "";
    /*
     * The properties are made when a view first asks for them: a run holds a row per item (10,000 and more), and a
     * table asks only for the rows it shows. Made for every row, they and the view-model's keys of the rows took 1.8 MB
     * more for 10,000 items (38,000 objects more), which the first young collection of the run copies.
     */
    private ReadOnlyObjectWrapper<State> stateProperty;
    private ReadOnlyObjectWrapper<Message> causeProperty;

    public ItemRow(Plan.StepName step, String item) {
        this.step = step;
        this.item = item;
        this.table = null;
        this.key = null;
    }

    /** The row of a plan's item, its {@code table/key} made when first asked for. */
    public ItemRow(Plan.StepName step, String table, String key) {
        this.step = step;
        this.table = table;
        this.key = key;
    }

    public Plan.StepName step() {
        return step;
    }

    public String item() {
        String i = item;
        if (i == null) {
            // a race between two threads makes the same string twice, and either is right
            i = table + "/" + key;
            item = i;
        }
        return i;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        if (stateProperty == null) {
            stateProperty = new ReadOnlyObjectWrapper<>(this, "state", state);
        }
        return stateProperty.getReadOnlyProperty();
    }

    public State state() {
        return state;
    }

    /** Why it failed or was skipped (null: nothing to say), for a view to show in the language of the moment. */
    public ReadOnlyObjectProperty<Message> causeProperty() {
        if (causeProperty == null) {
            causeProperty = new ReadOnlyObjectWrapper<>(this, "cause", cause);
        }
        return causeProperty.getReadOnlyProperty();
    }

    /** {@link #causeProperty()} in the current language; empty when there is none. */
    public String cause() {
        return I18n.t(cause);
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

    /**
     * Sets the state, the cause and the detail, then tells the properties' listeners, the state's last: a listener to
     * the state finds the whole row changed.
     */
    void set(State s, Message cause, String detail) {
        this.state = s;
        this.cause = cause;
        this.detail = detail == null ? "" : detail;
        if (causeProperty != null) {
            causeProperty.set(cause);
        }
        if (stateProperty != null) {
            stateProperty.set(s);
        }
    }
}
