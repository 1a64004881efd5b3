package dev.tpmconsole.views.browse;

import dev.tpmconsole.views.util.I18n;
import dev.tpmconsole.model.browse.BrowseQueries;
import dev.tpmconsole.model.browse.VmDetails;
import dev.tpmconsole.model.browse.VmFinding;
import dev.tpmconsole.views.util.BackgroundTask;
import dev.tpmconsole.views.util.FxSchedulers;
import dev.tpmconsole.views.util.LatestOnly;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The details of the selected VM: its TPMs, key refs, host files, backups, tags and findings, loaded in the
 * background when the selection changes (arrowing through the list loads only where it stops).
 */
public final class VmDetailsViewModel implements AutoCloseable {

    private final LatestOnly runner;
    private final ReadOnlyObjectWrapper<VmDetails> details = new ReadOnlyObjectWrapper<>(this, "details");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyBooleanWrapper warmedUp = new ReadOnlyBooleanWrapper(this, "warmedUp");
    private final ReadOnlyObjectWrapper<dev.tpmconsole.model.i18n.Message> error = new ReadOnlyObjectWrapper<>(this, "error");
    private final StringBinding errorText = I18n.text(error);
    private final ReadOnlyStringWrapper shownUuid = new ReadOnlyStringWrapper(this, "shownUuid");
    private final ObservableList<VmDetails.Tpm> tpms = FXCollections.observableArrayList();
    /** A read-only view held once: listeners on a view made per call would be lost to the collector. */
    private final ObservableList<VmDetails.Tpm> tpmsReadOnly = FXCollections.unmodifiableObservableList(tpms);
    private final ObservableList<VmDetails.KeyRef> keyRefs = FXCollections.observableArrayList();
    /** A read-only view held once: listeners on a view made per call would be lost to the collector. */
    private final ObservableList<VmDetails.KeyRef> keyRefsReadOnly = FXCollections.unmodifiableObservableList(keyRefs);
    private final ObservableList<VmDetails.HostFile> hostFiles = FXCollections.observableArrayList();
    /** A read-only view held once: listeners on a view made per call would be lost to the collector. */
    private final ObservableList<VmDetails.HostFile> hostFilesReadOnly = FXCollections.unmodifiableObservableList(hostFiles);
    private final ObservableList<VmDetails.Backup> backups = FXCollections.observableArrayList();
    /** A read-only view held once: listeners on a view made per call would be lost to the collector. */
    private final ObservableList<VmDetails.Backup> backupsReadOnly = FXCollections.unmodifiableObservableList(backups);
    private final ObservableList<VmDetails.Tag> tags = FXCollections.observableArrayList();
    /** A read-only view held once: listeners on a view made per call would be lost to the collector. */
    private final ObservableList<VmDetails.Tag> tagsReadOnly = FXCollections.unmodifiableObservableList(tags);
    private final ObservableList<VmFinding> findings = FXCollections.observableArrayList();
    /** A read-only view held once: listeners on a view made per call would be lost to the collector. */
    private final ObservableList<VmFinding> findingsReadOnly = FXCollections.unmodifiableObservableList(findings);
    private final BooleanBinding present;
    private final StringBinding title;
    private final StringBinding subtitle;
    private final javafx.beans.property.ObjectProperty<dev.tpmconsole.model.hosts.HostScanReport> lastScan =
            new javafx.beans.property.SimpleObjectProperty<>(this, "lastScan");
    private final StringBinding hostScan;
    private BrowseQueries queries;
    private final FxSchedulers schedulers;

    /**
     * Computes in the background what showing a VM and filtering the list need once per source (the findings of the
     * rules that are asked for all VMs at once, a snapshot's VMs by name), so that the first VM selected and the first
     * keystroke do not wait for it. A failure is left for showing a VM
     * to report.
     */
    public void warmUp() {
        BrowseQueries q = queries;
        if (q != null) {
            schedulers.background().scheduleDirect(() -> {
                try {
                    q.warmUp();
                } catch (java.sql.SQLException | RuntimeException e) {
                    // showing a VM asks again, and says what went wrong
                } finally {
                    schedulers.fx().scheduleDirect(() -> warmedUp.set(true));
                }
            });
        }
    }

