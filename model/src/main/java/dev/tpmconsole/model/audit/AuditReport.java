package dev.tpmconsole.model.audit;

import dev.tpmconsole.model.schema.SchemaLayout;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A finished audit held in memory (the GUI's model; the command line streams instead).
 *
 * @param counts every rule that ran, in catalogue order, zeros included
 */
public record AuditReport(String source, String backupOwnerColumn, boolean keyRefResourceFk, List<Finding> findings,
                          Map<AuditRule, Long> counts) {

    public AuditReport {
        findings = List.copyOf(findings);
        counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    }

    /** Whether any finding needs action (orphan or suspect): {@code audit} exits with 3 then. */
    public boolean needsAction() {
        return findings.stream().anyMatch(f -> f.severity().needsAction());
    }

    public List<Finding> findings(AuditRule rule) {
        return findings.stream().filter(f -> f.rule() == rule).toList();
    }

    /** Replays the report into a sink (to export what the GUI holds with the same writers as the CLI). */
    public void replay(AuditSink sink, SchemaLayout layout) throws Exception {
        sink.started(source, layout, counts.size());
        int i = 0;
        for (AuditRule rule : counts.keySet()) {
            sink.ruleStarted(rule, i++);
            for (Finding f : findings(rule)) {
                sink.finding(f);
            }
            sink.ruleEnded(rule, counts.get(rule));
        }
        sink.ended();
    }

    /** Collects an audit into a report. */
    public static final class Collector implements AuditSink {
        private String source;
        private SchemaLayout layout;
        private final List<Finding> findings = new ArrayList<>();
        private final Map<AuditRule, Long> counts = new LinkedHashMap<>();

        @Override
        public void started(String source, SchemaLayout layout, int rules) {
            this.source = source;
            this.layout = layout;
        }

        @Override
        public void finding(Finding finding) {
            findings.add(finding);
        }

        @Override
        public void ruleEnded(AuditRule rule, long count) {
            counts.put(rule, count);
        }

        public AuditReport report() {
            return new AuditReport(source, layout.backupOwnerColumn(), layout.keyRefResourceFk(), findings, counts);
        }
    }
}
