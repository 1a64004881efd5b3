package dev.tpmconsole.views.audit;

import dev.tpmconsole.model.audit.AuditReport;
import dev.tpmconsole.model.audit.AuditRule;
import dev.tpmconsole.model.audit.AuditSink;
import dev.tpmconsole.model.audit.Auditor;
import dev.tpmconsole.model.audit.Finding;
import dev.tpmconsole.model.audit.FindingState;
import dev.tpmconsole.model.audit.ReportWriters;
import dev.tpmconsole.model.catalogue.Audit;
import dev.tpmconsole.model.catalogue.AuditRecording;
import dev.tpmconsole.model.catalogue.Catalogue;
import dev.tpmconsole.model.catalogue.CloudMarkers;
import dev.tpmconsole.model.catalogue.FindingKey;
import dev.tpmconsole.model.catalogue.KnownFindings;
import dev.tpmconsole.model.i18n.Message;
import dev.tpmconsole.model.schema.SchemaLayout;
import dev.tpmconsole.model.source.Source;
import dev.tpmconsole.model.util.AtomicFiles;
import dev.tpmconsole.views.util.BackgroundTask;
import dev.tpmconsole.views.util.FxSchedulers;
import dev.tpmconsole.views.util.I18n;
import dev.tpmconsole.views.util.JobViewModel;
import dev.tpmconsole.views.util.MessageProperty;
import io.reactivex.rxjava3.core.Completable;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The audit screen's state: runs the audit of the open source in the background (progress per rule,
 * Cancel), holds the findings grouped by rule, explains the selected rule, exports JSON or CSV, and hands the
 * VM of a finding to whoever shows VMs. Findings reach the FX thread once per rule, not once per row.
 *
 * <p>With a catalogue, each finding is marked new, seen or acknowledged from what the catalogue knew of the cloud
 * before the audit, the audit is recorded once it has ended, and the chosen findings can be acknowledged (with a
 * reason) or un-acknowledged; all of it in the background. A catalogue problem is a line in the status, never a
 * reason for the audit to fail.
 */
public final class AuditViewModel extends JobViewModel {

    /** Formats the audit can be exported in. */
    public enum ExportFormat { JSON, CSV }

    private final ObservableValue<Source> source;
    private final FxSchedulers schedulers;
    private final Consumer<String> showVm;

    private final ObservableList<RuleRow> rules = FXCollections.observableArrayList();
    /** A read-only view held once: listeners on a view made per call would be lost to the collector. */
    private final ObservableList<RuleRow> rulesReadOnly = FXCollections.unmodifiableObservableList(rules);
    private final ObservableList<Finding> findings = FXCollections.observableArrayList();
    /** A read-only view held once: listeners on a view made per call would be lost to the collector. */
    private final ObservableList<Finding> findingsReadOnly = FXCollections.unmodifiableObservableList(findings);
    private final List<Finding> allFindings = new ArrayList<>();
    private final ObjectProperty<RuleRow> selectedRule = new SimpleObjectProperty<>(this, "selectedRule");
    private final ObjectProperty<Finding> selectedFinding = new SimpleObjectProperty<>(this, "selectedFinding");
    /** Acknowledging or taking back, in the background; its failure shows as the audit's error. */
    private final BackgroundTask acking;
    private final ReadOnlyObjectWrapper<AuditReport> report = new ReadOnlyObjectWrapper<>(this, "report");
    private final ReadOnlyObjectWrapper<Set<String>> vmsWithFindings =
            new ReadOnlyObjectWrapper<>(this, "vmsWithFindings", Set.of());
    private final StringBinding explanation;
    private final BooleanBinding canRun;
    private final BooleanBinding canExport;
    private final BooleanBinding canShowVm;
    private SchemaLayout layout;

    private final ObservableValue<Catalogue> catalogue;
    private final java.time.Clock clock;
    private final ReadOnlyObjectWrapper<java.util.Map<FindingKey, FindingState>> states =
            new ReadOnlyObjectWrapper<>(this, "states", java.util.Map.of());
    private final ReadOnlyObjectWrapper<java.util.Map<FindingKey, Catalogue.AckEntry>> acknowledgements =
            new ReadOnlyObjectWrapper<>(this, "acknowledgements", java.util.Map.of());
    private final MessageProperty catalogueNote = new MessageProperty(this, "catalogueNote", null);
    private final ReadOnlyObjectWrapper<Catalogue.RecordedAudit> recorded = new ReadOnlyObjectWrapper<>(this, "recorded");
    /** The cloud markers of the audited source and the audit's start (for new findings' first-seen time). */
    private CloudMarkers markers;
    private java.time.Instant startedAt;
    private final BooleanBinding canAcknowledge;

