package dev.tpmconsole.app.commands;

import dev.tpmconsole.model.audit.AuditRule;
import dev.tpmconsole.model.audit.AuditSink;
import dev.tpmconsole.model.audit.Auditor;
import dev.tpmconsole.model.audit.Finding;
import dev.tpmconsole.model.audit.ReportWriters;
import dev.tpmconsole.model.schema.SchemaLayout;
import dev.tpmconsole.model.source.OpenOptions;
import dev.tpmconsole.model.source.Source;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code audit SOURCE}: runs the rules of audit-rules.md inside the database and reports what ZStack left
 * behind. Never writes to the source. The report is written to a temporary file first and only then to
 * stdout or {@code --out}, so that a source that cannot be read leaves nothing written anywhere.
 */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Report the rows ZStack left behind (the rules of audit-rules.md), as JSON, CSV or a text"
                + " table. Exit status: 0 no orphan or suspect finding, 3 at least one, 1 the source cannot be read"
                + " or is not a ZStack database, 2 usage error.")
public final class AuditCommand implements Callable<Integer> {

    /** Exit status when there is at least one orphan or suspect finding. */
    public static final int FINDINGS = 3;

    /** Report formats. */
    public enum Format { json, csv, text }

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Mixin
    SshOptions ssh;

    @Parameters(paramLabel = "SOURCE", description = "An SQLite snapshot file, or a jdbc:mariadb:// URL.")
    String source;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "json, csv or text (default: text on a terminal, json otherwise).")
    Format format;

    @Option(names = "--rule", paramLabel = "ID", arity = "1..*",
            description = "Run only these rules (default: all). IDs: ${COMPLETION-CANDIDATES}.")
    List<AuditRule> rules;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the report to FILE instead of stdout.")
    Path out;

    @Option(names = "--show-sql", description = "Print the SQL each rule runs on SOURCE, and do not run it.")
    boolean showSql;

    @Option(names = "--timings", description = "Print how long each rule took to stderr.")
    boolean timings;

    @Override
    public Integer call() throws Exception {
        List<AuditRule> selected = rules == null || rules.isEmpty() ? Arrays.asList(AuditRule.values()) : rules;
        Format f = format != null ? format : System.console() != null ? Format.text : Format.json;
        try (Source s = CliSources.open(source, OpenOptions.readOnly(), ssh)) {
            Auditor auditor = new Auditor(s);
            if (showSql) {
                PrintWriter w = spec.commandLine().getOut();
                for (AuditRule rule : selected.stream().distinct().sorted().toList()) {
                    w.printf("-- %s%n%s;%n", rule.name(), auditor.sql(rule));
                }
                w.flush();
                return 0;
            }
            Path dir = out != null ? out.toAbsolutePath().getParent() : null;
            if (dir != null) {
                dev.tpmconsole.model.util.PrivateFiles.createFolders(dir);
            }
            Path temp = dir != null ? Files.createTempFile(dir, "." + out.getFileName() + ".", ".partial")
                    : Files.createTempFile("tpm-console-audit", ".partial");
            try {
                boolean needsAction;
                try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(temp))) {
                    PrintWriter pw = new PrintWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8));
                    AuditSink writer = switch (f) {
                        case json -> ReportWriters.json(os);
                        case csv -> ReportWriters.csv(pw);
                        case text -> ReportWriters.text(pw);
                    };
                    SeverityTracker tracker = new SeverityTracker(writer, timings ? spec.commandLine().getErr() : null);
                    auditor.run(selected, tracker);
                    pw.flush();
                    needsAction = tracker.needsAction;
                }
                if (out != null) {
                    Files.move(temp, out.toAbsolutePath(), StandardCopyOption.REPLACE_EXISTING);
                } else {
                    copyToStdout(temp);
                }
                return needsAction ? FINDINGS : 0;
            } finally {
                Files.deleteIfExists(temp);
            }
        }
    }

    private void copyToStdout(Path file) throws IOException {
        PrintWriter w = spec.commandLine().getOut();
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            reader.transferTo(w);
        }
        w.flush();
    }

    /** Passes everything on and remembers whether a finding needs action. */
    private static final class SeverityTracker implements AuditSink {
        private final AuditSink next;
        private final PrintWriter timings;
        private long started;
        boolean needsAction;

        SeverityTracker(AuditSink next, PrintWriter timings) {
            this.next = next;
            this.timings = timings;
        }

        @Override
        public void started(String source, SchemaLayout layout, int rules) throws Exception {
            next.started(source, layout, rules);
        }

        @Override
        public void ruleStarted(AuditRule rule, int index) throws Exception {
            started = System.nanoTime();
            next.ruleStarted(rule, index);
        }

        @Override
        public void finding(Finding finding) throws Exception {
            needsAction |= finding.severity().needsAction();
            next.finding(finding);
        }

        @Override
        public void ruleEnded(AuditRule rule, long count) throws Exception {
            if (timings != null) {
                timings.printf("%-30s %8d rows %8.3f s%n", rule.name(), count, (System.nanoTime() - started) / 1e9);
                timings.flush();
            }
            next.ruleEnded(rule, count);
        }

        @Override
        public void ended() throws Exception {
            next.ended();
        }
    }
}
