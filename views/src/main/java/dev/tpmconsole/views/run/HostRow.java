package dev.tpmconsole.views.run;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One host of a run whose host work is done over SSH, as the run view shows it: how many of its TPM state folders
 * are done (moved into the trash, or gone already) of how many, how many failed, and the failed paths with their
 * cause.
 */
public final class HostRow {

    private final String hostUuid;
    private final String address;
    private final int total;
    private final ReadOnlyIntegerWrapper done = new ReadOnlyIntegerWrapper(this, "done");
    private final ReadOnlyIntegerWrapper failed = new ReadOnlyIntegerWrapper(this, "failed");
    private final ReadOnlyStringWrapper failures = new ReadOnlyStringWrapper(this, "failures", "");

    /** @param address the management address, or null when it is unknown */
    public HostRow(String hostUuid, String address, int total) {
        this.hostUuid = hostUuid;
        this.address = address;
        this.total = total;
    }

    public String hostUuid() {
        return hostUuid;
    }

    /** The management address, or (in the current language) a note that there is none. */
    public String address() {
        return address != null ? address : dev.tpmconsole.views.util.I18n.t("ui.run.addressUnknown");
    }

    public int total() {
        return total;
    }

    public ReadOnlyIntegerProperty doneProperty() {
        return done.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    /** The failed paths with their causes, one after the other on one line. */
    public ReadOnlyStringProperty failuresProperty() {
        return failures.getReadOnlyProperty();
    }

    void moved() {
        done.set(done.get() + 1);
    }

    void failed(String path, String cause) {
        failed.set(failed.get() + 1);
        failures.set((failures.get().isEmpty() ? "" : failures.get() + "; ") + path + ": " + cause);
    }

    /** A retry starts over for what failed. */
    void retrying() {
        failed.set(0);
        failures.set("");
    }
}