    public AuditViewModel(ObservableValue<Source> source, FxSchedulers schedulers, Consumer<String> showVm) {
        this(source, new javafx.beans.property.SimpleObjectProperty<>(), java.time.Clock.systemUTC(), schedulers, showVm);
    }

    /**
     * @param catalogue the console's catalogue once it is open (null while it opens, or when there is none)
     */
    public AuditViewModel(ObservableValue<Source> source, ObservableValue<Catalogue> catalogue, java.time.Clock clock,
                          FxSchedulers schedulers, Consumer<String> showVm) {
        super(schedulers, Message.of("ui.audit.status.notRun"));
        this.catalogue = catalogue;
        this.clock = clock;
        this.source = source;
        this.schedulers = schedulers;
        this.showVm = showVm;
        acking = new BackgroundTask(schedulers, null);
        ReadOnlyBooleanProperty running = task.runningProperty();
        ReadOnlyBooleanProperty acknowledging = acking.runningProperty();
        selectedRule.addListener((obs, old, row) -> {
            findings.setAll(row == null ? List.of() : allFindings.stream().filter(f -> f.rule() == row.rule()).toList());
            selectedFinding.set(null);
        });
        explanation = Bindings.createStringBinding(() -> selectedRule.get() == null
                ? I18n.t("ui.audit.selectRule")
                : I18n.t("ui.audit.explanation", selectedRule.get().rule().title(), selectedRule.get().rule().severity(),
                        selectedRule.get().rule().explanation()), selectedRule, I18n.languageProperty());
        canRun = Bindings.createBooleanBinding(() -> source.getValue() != null && !running.get(), source, running);
        canExport = Bindings.createBooleanBinding(() -> report.get() != null && !running.get(), report, running);
        canShowVm = Bindings.createBooleanBinding(() -> selectedFinding.get() != null
                && selectedFinding.get().vmUuid() != null, selectedFinding);
        canAcknowledge = Bindings.createBooleanBinding(() -> catalogue.getValue() != null && report.get() != null
                && markers != null && !running.get() && !acknowledging.get(), catalogue, report, running, acknowledging);
        source.addListener((obs, old, s) -> {
            cancel();
            clear();
            task.setMessage(Message.of(s == null ? "ui.audit.status.noSource" : "ui.audit.status.notRun"));
        });
    }

    /** Runs every rule on the open source, in the background. */
    public void run() {
        Source s = source.getValue();
        if (s == null || task.isRunning()) {
            return;
        }
        clear();
        layout = s.layout();
        long started = System.nanoTime();
        java.time.Instant at = clock.instant();
        Catalogue c = catalogue.getValue();
        List<AuditRule> all = Arrays.asList(AuditRule.values());
        task.start(Message.of("ui.audit.status.auditing", s.displayName()), BackgroundTask.<Object>work(emitter -> {
                    Auditor auditor = new Auditor(s);
                    emitter.setCancellable(auditor::cancel);
                    Before before = c == null ? new Before(null, null, null) : before(c, s, at);
                    AuditRecording recording = before.known() == null ? null : new AuditRecording();
                    AuditSink collect = new AuditSink() {
                        private final List<Finding> current = new ArrayList<>();

                        @Override
                        public void finding(Finding finding) {
                            current.add(finding);
                        }

                        @Override
                        public void ruleEnded(AuditRule rule, long count) {
                            emitter.onNext(new RuleDone(rule, count, List.copyOf(current), all.size()));
                            current.clear();
                        }
                    };
                    auditor.run(all, recording == null ? collect : collect.and(recording));
                    long duration = (System.nanoTime() - started) / 1_000_000;
                    emitter.onNext(recording == null ? new Recorded(before, null, before.note())
                            : record(c, before, recording, at, duration));
                }), item -> {
                    if (item instanceof RuleDone done) {
                        ruleDone(done);
                    } else {
                        recorded((Recorded) item, at);
                    }
                }, () -> finished(s, started), this::failed);
    }