    /**
     * Whether a {@link #warmUp()} has ended (read or failed), from the first on: the details' view makes its tables
     * then, so that their first CSS and layout do not share two cores with that reading (decision 0046).
     */
    public ReadOnlyBooleanProperty warmedUpProperty() {
        return warmedUp.getReadOnlyProperty();
    }

    public VmDetailsViewModel(FxSchedulers schedulers) {
        this.schedulers = schedulers;
        this.runner = new LatestOnly(schedulers);
        this.present = details.isNotNull();
        this.title = I18n.computed(() -> {
            VmDetails d = details.get();
            return d == null ? I18n.t("ui.details.noVm") : d.vm().name();
        }, details);
        this.subtitle = I18n.computed(() -> {
            VmDetails d = details.get();
            if (d == null) {
                return I18n.t("ui.details.hint");
            }
            VmDetails.Vm vm = d.vm();
            StringBuilder s = new StringBuilder(vm.uuid()).append(" · ")
                    .append(dev.tpmconsole.views.util.ZStackStates.vm(vm.state()));
            if (vm.deleted() != null) {
                s.append(" · ").append(I18n.t("ui.details.softDeleted", vm.deleted()));
            }
            if (vm.hostUuid() != null) {
                s.append(" · ").append(I18n.t("ui.details.on", name(vm.hostName(), vm.hostUuid())));
            } else if (vm.lastHostUuid() != null) {
                s.append(" · ").append(I18n.t("ui.details.lastOn", name(vm.lastHostName(), vm.lastHostUuid())));
            }
            if (vm.platform() != null) {
                s.append(" · ").append(vm.platform());
            }
            return s.toString();
        }, details);
        this.hostScan = I18n.computed(this::hostScanText, details, lastScan);
    }

    /** What the last host scan saw of a host file of this VM ("found", "missing", "host unreachable", ...). */
    public OnHost onHost(VmDetails.HostFile f) {
        dev.tpmconsole.model.hosts.HostScanReport r = lastScan.get();
        if (r == null) {
            return new OnHost(I18n.t("ui.onHost.notScanned"), false);
        }
        var host = r.host(f.hostUuid());
        if (host.isEmpty()) {
            return new OnHost(I18n.t("ui.onHost.hostNotScanned"), false);
        }
        if (host.get().status() != dev.tpmconsole.model.hosts.HostScanReport.Status.SCANNED) {
            return new OnHost(I18n.t("ui.onHost.host", I18n.t(host.get().status().message())), false);
        }
        var refused = host.get().findings().stream().filter(x -> x.rule()
                == dev.tpmconsole.model.hosts.HostRule.HOST_PATH_REFUSED && f.uuid().equals(x.key())).findFirst();
        if (refused.isPresent()) {
            return new OnHost(I18n.t("ui.onHost.refused"), true);
        }
        var entry = host.get().entry(f.path());
        return entry.map(e -> new OnHost(I18n.t("ui.onHost.found", I18n.t(e.kind().message())), false))
                .orElse(new OnHost(I18n.t("ui.onHost.missing"), true));
    }

    /** What the last host scan saw of a host file, in words, and whether it is not there (or may not be looked at). */
    public record OnHost(String text, boolean missing) {
    }

