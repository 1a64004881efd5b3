package dev.tpmconsole.app;

import dev.tpmconsole.model.i18n.Messages;
import dev.tpmconsole.model.audit.AuditReport;
import dev.tpmconsole.model.audit.Finding;
import dev.tpmconsole.model.audit.Severity;
import dev.tpmconsole.model.dump.ImportResult;
import dev.tpmconsole.model.events.EventLog;
import dev.tpmconsole.model.pipeline.RunEvent;
import dev.tpmconsole.model.plan.Plan;
import dev.tpmconsole.model.source.Source;
import dev.tpmconsole.model.stats.SourceSummary;
import dev.tpmconsole.views.audit.AuditViewModel;
import dev.tpmconsole.views.main.MainViewModel;
import dev.tpmconsole.views.preview.PreviewViewModel;
import dev.tpmconsole.views.repair.RepairViewModel;
import dev.tpmconsole.views.run.ItemRow;
import dev.tpmconsole.views.run.RunViewModel;
import dev.tpmconsole.views.util.Appearance;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ListChangeListener;

/**
 * What the console writes into its event log: each view-model's outcomes (a source opened or refused, an
 * audit's findings, a preview's summary, a run's start, its failed items and its end, a repair, an import)
 * and the changes of appearance. Listens to the view-models' properties; the view-models know nothing of it.
 * FX thread.
 */
final class ConsoleEvents {

    private final EventLog log;

    ConsoleEvents(EventLog log) {
        this.log = log;
    }

    EventLog log() {
        return log;
    }

    /** The event of a source's counts: its VMs, TPMs and rows, and its layout, in the console's language. */
    static String counted(SourceSummary s) {
        return Messages.text("cli.event.counted", s.source(), s.count("VmInstanceEO"), s.count("TpmVO"),
                s.counts().values().stream().mapToLong(Long::longValue).sum(), s.layoutMessage());
    }

    void watch(MainViewModel vm) {
        vm.sourceProperty().addListener((o, a, s) -> {
            if (s != null) {
                log.info("source", Messages.text("cli.event.opened", describe(s)));
            }
        });
        vm.summaryProperty().addListener((o, a, s) -> {
            if (s != null && s.counted() && (a == null || !a.counted() || !a.source().equals(s.source()))) {
                log.info("source", counted(s));
            }
        });
        warnings(vm.errorProperty(), "source");
        vm.importer().resultProperty().addListener((o, a, r) -> {
            if (r != null) {
                log.info("import", imported(r));
            }
        });
        warnings(vm.importer().errorProperty(), "import");
    }

    void watch(AuditViewModel vm) {
        vm.reportProperty().addListener((o, a, r) -> {
            if (r != null) {
                log.info("audit", audited(r));
            }
        });
        warnings(vm.errorProperty(), "audit");
    }

    void watch(PreviewViewModel vm) {
        vm.previewProperty().addListener((o, a, p) -> {
            if (p != null) {
                log.info("preview", vm.titleProperty().get() + ": " + vm.summaryBinding().get());
            }
        });
        warnings(vm.errorProperty(), "preview");
    }

    void watch(RunViewModel vm, Plan plan, Source source, String category) {
        log.info(category, Messages.text("cli.event.runStarted", RunViewModel.operationName(plan.operation()),
                source.displayName()));
        vm.failures().addListener((ListChangeListener<ItemRow>) c -> {
            while (c.next()) {
                for (ItemRow row : c.getAddedSubList()) {
                    log.warning(category, Messages.text("cli.event.itemFailed", String.valueOf(row.step()), row.item(),
                            row.cause()), row.detail());
                }
            }
        });
        vm.outcomeProperty().addListener((o, a, outcome) -> {
            if (outcome == null) {
                return;
            }
            String text = Messages.text("cli.event.runEnded", RunViewModel.operationName(plan.operation()),
                    source.displayName(), outcome, String.valueOf(vm.summaryProperty().get()))
                    + (vm.journalProperty().get() == null ? ""
                    : " " + Messages.text("cli.event.journal", String.valueOf(vm.journalProperty().get())));
            if (outcome == RunEvent.Outcome.DONE) {
                log.info(category, text);
            } else {
                log.warning(category, text, vm.residueTextProperty().get());
            }
        });
        warnings(vm.errorProperty(), category);
    }

    void watch(RepairViewModel vm) {
        vm.resultProperty().addListener((o, a, r) -> {
            if (r != null && !r.isBlank()) {
                log.info("repair", r);
            }
        });
        warnings(vm.errorProperty(), "repair");
    }

    void watch(Appearance appearance) {
        appearance.themeProperty().addListener((o, a, t) -> log.info("app", Messages.text("cli.event.theme",
                t.name().toLowerCase(java.util.Locale.ROOT))));
        appearance.fontSizeProperty().addListener((o, a, s) -> {
            if (Appearance.inRange(s.intValue())) {
                log.info("app", Messages.text("cli.event.fontSize", s.intValue()));
            }
        });
    }

    private void warnings(ObservableStringValue error, String category) {
        error.addListener((o, a, e) -> {
            if (e != null && !e.isBlank()) {
                log.warning(category, e, null);
            }
        });
    }

    static String describe(Source s) {
        return Messages.text(s.writable() ? "cli.event.sourceWritable" : "cli.event.sourceReadOnly", s.displayName(),
                s.kind().name().toLowerCase(java.util.Locale.ROOT));
    }

    /** An audit's event: its findings, and how many of each severity (orphan first), in the console's language. */
    static String audited(AuditReport r) {
        Map<Severity, Long> bySeverity = r.findings().stream().collect(Collectors.groupingBy(
                Finding::severity, () -> new EnumMap<>(Severity.class), Collectors.counting()));
        return Messages.text(bySeverity.isEmpty() ? "cli.event.audited" : "cli.event.auditedBySeverity", r.source(),
                r.findings().size(), bySeverity.entrySet().stream()
                .map(e -> Messages.text("cli.event.severityCount", e.getValue(), e.getKey()))
                .collect(Collectors.joining(Messages.text("cli.event.listSeparator"))));
    }

    static String imported(ImportResult r) {
        long rows = r.rowsPerTable().values().stream().mapToLong(Long::longValue).sum();
        return Messages.text("cli.event.imported", rows, r.rowsPerTable().size(), r.snapshot().toString(),
                r.skippedTables());
    }
}