    /** What the catalogue knew of the cloud before the audit (or why it could not say). */
    private record Before(CloudMarkers markers, KnownFindings known, Message note) {
    }

    /** The audit as recorded (null when it could not be: {@code note} says why). */
    private record Recorded(Before before, Catalogue.RecordedAudit audit, Message note) {
    }

    private static Before before(Catalogue c, Source s, java.time.Instant at) {
        try {
            CloudMarkers m = CloudMarkers.read(s);
            return new Before(m, c.known(m, Audit.AUDIT, at), null);
        } catch (Catalogue.Failure e) {
            return new Before(null, null, Message.of("ui.audit.note.notRecorded", e.getLocalizedMessage()));
        } catch (java.sql.SQLException e) {
            return new Before(null, null, Message.of("ui.audit.note.whichCloud", e.getLocalizedMessage()));
        }
    }

    private static Recorded record(Catalogue c, Before before, AuditRecording recording, java.time.Instant at,
                                   long durationMs) {
        try {
            return new Recorded(before, c.record(recording.toRecord(before.markers(), at, durationMs, null)), null);
        } catch (Catalogue.Failure e) {
            return new Recorded(before, null, Message.of("ui.audit.note.notRecorded", e.getLocalizedMessage()));
        }
    }

    /** Marks the findings from what was known before, and notes how the recording went. */
    private void recorded(Recorded r, java.time.Instant at) {
        markers = r.before().markers();
        startedAt = at;
        KnownFindings known = r.before().known();
        if (known != null) {
            java.util.Map<FindingKey, FindingState> marks = new java.util.HashMap<>();
            java.util.Map<FindingKey, Catalogue.AckEntry> acks = new java.util.HashMap<>();
            for (Finding f : allFindings) {
                FindingKey k = FindingKey.of(f);
                marks.put(k, known.of(f));
                Catalogue.AckEntry ack = known.acknowledgement(k);
                if (ack != null) {
                    acks.put(k, ack);
                }
            }
            // the acknowledgements first: what listens to the states reads them
            acknowledgements.set(java.util.Map.copyOf(acks));
            states.set(java.util.Map.copyOf(marks));
        }
        Catalogue.RecordedAudit a = r.audit();
        catalogueNote.set(a != null ? Message.of("ui.audit.note.recorded", a.cloudName(), a.newFindings(),
                a.resolvedFindings()) : r.note());
        recorded.set(a);
    }

    /** The catalogue's status of a finding of the last audit, or {@link FindingState#UNKNOWN}. */
    public FindingState stateOf(Finding f) {
        return states.get().getOrDefault(FindingKey.of(f), FindingState.UNKNOWN);
    }

    /** The acknowledgement in force of a finding of the last audit, or null. */
    public Catalogue.AckEntry acknowledgementOf(Finding f) {
        return acknowledgements.get().get(FindingKey.of(f));
    }

