package dev.tpmconsole.views.hosts;

import dev.tpmconsole.model.hosts.HostFinding;
import dev.tpmconsole.model.hosts.HostScanReport;
import dev.tpmconsole.model.hosts.HostScanWriters;
import dev.tpmconsole.model.hosts.HostScanner;
import dev.tpmconsole.model.i18n.Message;
import dev.tpmconsole.model.source.Source;
import dev.tpmconsole.model.ssh.SshHosts;
import dev.tpmconsole.model.ssh.SshPrompts;
import dev.tpmconsole.model.util.AtomicFiles;
import dev.tpmconsole.views.util.BackgroundTask;
import dev.tpmconsole.views.util.FxSchedulers;
import dev.tpmconsole.views.util.I18n;
import dev.tpmconsole.views.util.JobViewModel;
import io.reactivex.rxjava3.core.Completable;
import io.reactivex.rxjava3.core.Scheduler;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The host scan of the Hosts tab (docs/hosts.md, "Scan"): scans the hosts of the open source in the background, one
 * row per host with its progress (waiting, scanning, scanned, unreachable), the findings per host and path with
 * their detail, Cancel, Copy and Export (the JSON of {@code hosts scan}). The last finished scan is kept for the
 * VM details ("was the state folder on its host?"). Host keys and passphrases are asked through the
 * {@link SshPrompts} the window gives; the demo is refused.
 */
public final class HostScanViewModel extends JobViewModel {

    private final FxSchedulers schedulers;
    private final HostScanService service;
    private final SshPrompts prompts;
    private final Clock clock;
    private final ObjectProperty<Source> source = new SimpleObjectProperty<>(this, "source");
    private final ObservableList<HostScanRow> hosts = FXCollections.observableArrayList();
    private final ObservableList<HostScanRow> hostsReadOnly = FXCollections.unmodifiableObservableList(hosts);
    private final ObservableList<HostFinding> findings = FXCollections.observableArrayList();
    private final ObservableList<HostFinding> findingsReadOnly = FXCollections.unmodifiableObservableList(findings);
    private final ObjectProperty<HostFinding> selectedFinding = new SimpleObjectProperty<>(this, "selectedFinding");
    private final ReadOnlyObjectWrapper<HostScanReport> report = new ReadOnlyObjectWrapper<>(this, "report");
    private final BooleanBinding canScan;
    private final BooleanBinding canExport;
    private final StringBinding detail;
    private volatile HostScanner scanner;
    private volatile Recorder recorder = (s, r, ms) -> { };

    /**
     * @param service null when this console cannot reach hosts (scanning is then disabled)
     * @param prompts asks the person for passphrases and unknown host keys (from the scan's threads)
     */
    public HostScanViewModel(FxSchedulers schedulers, HostScanService service, SshPrompts prompts, Clock clock) {
        super(schedulers, Message.of("ui.hostscan.status.notScanned"));
        this.schedulers = schedulers;
        this.service = service;
        this.prompts = prompts == null ? SshPrompts.NONE : prompts;
        this.clock = clock;
        ReadOnlyBooleanProperty running = task.runningProperty();
        canScan = Bindings.createBooleanBinding(() -> service != null && source.get() != null && !running.get(),
                source, running);
        canExport = Bindings.createBooleanBinding(() -> report.get() != null && !running.get(), report, running);
        detail = Bindings.createStringBinding(() -> {
            HostFinding f = selectedFinding.get();
            if (f == null) {
                return findings.isEmpty() ? "" : I18n.t("ui.hostscan.selectFinding");
            }
            return I18n.t("ui.hostscan.detail.on", f.rule().name(), I18n.t(f.severity().message()), f.managementIp()) + "\n"
                    + (f.path() == null ? "" : f.path() + "\n") + I18n.t(f.message()) + "\n"
                    + I18n.t("ui.hostscan.detail.repair", I18n.t(f.repairMessage()))
                    + (f.table() == null ? "" : "\n" + I18n.t("ui.hostscan.detail.row", f.table(), f.key()))
                    + "\n\n" + I18n.t(f.rule().explanation());
        }, selectedFinding, findings, I18n.languageProperty());
        source.addListener((o, a, b) -> {
            cancel();
            clear();
            task.setMessage(Message.of(b == null ? "ui.hostscan.status.noSource" : "ui.hostscan.status.notScanned"));
        });
    }

