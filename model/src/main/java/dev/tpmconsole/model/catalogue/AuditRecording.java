package dev.tpmconsole.model.catalogue;

import dev.tpmconsole.model.audit.AuditRule;
import dev.tpmconsole.model.audit.AuditSink;
import dev.tpmconsole.model.audit.Finding;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects an audit as it runs (the rules that ran, their counts, the findings) to record it in the catalogue once
 * it has ended. It holds a finding's key, severity, VM and sentence only: a 100,000-VM cloud's ten thousand
 * findings take a few megabytes.
 */
public final class AuditRecording implements AuditSink {

    private final Map<String, Long> counts = new LinkedHashMap<>();
    private final List<Catalogue.Reported> findings = new ArrayList<>();
    private boolean ended;

    @Override
    public void finding(Finding finding) {
        findings.add(Catalogue.Reported.of(finding));
    }

    @Override
    public void ruleEnded(AuditRule rule, long count) {
        counts.put(rule.name(), count);
    }

    @Override
    public void ended() {
        ended = true;
    }

    /** Whether the audit ran to its end (a cancelled or failed one is not recorded). */
    public boolean complete() {
        return ended;
    }

    /** The audit to record, once it has ended. */
    public Catalogue.AuditToRecord toRecord(CloudMarkers markers, Instant startedAt, long durationMs,
                                            String consoleVersion) {
        if (!ended) {
            throw new IllegalStateException("the audit has not ended");
        }
        return new Catalogue.AuditToRecord(Audit.AUDIT, markers, startedAt, durationMs, List.copyOf(counts.keySet()),
                null, counts, findings, consoleVersion);
    }
}
