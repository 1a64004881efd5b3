package dev.tpmconsole.views.audit;

import dev.tpmconsole.model.audit.AuditReport;
import dev.tpmconsole.model.audit.AuditRule;
import dev.tpmconsole.model.audit.AuditSink;
import dev.tpmconsole.model.audit.Auditor;
import dev.tpmconsole.model.audit.Finding;
import dev.tpmconsole.model.audit.ReportWriters;
import dev.tpmconsole.model.schema.SchemaLayout;
import dev.tpmconsole.model.source.Source;
import dev.tpmconsole.model.util.AtomicFiles;
import dev.tpmconsole.views.util.FxSchedulers;
import io.reactivex.rxjava3.core.Completable;
import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.disposables.Disposable;
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
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The audit screen's state: runs the audit of the open source in the background (progress per rule,
 * Cancel), holds the findings grouped by rule, explains the selected rule, exports JSON or CSV, and hands the
 * VM of a finding to whoever shows VMs. Findings reach the FX thread once per rule, not once per row.
 */
public final class AuditViewModel implements AutoCloseable {

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
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "Not run yet");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyObjectWrapper<AuditReport> report = new ReadOnlyObjectWrapper<>(this, "report");
    private final ReadOnlyObjectWrapper<Set<String>> vmsWithFindings =
            new ReadOnlyObjectWrapper<>(this, "vmsWithFindings", Set.of());
    private final StringBinding explanation;
    private final BooleanBinding canRun;
    private final BooleanBinding canExport;
    private final BooleanBinding canShowVm;
    private SchemaLayout layout;
    private Disposable run = Disposable.disposed();

    public AuditViewModel(ObservableValue<Source> source, FxSchedulers schedulers, Consumer<String> showVm) {
        this.source = source;
        this.schedulers = schedulers;
        this.showVm = showVm;
        selectedRule.addListener((obs, old, row) -> {
            findings.setAll(row == null ? List.of() : allFindings.stream().filter(f -> f.rule() == row.rule()).toList());
            selectedFinding.set(null);
        });
        explanation = Bindings.createStringBinding(() -> selectedRule.get() == null
                ? "Select a rule to see what it means and how it is repaired."
                : selectedRule.get().rule().title() + " (" + selectedRule.get().severity() + "). "
                        + selectedRule.get().rule().explanation(), selectedRule);
        canRun = Bindings.createBooleanBinding(() -> source.getValue() != null && !running.get(), source, running);
        canExport = Bindings.createBooleanBinding(() -> report.get() != null && !running.get(), report, running);
        canShowVm = Bindings.createBooleanBinding(() -> selectedFinding.get() != null
                && selectedFinding.get().vmUuid() != null, selectedFinding);
        source.addListener((obs, old, s) -> {
            cancel();
            clear();
            status.set(s == null ? "No source open" : "Not run yet");
        });
    }

    /** Runs every rule on the open source, in the background. */
    public void run() {
        Source s = source.getValue();
        if (s == null || running.get()) {
            return;
        }
        clear();
        layout = s.layout();
        running.set(true);
        error.set("");
        status.set("Auditing " + s.displayName() + "…");
        long started = System.nanoTime();
        List<AuditRule> all = Arrays.asList(AuditRule.values());
        run = Observable.<RuleDone>create(emitter -> {
                    Auditor auditor = new Auditor(s);
                    emitter.setCancellable(auditor::cancel);
                    auditor.run(all, new AuditSink() {
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
                    });
                    emitter.onComplete();
                })
                .subscribeOn(schedulers.background())
                .observeOn(schedulers.fx())
                .subscribe(this::ruleDone, this::failed, () -> finished(s, started));
    }

    private void ruleDone(RuleDone done) {
        allFindings.addAll(done.findings());
        rules.add(new RuleRow(done.rule(), done.count()));
        progress.set((double) rules.size() / done.total());
        status.set("Audited " + rules.size() + " of " + done.total() + " rules…");
        if (selectedRule.get() == null && done.count() > 0) {
            selectedRule.set(rules.get(rules.size() - 1));
        }
    }

    private void finished(Source s, long started) {
        running.set(false);
        java.util.Map<AuditRule, Long> counts = new java.util.LinkedHashMap<>();
        rules.forEach(r -> counts.put(r.rule(), r.count()));
        report.set(new AuditReport(s.displayName(), layout.backupOwnerColumn(), layout.keyRefResourceFk(),
                allFindings, counts));
        Set<String> vms = new HashSet<>();
        allFindings.stream().filter(f -> f.vmUuid() != null && f.severity().needsAction())
                .forEach(f -> vms.add(f.vmUuid()));
        vmsWithFindings.set(Set.copyOf(vms));
        long actionable = allFindings.stream().filter(f -> f.severity().needsAction()).count();
        status.set(String.format("%,d findings (%,d to act on) in %d rules, %.1f s", allFindings.size(), actionable,
                rules.size(), (System.nanoTime() - started) / 1e9));
    }

    private void failed(Throwable t) {
        running.set(false);
        if (t instanceof Auditor.Cancelled) {
            status.set("Cancelled after " + rules.size() + " rules");
            return;
        }
        status.set("Failed");
        error.set(t.getMessage() != null ? t.getMessage() : t.toString());
    }

    /**
     * The database changed (a run applied a plan): the report no longer describes it, so it is cleared and
     * the VM list stops marking what it found.
     */
    public void invalidate() {
        if (report.get() != null || running.get()) {
            cancel();
            clear();
            status.set("The database changed since the last audit: run it again (Ctrl+R)");
        }
    }

    /** Stops a running audit; what was found so far stays visible. */
    public void cancel() {
        if (running.get()) {
            run.dispose();
            running.set(false);
            status.set("Cancelled after " + rules.size() + " rules");
        }
    }

    private void clear() {
        run.dispose();
        rules.clear();
        findings.clear();
        allFindings.clear();
        selectedRule.set(null);
        report.set(null);
        vmsWithFindings.set(Set.of());
        progress.set(0);
    }

    /** Writes the finished report (atomically) in the same format as {@code audit --format}. */
    public Completable export(Path file, ExportFormat format) {
        AuditReport r = report.get();
        SchemaLayout l = layout;
        if (r == null) {
            return Completable.error(new IllegalStateException("Run the audit first"));
        }
        return Completable.fromAction(() -> AtomicFiles.write(file, out -> {
                    PrintWriter w = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
                    try {
                        r.replay(format == ExportFormat.JSON ? ReportWriters.json(out) : ReportWriters.csv(w), l);
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
        export(file, format).subscribe(() -> status.set("Exported " + report.get().findings().size() + " findings to "
                + file), t -> error.set("Cannot export to " + file + ": " + t.getMessage()));
    }

    public void dismissError() {
        error.set("");
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

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
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
        run.dispose();
    }

    private record RuleDone(AuditRule rule, long count, List<Finding> findings, int total) {
    }
}
