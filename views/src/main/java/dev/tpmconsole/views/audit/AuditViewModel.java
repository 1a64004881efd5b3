package dev.tpmconsole.views.audit;

import dev.tpmconsole.model.audit.AuditReport;
import dev.tpmconsole.model.audit.AuditRule;
import dev.tpmconsole.model.audit.AuditSink;
import dev.tpmconsole.model.audit.Auditor;
import dev.tpmconsole.model.audit.Finding;
import dev.tpmconsole.model.audit.FindingStates;
import dev.tpmconsole.model.audit.ReportWriters;
import dev.tpmconsole.model.catalogue.AuditRecording;
import dev.tpmconsole.model.catalogue.Catalogue;
import dev.tpmconsole.model.catalogue.FindingKey;
import dev.tpmconsole.model.i18n.Message;
import dev.tpmconsole.model.schema.SchemaLayout;
import dev.tpmconsole.model.source.Source;
import dev.tpmconsole.model.util.AtomicFiles;
import dev.tpmconsole.views.util.BackgroundTask;
import dev.tpmconsole.views.util.FxSchedulers;
import dev.tpmconsole.views.util.I18n;
import dev.tpmconsole.views.util.JobViewModel;
import io.reactivex.rxjava3.core.Completable;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * <p>With a catalogue, the audit is recorded once it has ended and its findings are marked from what the catalogue
 * knew before: {@link #marks()}.
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
    private final ReadOnlyObjectWrapper<AuditReport> report = new ReadOnlyObjectWrapper<>(this, "report");
    private final ReadOnlyObjectWrapper<Set<String>> vmsWithFindings =
            new ReadOnlyObjectWrapper<>(this, "vmsWithFindings", Set.of());
    private final StringBinding explanation;
    private final BooleanBinding canRun;
    private final BooleanBinding canExport;
    private final BooleanBinding canShowVm;
    private SchemaLayout layout;

    private final Clock clock;
    /** What the catalogue says of the findings. */
    private final AuditMarks marks;
    /** The last finished audit's findings to act on, acknowledged or not, and its time (negative: none finished). */
    private long actionableFindings;
    private double doneSeconds = -1;

    public AuditViewModel(ObservableValue<Source> source, FxSchedulers schedulers, Consumer<String> showVm) {
        this(source, new SimpleObjectProperty<>(), Clock.systemUTC(), schedulers, showVm);
    }

    /**
     * @param catalogue the console's catalogue once it is open (null while it opens, or when there is none)
     */
    public AuditViewModel(ObservableValue<Source> source, ObservableValue<Catalogue> catalogue, Clock clock,
                          FxSchedulers schedulers, Consumer<String> showVm) {
        super(schedulers, Message.of("ui.audit.status.notRun"));
        this.clock = clock;
        this.source = source;
        this.schedulers = schedulers;
        this.showVm = showVm;
        ReadOnlyBooleanProperty running = task.runningProperty();
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
        marks = new AuditMarks(catalogue, schedulers, canExport, task);
        marks.acknowledgementsProperty().addListener((obs, old, acks) -> {
            if (doneSeconds >= 0 && !running.get()) {
                showDone();
            }
        });
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
        Instant at = clock.instant();
        Catalogue c = marks.current();
        List<AuditRule> all = Arrays.asList(AuditRule.values());
        task.start(Message.of("ui.audit.status.auditing", s.displayName()), BackgroundTask.<Object>work(emitter -> {
                    Auditor auditor = new Auditor(s);
                    emitter.setCancellable(auditor::cancel);
                    AuditMarks.Before before = AuditMarks.before(c, s, at);
                    AuditRecording recording = before.recording();
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
                    emitter.onNext(AuditMarks.record(c, before, recording, at, duration));
                }), item -> {
                    if (item instanceof RuleDone done) {
                        ruleDone(done);
                    } else {
                        marks.recorded((AuditMarks.Recorded) item, at, allFindings);
                    }
                }, () -> finished(s, started), this::failed);
    }

    /** What the catalogue says of the last audit's findings, and acknowledging them. */
    public AuditMarks marks() {
        return marks;
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
        Map<AuditRule, Long> counts = new LinkedHashMap<>();
        rules.forEach(r -> counts.put(r.rule(), r.count()));
        report.set(new AuditReport(s.displayName(), layout.backupOwnerColumn(), layout.keyRefResourceFk(),
                allFindings, counts));
        actionableFindings = allFindings.stream().filter(f -> f.severity().needsAction()).count();
        doneSeconds = (System.nanoTime() - started) / 1e9;
        showDone();
    }

    /**
     * The status of a finished audit: its findings, those to act on and the acknowledged ones; and the VMs with
     * findings to act on. An acknowledged finding is a deliberate exception, not one to act on: the count drops and
     * its VM is no longer marked when it is acknowledged here, and both come back when it is taken back.
     */
    private void showDone() {
        Map<FindingKey, Catalogue.AckEntry> acks = marks.acknowledgementsProperty().get();
        Set<String> vms = new HashSet<>();
        for (Finding f : allFindings) {
            if (f.vmUuid() != null && f.severity().needsAction()
                    && (acks.isEmpty() || !acks.containsKey(FindingKey.of(f)))) {
                vms.add(f.vmUuid());
            }
        }
        vmsWithFindings.set(Set.copyOf(vms));
        long acknowledgedToActOn = acks.keySet().stream().filter(k -> AuditRule.valueOf(k.rule()).severity()
                .needsAction()).count();
        task.setMessage(acks.isEmpty()
                ? Message.of("ui.audit.status.done", allFindings.size(), actionableFindings, rules.size(), doneSeconds)
                : Message.of("ui.audit.status.doneAcknowledged", allFindings.size(),
                        actionableFindings - acknowledgedToActOn, rules.size(), doneSeconds, acks.size()));
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
        doneSeconds = -1;
        marks.clear();
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
                        FindingStates known = marks.snapshot();
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

    /** VMs named by an orphan or suspect finding of the last audit not acknowledged (the browse view marks them). */
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
        marks.close();
    }

    private record RuleDone(AuditRule rule, long count, List<Finding> findings, int total) {
    }
}
