package dev.tpmconsole.model.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.tpmconsole.model.i18n.Message;
import dev.tpmconsole.model.i18n.Messages;
import dev.tpmconsole.model.schema.SchemaLayout;
import dev.tpmconsole.model.util.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report formats of docs/audit-rules.md, with the catalogue's status and first-seen time of each finding
 * (docs/catalogue.md), as sinks that write while the audit runs: JSON (the contract
 * scripts read), CSV ({@code rule,severity,table,key,detail,repair}) and a readable text table.
 */
public final class ReportWriters {

    /** The header of docs/audit-rules.md, then the catalogue's additions (docs/catalogue.md). */
    public static final String CSV_HEADER = "rule,severity,table,key,detail,repair,status,firstSeen";

    private ReportWriters() {
    }

    /** The JSON report, streamed: findings are written as they are found, counts at the end. */
    public static AuditSink json(OutputStream out) {
        return json(out, FindingStates.UNKNOWN);
    }

    /** As {@link #json(OutputStream)}, each finding with its {@code status} and {@code firstSeen} from the catalogue. */
    public static AuditSink json(OutputStream out, FindingStates states) {
        return new JsonSink(out, states);
    }

    public static AuditSink csv(PrintWriter out) {
        return csv(out, FindingStates.UNKNOWN);
    }

    /** The CSV report; {@code status} and {@code firstSeen} are empty when not known. */
    public static AuditSink csv(PrintWriter out, FindingStates states) {
        return new AuditSink() {
            @Override
            public void started(String source, SchemaLayout layout, int rules) {
                out.print(CSV_HEADER + "\r\n");
            }

            @Override
            public void finding(Finding f) throws Exception {
                FindingState state = states.of(f);
                out.print(String.join(",", csvField(f.rule().name()), csvField(f.severity().label()), csvField(f.table()),
                        csvField(f.key()), csvField(f.detail()), csvField(f.repair().label()), csvField(state.label()),
                        csvField(state.firstSeen() == null ? null : state.firstSeen().toString())) + "\r\n");
            }

            @Override
            public void ended() {
                out.flush();
            }
        };
    }

    /** RFC 4180 quoting. */
    public static String csvField(String value) {
        if (value == null) {
            return "";
        }
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }

    /**
     * A text table grouped by rule, with counts and severities, for a person at a terminal: in the process's
     * current language ({@link Messages#current()}), rule ids and keys as they are.
     */
    public static AuditSink text(PrintWriter out) {
        return text(out, FindingStates.UNKNOWN);
    }

    /** As {@link #text(PrintWriter)}, each finding marked new, seen (since when) or acknowledged when known. */
    public static AuditSink text(PrintWriter out, FindingStates states) {
        return text(out, states, Messages.current());
    }