    /** Keeps a finished scan (in the console's catalogue); called on the scan's thread, never fails the scan. */
    @FunctionalInterface
    public interface Recorder {
        void record(Source source, HostScanReport report, long durationMs);
    }

    /** Where finished scans are recorded from now on (cancelled and failed scans are not). */
    public void recordWith(Recorder recorder) {
        this.recorder = Objects.requireNonNull(recorder);
    }

    /** Scans the hosts of the open source in the background. */
    public void scan() {
        Source s = source.get();
        if (s == null || service == null || task.isRunning()) {
            return;
        }
        clear();
        Scheduler fx = schedulers.fx();
        task.start(Message.of("ui.hostscan.status.reading", s.displayName()), BackgroundTask.work(emitter -> {
                    HostScanner.refuseDemo(s);
                    try (SshHosts ssh = service.open(prompts)) {
                        HostScanner sc = new HostScanner(s, ssh, clock);
                        scanner = sc;
                        List<HostScanner.Target> targets = sc.targets(HostScanner.Options.defaults(), new ArrayList<>());
                        long started = System.nanoTime();
                        HostScanReport r = sc.scan(targets, HostScanner.Options.defaults().parallelism(),
                                new HostScanner.Listener() {
                                    @Override
                                    public void planned(List<HostScanner.Target> t) {
                                        List<HostScanRow> rows = t.stream().map(HostScanRow::waiting).toList();
                                        fx.scheduleDirect(() -> plannedRows(rows));
                                    }

                                    @Override
                                    public void hostStarted(HostScanner.Target t) {
                                        fx.scheduleDirect(() -> replace(t.hostUuid(), row -> row.scanning()));
                                    }

                                    @Override
                                    public void hostEnded(HostScanReport.Host h) {
                                        fx.scheduleDirect(() -> ended(h));
                                    }
                                });
                        fx.scheduleDirect(() -> finished(r));
                        recorder.record(s, r, (System.nanoTime() - started) / 1_000_000);
                    }
                }), x -> { }, () -> { }, this::failed);
    }

    private void plannedRows(List<HostScanRow> rows) {
        hosts.setAll(rows);
        task.setMessage(Message.of("ui.hostscan.status.scanning", rows.size()));
    }

    private void replace(String hostUuid, java.util.function.UnaryOperator<HostScanRow> change) {
        for (int i = 0; i < hosts.size(); i++) {
            if (hosts.get(i).hostUuid().equals(hostUuid)) {
                hosts.set(i, change.apply(hosts.get(i)));
                return;
            }
        }
    }

    private void ended(HostScanReport.Host h) {
        replace(h.hostUuid(), row -> HostScanRow.of(h));
        findings.addAll(h.findings());
        long done = hosts.stream().filter(r -> r.state() != HostScanRow.State.WAITING
                && r.state() != HostScanRow.State.SCANNING).count();
        task.setProgress(hosts.isEmpty() ? 1 : (double) done / hosts.size());
        if (task.isRunning()) {
            task.setMessage(Message.of("ui.hostscan.status.progress", done, hosts.size()));
        }
    }

    private void finished(HostScanReport r) {
        task.ended();
        scanner = null;
        report.set(r);
        hosts.setAll(r.hosts().stream().map(HostScanRow::of).toList());
        findings.setAll(r.findings());
        task.setProgress(1);
        long unreachable = r.hosts().stream().filter(h -> h.status() == HostScanReport.Status.UNREACHABLE).count();
        long act = r.findings().stream().filter(f -> f.severity().needsAction()).count();
        task.setMessage(Message.of("ui.hostscan.status.done", r.hosts().size() - unreachable,
                java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss")
                        .withZone(java.time.ZoneId.systemDefault()).format(r.scannedAt()), unreachable,
                r.findings().size(), act));
        if (selectedFinding.get() == null && !findings.isEmpty()) {
            selectedFinding.set(findings.get(0));
        }
    }

