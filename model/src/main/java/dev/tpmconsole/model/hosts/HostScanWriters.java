package dev.tpmconsole.model.hosts;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.tpmconsole.model.i18n.Messages;
import dev.tpmconsole.model.ssh.RemoteEntry;
import dev.tpmconsole.model.util.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The scan report as docs/hosts.md writes it: JSON ({@code source, scannedAt, hosts, findings, counts}), for scripts,
 * and a text report grouped by rule, for a person, as the audit's.
 */
public final class HostScanWriters {

    private HostScanWriters() {
    }

    public static void json(HostScanReport r, OutputStream out) throws IOException {
        try (JsonGenerator g = Json.report(out)) {
            g.writeStartObject();
            g.writeStringField("source", r.source());
            g.writeStringField("scannedAt", r.scannedAt().toString());
            g.writeArrayFieldStart("hosts");
            for (HostScanReport.Host h : r.hosts()) {
                g.writeStartObject();
                g.writeStringField("hostUuid", h.hostUuid());
                g.writeStringField("managementIp", h.managementIp());
                g.writeStringField("status", h.status().label());
                g.writeStringField("reason", h.reason());
                g.writeArrayFieldStart("entries");
                for (RemoteEntry e : h.entries()) {
                    g.writeStartObject();
                    g.writeStringField("path", e.path());
                    g.writeStringField("type", e.kind().label());
                    g.writeNumberField("size", e.size());
                    g.writeStringField("mtime", e.mtime() == null ? null : e.mtime().toString());
                    if (e.permissions() >= 0) {
                        g.writeStringField("mode", String.format("%04o", e.permissions()));
                    }
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("findings");
            for (HostFinding f : r.findings()) {
                g.writeStartObject();
                g.writeStringField("rule", f.rule().name());
                g.writeStringField("severity", f.severity().label());
                g.writeStringField("hostUuid", f.hostUuid());
                g.writeStringField("managementIp", f.managementIp());
                g.writeStringField("path", f.path());
                g.writeStringField("table", f.table());
                g.writeStringField("key", f.key());
                g.writeStringField("vmUuid", f.vmUuid());
                g.writeStringField("detail", f.detail());
                g.writeStringField("repair", f.repair());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeObjectFieldStart("counts");
            for (Map.Entry<HostRule, Long> e : r.counts().entrySet()) {
                g.writeNumberField(e.getKey().name(), e.getValue());
            }
            g.writeEndObject();
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    /** The report for a person: hosts, then the findings grouped by rule, then a summary, in the current language. */
    public static void text(HostScanReport r, PrintWriter out) {
        text(r, out, Messages.current());
    }

    /** As {@link #text(HostScanReport, PrintWriter)}, in the language of {@code m}. */
    public static void text(HostScanReport r, PrintWriter out, Messages m) {
        out.printf("%s%n", m.get("report.hosts.heading", r.source(), r.scannedAt().toString()));
        long scanned = r.hosts().stream().filter(h -> h.status() == HostScanReport.Status.SCANNED).count();
        out.printf("%s%n", m.get("report.hosts.hosts", scanned, r.hosts().size() - scanned));
        for (HostScanReport.Host h : r.hosts()) {
            String name = h.name() == null ? h.hostUuid() : h.name() + " " + h.hostUuid();
            out.printf("  %s (%s)  %s%n", name, h.managementIp() == null ? m.get("report.hosts.noAddress")
                    : h.managementIp(), h.status() == HostScanReport.Status.SCANNED
                            ? m.get("report.hosts.scanned", h.entries().size(), h.findings().size())
                            : m.get("report.hosts.notScanned", h.status(), h.why()));
        }
        out.println();
        Map<HostRule, Long> counts = r.counts();
        for (HostRule rule : HostRule.values()) {
            List<HostFinding> of = r.findings().stream().filter(f -> f.rule() == rule).toList();
            if (of.isEmpty()) {
                continue;
            }
            out.printf("%s  [%s]  %s  %s%n", rule.name(), m.format(rule.level().message()),
                    m.get("report.hosts.findings", of.size()), m.format(rule.title()));
            for (HostFinding f : of) {
                out.printf("  %s %s%n    %s%n    %s%n", f.managementIp() == null ? f.hostUuid() : f.managementIp(),
                        f.path() == null ? m.get("report.hosts.theHost") : f.path(), m.format(f.message()),
                        m.get("report.hosts.repair", f.repairMessage()));
            }
            out.println();
        }
        List<String> clean = counts.entrySet().stream().filter(e -> e.getValue() == 0).map(e -> e.getKey().name()).toList();
        if (!clean.isEmpty()) {
            out.printf("%s%n", m.get("report.audit.noFindings", String.join(", ", clean)));
        }
        Map<HostRule.Level, Long> byLevel = new EnumMap<>(HostRule.Level.class);
        counts.forEach((rule, n) -> byLevel.merge(rule.level(), n, Long::sum));
        out.printf("%s%n", m.get("report.hosts.summary",
                byLevel.getOrDefault(HostRule.Level.ORPHAN, 0L), byLevel.getOrDefault(HostRule.Level.SUSPECT, 0L),
                byLevel.getOrDefault(HostRule.Level.INFO, 0L), byLevel.getOrDefault(HostRule.Level.ERROR, 0L),
                r.hosts().size()));
        out.flush();
    }
}
