package dev.tpmconsole.views.browse;

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
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
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

    public VmDetailsViewModel(FxSchedulers schedulers) {
        this.runner = new LatestOnly(schedulers);
        this.present = details.isNotNull();
        this.title = Bindings.createStringBinding(() -> {
            VmDetails d = details.get();
            return d == null ? "No VM selected" : d.vm().name();
        }, details);
        this.subtitle = Bindings.createStringBinding(() -> {
            VmDetails d = details.get();
            if (d == null) {
                return "Select a VM in the list to see its TPM, key refs, host files, backups and findings.";
            }
            VmDetails.Vm vm = d.vm();
            StringBuilder s = new StringBuilder(vm.uuid()).append(" · ").append(vm.state());
            if (vm.deleted() != null) {
                s.append(" · soft-deleted ").append(vm.deleted());
            }
            if (vm.hostUuid() != null) {
                s.append(" · on ").append(name(vm.hostName(), vm.hostUuid()));
            } else if (vm.lastHostUuid() != null) {
                s.append(" · last on ").append(name(vm.lastHostName(), vm.lastHostUuid()));
            }
            if (vm.platform() != null) {
                s.append(" · ").append(vm.platform());
            }
            return s.toString();
        }, details);
        this.hostScan = Bindings.createStringBinding(this::hostScanText, details, lastScan);
    }

    /** What the last host scan saw of a host file of this VM ("found", "missing", "host unreachable", ...). */
    public OnHost onHost(VmDetails.HostFile f) {
        dev.tpmconsole.model.hosts.HostScanReport r = lastScan.get();
        if (r == null) {
            return new OnHost("not scanned", false);
        }
        var host = r.host(f.hostUuid());
        if (host.isEmpty()) {
            return new OnHost("host not scanned", false);
        }
        if (host.get().status() != dev.tpmconsole.model.hosts.HostScanReport.Status.SCANNED) {
            return new OnHost("host " + host.get().status().label(), false);
        }
        var refused = host.get().findings().stream().filter(x -> x.rule()
                == dev.tpmconsole.model.hosts.HostRule.HOST_PATH_REFUSED && f.uuid().equals(x.key())).findFirst();
        if (refused.isPresent()) {
            return new OnHost("refused (path rules)", true);
        }
        var entry = host.get().entry(f.path());
        return entry.map(e -> new OnHost("found (" + e.kind().label() + ")", false)).orElse(new OnHost("missing", true));
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
            return "Hosts not scanned yet: Hosts tab, Scan hosts.";
        }
        String when = java.time.format.DateTimeFormatter.ofPattern("HH:mm").withZone(java.time.ZoneId.systemDefault())
                .format(r.scannedAt());
        List<String> parts = new java.util.ArrayList<>();
        for (VmDetails.HostFile f : d.hostFiles()) {
            if (f.type().equals("TpmState")) {
                String host = f.hostName() != null ? f.hostName() : f.hostUuid();
                parts.add("state folder " + onHost(f).text() + " on " + host);
            }
        }
        String dashed = d.vm().uuid().matches("[0-9a-f]{32}")
                ? dev.tpmconsole.model.hosts.HostPaths.hyphenated(d.vm().uuid()) : null;
        for (var f : r.findings()) {
            if (f.rule() == dev.tpmconsole.model.hosts.HostRule.HOST_STATE_UNTRACKED && dashed != null
                    && f.path() != null && f.path().contains(dashed)) {
                parts.add("an untracked state folder on " + f.managementIp());
            }
        }
        return "Host scan at " + when + ": " + (parts.isEmpty() ? "no TPM state folder of this VM on the hosts scanned"
                : String.join("; ", parts)) + ".";
    }

    private static String name(String name, String uuid) {
        return name != null ? name : uuid + " (gone)";
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
        error.set("");
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
                error.set("The VM " + vmUuid + " is not in the snapshot.");
            }
        }, t -> {
            loading.set(false);
            apply(null);
            error.set(BackgroundTask.messageOf(t));
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

    public ReadOnlyStringProperty errorProperty() {
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