    private String hostScanText() {
        dev.tpmconsole.model.hosts.HostScanReport r = lastScan.get();
        VmDetails d = details.get();
        if (d == null) {
            return "";
        }
        if (r == null) {
            return I18n.t("ui.hostScan.notYet");
        }
        String when = java.time.format.DateTimeFormatter.ofPattern("HH:mm").withZone(java.time.ZoneId.systemDefault())
                .format(r.scannedAt());
        List<String> parts = new java.util.ArrayList<>();
        for (VmDetails.HostFile f : d.hostFiles()) {
            if (f.type().equals("TpmState")) {
                String host = f.hostName() != null ? f.hostName() : f.hostUuid();
                parts.add(I18n.t("ui.hostScan.stateFolder", onHost(f).text(), host));
            }
        }
        String dashed = d.vm().uuid().matches("[0-9a-f]{32}")
                ? dev.tpmconsole.model.hosts.HostPaths.hyphenated(d.vm().uuid()) : null;
        for (var f : r.findings()) {
            if (f.rule() == dev.tpmconsole.model.hosts.HostRule.HOST_STATE_UNTRACKED && dashed != null
                    && f.path() != null && f.path().contains(dashed)) {
                parts.add(I18n.t("ui.hostScan.untracked", f.managementIp()));
            }
        }
        String seen = parts.isEmpty() ? I18n.t("ui.hostScan.nothing") : parts.get(0);
        for (String p : parts.subList(Math.min(1, parts.size()), parts.size())) {
            seen = I18n.t("ui.hostScan.and", seen, p);
        }
        return I18n.t("ui.hostScan.at", when, seen);
    }

    private static String name(String name, String uuid) {
        return name != null ? name : I18n.t("ui.gone", uuid);
    }

    /** The last host scan (bound to the Hosts tab's), for "was the state folder on its host?". */
    public javafx.beans.property.ObjectProperty<dev.tpmconsole.model.hosts.HostScanReport> lastScanProperty() {
        return lastScan;
    }

    /** One line on what the last host scan saw of this VM's state folders. */
    public StringBinding hostScanBinding() {
        return hostScan;
    }

    public void setQueries(BrowseQueries q) {
        this.queries = q;
        show(null);
    }

    /** Shows the VM with this uuid (null: nothing). */
    public void show(String vmUuid) {
        shownUuid.set(vmUuid);
        error.set(null);
        BrowseQueries q = queries;
        if (vmUuid == null || q == null) {
            runner.next();
            loading.set(false);
            apply(null);
            return;
        }
        loading.set(true);
        runner.submit(() -> q.vmDetails(vmUuid), d -> {
            loading.set(false);
            apply(d.orElse(null));
            if (d.isEmpty()) {
                error.set(dev.tpmconsole.model.i18n.Message.of("ui.details.notInSnapshot", vmUuid));
            }
        }, t -> {
            loading.set(false);
            apply(null);
            error.set(I18n.raw(BackgroundTask.messageOf(t)));
        });
    }

    private void apply(VmDetails d) {
        details.set(d);
        tpms.setAll(d == null ? List.of() : d.tpms());
        keyRefs.setAll(d == null ? List.of() : d.keyRefs());
        hostFiles.setAll(d == null ? List.of() : d.hostFiles());
        backups.setAll(d == null ? List.of() : d.backups());
        tags.setAll(d == null ? List.of() : d.tags());
        findings.setAll(d == null ? List.of() : d.findings());
    }

    public ReadOnlyObjectProperty<VmDetails> detailsProperty() {
        return details.getReadOnlyProperty();
    }

    public Optional<VmDetails> details() {
        return Optional.ofNullable(details.get());
    }

    public ReadOnlyStringProperty shownUuidProperty() {
        return shownUuid.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** The error, in the windows' language; empty when there is none. */
    public StringBinding errorProperty() {
        return errorText;
    }

    /** The error; null when there is none. */
    public ReadOnlyObjectProperty<dev.tpmconsole.model.i18n.Message> errorMessageProperty() {
        return error.getReadOnlyProperty();
    }

    public BooleanBinding presentBinding() {
        return present;
    }

    public StringBinding titleBinding() {
        return title;
    }

    public StringBinding subtitleBinding() {
        return subtitle;
    }

    public ObservableList<VmDetails.Tpm> tpms() {
        return tpmsReadOnly;
    }

    public ObservableList<VmDetails.KeyRef> keyRefs() {
        return keyRefsReadOnly;
    }

    public ObservableList<VmDetails.HostFile> hostFiles() {
        return hostFilesReadOnly;
    }

    public ObservableList<VmDetails.Backup> backups() {
        return backupsReadOnly;
    }

    public ObservableList<VmDetails.Tag> tags() {
        return tagsReadOnly;
    }

    public ObservableList<VmFinding> findings() {
        return findingsReadOnly;
    }

    @Override
    public void close() {
        runner.close();
    }
}