    private void failed(Throwable t) {
        scanner = null;
        if (t instanceof HostScanner.Cancelled) {
            cancelledRows();
            return;
        }
        // a scan refused before any host was reached (the demo's made-up hosts) did not fail: nothing was tried
        boolean refused = t instanceof dev.tpmconsole.model.source.SourceException e
                && e.reason() == dev.tpmconsole.model.source.SourceException.Reason.UNSUPPORTED;
        task.setMessage(Message.of(refused ? "ui.hostscan.status.refused" : "ui.hostscan.status.failed"));
        task.fail(t);
    }

    private void cancelledRows() {
        hosts.replaceAll(HostScanRow::cancelled);
        task.setMessage(Message.of("ui.hostscan.status.cancelled",
                hosts.stream().filter(r -> r.state() != HostScanRow.State.CANCELLED).count(), hosts.size()));
    }

    /** Stops a running scan: hosts not finished are marked cancelled; what was found stays visible. */
    public void cancel() {
        HostScanner s = scanner;
        if (task.cancel()) {
            if (s != null) {
                s.cancel();
            }
            scanner = null;
            cancelledRows();
        }
    }

    private void clear() {
        hosts.clear();
        findings.clear();
        selectedFinding.set(null);
        report.set(null);
        task.setProgress(0);
    }

    /** The findings as text lines (rule, severity, address, path, detail, repair), tab-separated, with a header. */
    public String copyText(List<HostFinding> which) {
        StringBuilder sb = new StringBuilder("rule\tseverity\thost\taddress\tpath\tvm\tdetail\trepair\n");
        for (HostFinding f : which.isEmpty() ? findings : which) {
            sb.append(String.join("\t", f.rule().name(), f.severity().label(), f.hostUuid(),
                    String.valueOf(f.managementIp()), f.path() == null ? "" : f.path(),
                    f.vmUuid() == null ? "" : f.vmUuid(), f.detail(), f.repair())).append('\n');
        }
        return sb.toString();
    }

    /** Writes the last scan (atomically) as the JSON of {@code hosts scan}. */
    public Completable export(Path file) {
        HostScanReport r = report.get();
        if (r == null) {
            return Completable.error(new IllegalStateException(I18n.t("ui.hostscan.scanFirst")));
        }
        return Completable.fromAction(() -> AtomicFiles.write(file, out -> HostScanWriters.json(r, out)))
                .subscribeOn(schedulers.background())
                .observeOn(schedulers.fx());
    }

    /** Exports in the background and reports the outcome in the status line (or the error). */
    public void exportTo(Path file) {
        export(file).subscribe(() -> task.setMessage(Message.of("ui.hostscan.status.exported",
                report.get().hosts().size(), file.toString())), t -> task.fail(Message.of("ui.job.cannotExport",
                file.toString(), t.getLocalizedMessage())));
    }

    public ObjectProperty<Source> sourceProperty() {
        return source;
    }

    public ObservableList<HostScanRow> hosts() {
        return hostsReadOnly;
    }

    public ObservableList<HostFinding> findings() {
        return findingsReadOnly;
    }

    public ObjectProperty<HostFinding> selectedFindingProperty() {
        return selectedFinding;
    }

    /** The last finished scan (null until one finished, and again when the source changes). */
    public ReadOnlyObjectProperty<HostScanReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    public BooleanBinding canScanBinding() {
        return canScan;
    }

    public BooleanBinding canExportBinding() {
        return canExport;
    }

    public StringBinding detailBinding() {
        return detail;
    }

    @Override
    public void close() {
        HostScanner s = scanner;
        if (s != null) {
            s.cancel();
        }
        super.close();
    }
}