    /**
     * Acknowledges these findings in the catalogue with a reason (required) and an optional last day (through
     * its end, UTC); in the background. They are marked acknowledged once it is done.
     */
    public void acknowledge(List<Finding> chosen, String reason, java.time.LocalDate until) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("An acknowledgement needs a reason");
        }
        java.time.Instant expires = until == null ? null
                : until.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        change(chosen, (c, cloud, k) -> c.acknowledge(cloud, k, reason, expires), true);
    }

    /** Takes the acknowledgements of these findings back, in the background. */
    public void unacknowledge(List<Finding> chosen) {
        change(chosen, (c, cloud, k) -> {
            c.unacknowledge(cloud, k);
            return null;
        }, false);
    }

    /** One change per finding, in the catalogue. */
    @FunctionalInterface
    private interface AckChange {
        Catalogue.AckEntry apply(Catalogue c, long cloud, FindingKey key) throws Catalogue.Failure;
    }

    private void change(List<Finding> chosen, AckChange change, boolean acknowledge) {
        Catalogue c = catalogue.getValue();
        CloudMarkers m = markers;
        if (c == null || m == null || chosen.isEmpty() || acking.isRunning()) {
            return;
        }
        List<FindingKey> keys = chosen.stream().map(FindingKey::of).distinct().toList();
        task.dismissError();
        acking.start(null, BackgroundTask.call(() -> {
                    long cloud = c.cloudFor(m).id();
                    java.util.Map<FindingKey, Catalogue.AckEntry> done = new java.util.HashMap<>();
                    for (FindingKey k : keys) {
                        Catalogue.AckEntry a = change.apply(c, cloud, k);
                        if (a != null) {
                            done.put(k, a);
                        }
                    }
                    return done;
                }), done -> {
                    java.util.Map<FindingKey, FindingState> marks = new java.util.HashMap<>(states.get());
                    java.util.Map<FindingKey, Catalogue.AckEntry> acks = new java.util.HashMap<>(acknowledgements.get());
                    for (FindingKey k : keys) {
                        FindingState was = marks.getOrDefault(k, FindingState.UNKNOWN);
                        java.time.Instant first = was.firstSeen() != null ? was.firstSeen() : startedAt;
                        if (acknowledge) {
                            marks.put(k, new FindingState(FindingState.Status.ACKNOWLEDGED, first));
                            acks.put(k, done.get(k));
                        } else {
                            // back to what it is without one: new when this audit saw it first
                            boolean fresh = first != null && startedAt != null
                                    && first.equals(startedAt.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
                            marks.put(k, new FindingState(fresh ? FindingState.Status.NEW : FindingState.Status.SEEN,
                                    first));
                            acks.remove(k);
                        }
                    }
                    acknowledgements.set(java.util.Map.copyOf(acks));
                    states.set(java.util.Map.copyOf(marks));
                    catalogueNote.set(Message.of(acknowledge ? "ui.audit.note.acknowledged"
                            : "ui.audit.note.unacknowledged", keys.size()));
                    ackChanged.set(ackChanged.get() + 1);
                }, () -> { }, task::fail);
    }

    private final javafx.beans.property.ReadOnlyIntegerWrapper ackChanged =
            new javafx.beans.property.ReadOnlyIntegerWrapper(this, "ackChanged");

    /** Counts changes of acknowledgements made here (the overview lists them: it reloads when this changes). */
    public javafx.beans.property.ReadOnlyIntegerProperty ackChangedProperty() {
        return ackChanged.getReadOnlyProperty();
    }

    /** The catalogue's status of each finding of the last audit, by key (replaced whole when it changes). */
    public ReadOnlyObjectProperty<java.util.Map<FindingKey, FindingState>> statesProperty() {
        return states.getReadOnlyProperty();
    }

    /** The acknowledgements in force of the last audit's findings, by key (replaced whole when they change). */
    public ReadOnlyObjectProperty<java.util.Map<FindingKey, Catalogue.AckEntry>> acknowledgementsProperty() {
        return acknowledgements.getReadOnlyProperty();
    }

    /**
     * What the catalogue did with the last audit, or why it could not (one line; empty without a catalogue), in the
     * language it was written in.
     */
    public ReadOnlyStringProperty catalogueNoteProperty() {
        return catalogueNote.textProperty();
    }

    /** {@link #catalogueNoteProperty()} as a message (null: none), for a view to show in the language of the moment. */
    public ReadOnlyObjectProperty<Message> catalogueNoteMessageProperty() {
        return catalogueNote.messageProperty();
    }

    /** The last audit as recorded in the catalogue, or null. */
    public ReadOnlyObjectProperty<Catalogue.RecordedAudit> recordedProperty() {
        return recorded.getReadOnlyProperty();
    }

    /** Whether findings can be acknowledged now (a catalogue, an audit done, nothing else going). */
    public BooleanBinding canAcknowledgeBinding() {
        return canAcknowledge;
    }

    private void ruleDone(RuleDone done) {
        allFindings.addAll(done.findings());
        rules.add(new RuleRow(done.rule(), done.count()));
        task.setProgress((double) rules.size() / done.total());
        task.setMessage(Message.of("ui.audit.status.progress", rules.size(), done.total()));
        if (selectedRule.get() == null && done.count() > 0) {
            selectedRule.set(rules.get(rules.size() - 1));
        }
    }

    private void finished(Source s, long started) {
        java.util.Map<AuditRule, Long> counts = new java.util.LinkedHashMap<>();
        rules.forEach(r -> counts.put(r.rule(), r.count()));
        report.set(new AuditReport(s.displayName(), layout.backupOwnerColumn(), layout.keyRefResourceFk(),
                allFindings, counts));
        Set<String> vms = new HashSet<>();
        allFindings.stream().filter(f -> f.vmUuid() != null && f.severity().needsAction())
                .forEach(f -> vms.add(f.vmUuid()));
        vmsWithFindings.set(Set.copyOf(vms));
        long actionable = allFindings.stream().filter(f -> f.severity().needsAction()).count();
        task.setMessage(Message.of("ui.audit.status.done", allFindings.size(), actionable, rules.size(),
                (System.nanoTime() - started) / 1e9));
    }

    private void failed(Throwable t) {
        if (t instanceof Auditor.Cancelled) {
            task.setMessage(cancelledText());
            return;
        }
        task.setMessage(Message.of("ui.audit.status.failed"));
        task.fail(t);
    }

    private Message cancelledText() {
        return Message.of("ui.audit.status.cancelled", rules.size());
    }

    /**
     * The database changed (a run applied a plan): the report no longer describes it, so it is cleared and
     * the VM list stops marking what it found.
     */
    public void invalidate() {
        if (report.get() != null || task.isRunning()) {
            cancel();
            clear();
            task.setMessage(Message.of("ui.audit.status.changed"));
        }
    }

    /** Stops a running audit; what was found so far stays visible. */
    public void cancel() {
        if (task.cancel()) {
            task.setMessage(cancelledText());
        }
    }

    private void clear() {
        acking.close();
        states.set(java.util.Map.of());
        acknowledgements.set(java.util.Map.of());
        catalogueNote.clear();
        markers = null;
        rules.clear();
        findings.clear();
        allFindings.clear();
        selectedRule.set(null);
        report.set(null);
        vmsWithFindings.set(Set.of());
        task.setProgress(0);
    }

    /** Writes the finished report (atomically) in the same format as {@code audit --format}. */
    public Completable export(Path file, ExportFormat format) {
        AuditReport r = report.get();
        SchemaLayout l = layout;
        if (r == null) {
            return Completable.error(new IllegalStateException(I18n.t("ui.audit.runFirst")));
        }
        return Completable.fromAction(() -> AtomicFiles.write(file, out -> {
                    PrintWriter w = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
                    try {
                        java.util.Map<FindingKey, FindingState> marks = states.get();
                        dev.tpmconsole.model.audit.FindingStates known = f -> marks.getOrDefault(FindingKey.of(f),
                                FindingState.UNKNOWN);
                        r.replay(format == ExportFormat.JSON ? ReportWriters.json(out, known)
                                : ReportWriters.csv(w, known), l);
                    } catch (java.io.IOException | RuntimeException e) {
                        throw e;
                    } catch (Exception e) {
                        throw new java.io.IOException(e);
                    }
                    w.flush();
                }))
                .subscribeOn(schedulers.background())
                .observeOn(schedulers.fx());
    }

    /** Exports in the background and reports the outcome in the status line (or the error). */
    public void exportTo(Path file, ExportFormat format) {
        export(file, format).subscribe(() -> task.setMessage(Message.of("ui.audit.status.exported",
                report.get().findings().size(), file.toString())), t -> task.fail(Message.of("ui.job.cannotExport",
                file.toString(), t.getLocalizedMessage())));
    }

    /** Shows the VM of the selected finding in the browse view. */
    public void showSelectedVm() {
        Finding f = selectedFinding.get();
        if (f != null && f.vmUuid() != null) {
            showVm.accept(f.vmUuid());
        }
    }

    public ObservableList<RuleRow> rules() {
        return rulesReadOnly;
    }

    public ObservableList<Finding> findings() {
        return findingsReadOnly;
    }

    public ObjectProperty<RuleRow> selectedRuleProperty() {
        return selectedRule;
    }

    public ObjectProperty<Finding> selectedFindingProperty() {
        return selectedFinding;
    }

    public ReadOnlyObjectProperty<AuditReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    /** VMs named by an orphan or suspect finding of the last audit (the browse view marks them). */
    public ReadOnlyObjectProperty<Set<String>> vmsWithFindingsProperty() {
        return vmsWithFindings.getReadOnlyProperty();
    }

    public StringBinding explanationBinding() {
        return explanation;
    }

    public BooleanBinding canRunBinding() {
        return canRun;
    }

    public BooleanBinding canExportBinding() {
        return canExport;
    }

    public BooleanBinding canShowVmBinding() {
        return canShowVm;
    }

    @Override
    public void close() {
        super.close();
        acking.close();
    }

    private record RuleDone(AuditRule rule, long count, List<Finding> findings, int total) {
    }
}