    /** As {@link #text(PrintWriter, FindingStates)}, in the language of {@code m}. */
    public static AuditSink text(PrintWriter out, FindingStates states, Messages m) {
        return new AuditSink() {
            private final List<Finding> current = new ArrayList<>();
            private final List<FindingState> currentStates = new ArrayList<>();
            private final Map<AuditRule, Long> counts = new LinkedHashMap<>();
            private final Map<FindingState.Status, Long> byStatus = new EnumMap<>(FindingState.Status.class);

            @Override
            public void started(String source, SchemaLayout layout, int rules) {
                out.printf("%s%n", m.get("report.audit.heading", source));
                out.printf("%s%n%n", m.get("report.audit.schema", layout.backupOwnerColumn(),
                        Message.of(layout.keyRefResourceFk() ? "report.audit.fk.present" : "report.audit.fk.absent")));
            }

            @Override
            public void finding(Finding f) throws Exception {
                current.add(f);
                FindingState state = states.of(f);
                currentStates.add(state);
                if (state.status() != null) {
                    byStatus.merge(state.status(), 1L, Long::sum);
                }
            }

            @Override
            public void ruleEnded(AuditRule rule, long count) {
                counts.put(rule, count);
                if (count > 0) {
                    out.printf("%s  [%s]  %s  %s%n", rule.name(), m.format(rule.severity().message()),
                            m.get("report.audit.rows", count), m.format(rule.title()));
                    for (int i = 0; i < current.size(); i++) {
                        Finding f = current.get(i);
                        out.printf("  %s %s%s%n    %s%n", f.table(), f.key(), mark(currentStates.get(i)),
                                m.format(f.message()));
                    }
                    out.println();
                }
                current.clear();
                currentStates.clear();
            }

            private String mark(FindingState state) {
                if (state.status() == null) {
                    return "";
                }
                if (state.status() == FindingState.Status.SEEN && state.firstSeen() != null) {
                    return "  [" + m.get("report.audit.seenSince", state.firstSeen().toString().substring(0, 10)) + "]";
                }
                return "  [" + m.format(state.status().message()) + "]";
            }

            @Override
            public void ended() {
                List<String> clean = counts.entrySet().stream().filter(e -> e.getValue() == 0)
                        .map(e -> e.getKey().name()).toList();
                if (!clean.isEmpty()) {
                    out.printf("%s%n", m.get("report.audit.noFindings", String.join(", ", clean)));
                }
                Map<Severity, Long> bySeverity = new EnumMap<>(Severity.class);
                counts.forEach((rule, n) -> bySeverity.merge(rule.severity(), n, Long::sum));
                out.printf("%s%n", m.get("report.audit.summary",
                        bySeverity.getOrDefault(Severity.ORPHAN, 0L), bySeverity.getOrDefault(Severity.SUSPECT, 0L),
                        bySeverity.getOrDefault(Severity.INFO, 0L), counts.size()));
                if (!byStatus.isEmpty()) {
                    out.printf("%s%n", m.get("report.audit.sinceLast",
                            byStatus.getOrDefault(FindingState.Status.NEW, 0L),
                            byStatus.getOrDefault(FindingState.Status.SEEN, 0L),
                            byStatus.getOrDefault(FindingState.Status.ACKNOWLEDGED, 0L)));
                }
                out.flush();
            }
        };
    }

    private static final class JsonSink implements AuditSink {
        private final OutputStream out;
        private final FindingStates states;
        private final Map<AuditRule, Long> counts = new LinkedHashMap<>();
        private JsonGenerator g;

        JsonSink(OutputStream out, FindingStates states) {
            this.out = out;
            this.states = states;
        }

        @Override
        public void started(String source, SchemaLayout layout, int rules) throws IOException {
            g = Json.report(out);
            g.writeStartObject();
            g.writeStringField("source", source);
            g.writeObjectFieldStart("schema");
            g.writeStringField("backupOwnerColumn", layout.backupOwnerColumn());
            g.writeBooleanField("keyRefResourceFk", layout.keyRefResourceFk());
            g.writeEndObject();
            g.writeArrayFieldStart("findings");
        }

        @Override
        public void finding(Finding f) throws Exception {
            FindingState state = states.of(f);
            g.writeStartObject();
            g.writeStringField("rule", f.rule().name());
            g.writeStringField("severity", f.severity().label());
            g.writeStringField("table", f.table());
            g.writeStringField("key", f.key());
            g.writeStringField("detail", f.detail());
            g.writeStringField("repair", f.repair().label());
            g.writeStringField("relinkTo", f.relinkTo());
            g.writeStringField("status", state.label());
            g.writeStringField("firstSeen", state.firstSeen() == null ? null : state.firstSeen().toString());
            g.writeEndObject();
        }

        @Override
        public void ruleEnded(AuditRule rule, long count) {
            counts.put(rule, count);
        }

        @Override
        public void ended() throws IOException {
            g.writeEndArray();
            g.writeObjectFieldStart("counts");
            for (Map.Entry<AuditRule, Long> e : counts.entrySet()) {
                g.writeNumberField(e.getKey().name(), e.getValue());
            }
            g.writeEndObject();
            g.writeEndObject();
            g.writeRaw('\n');
            g.flush();
        }
    }
}
