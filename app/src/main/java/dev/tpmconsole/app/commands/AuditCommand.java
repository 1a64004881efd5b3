package dev.tpmconsole.app.commands;

import dev.tpmconsole.model.i18n.Message;
import dev.tpmconsole.model.i18n.Messages;
import dev.tpmconsole.model.audit.AuditRule;
import dev.tpmconsole.model.audit.AuditSink;
import dev.tpmconsole.model.audit.Auditor;
import dev.tpmconsole.model.audit.Finding;
import dev.tpmconsole.model.audit.FindingState;
import dev.tpmconsole.model.audit.FindingStates;
import dev.tpmconsole.model.audit.ReportWriters;
import dev.tpmconsole.model.catalogue.Audit;
import dev.tpmconsole.model.catalogue.AuditRecording;
import dev.tpmconsole.model.catalogue.Catalogue;
import dev.tpmconsole.model.catalogue.CloudMarkers;
import dev.tpmconsole.model.catalogue.KnownFindings;
import dev.tpmconsole.model.schema.SchemaLayout;
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
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code audit SOURCE}: runs the rules of docs/audit-rules.md inside the database and reports what ZStack left
 * behind. Never writes to the source. The report is written to a temporary file first and only then to
 * stdout or {@code --out}, so that a source that cannot be read leaves nothing written anywhere.
 *
 * <p>The audit is recorded in the console's catalogue (docs/catalogue.md) once its report is out: each finding
 * is marked new, seen or acknowledged from what the catalogue knew before, and {@code --fail-on} decides which
 * findings make it exit with 3. The catalogue opens on a thread of its own while the rules run; a catalogue that
 * cannot be used is one line on stderr, and the report and exit status are what they would be without one.
 */
@Command(name = "audit", mixinStandardHelpOptions = true)
public final class AuditCommand implements Callable<Integer> {

    /** Exit status when there is at least one orphan or suspect finding. */
    public static final int FINDINGS = 3;

    /** Report formats. */
    public enum Format { json, csv, text }

    /** What a warning about the catalogue says at its end. */
    private static final Message NOT_RECORDED = Message.of("cli.notRecorded.audit");

    @Spec
    CommandSpec spec;

    /** SOURCE, SSH and the catalogue's options: the audit is recorded in the cloud's history. */
    @Mixin
    SourceOptions options;

    @Option(names = "--format", paramLabel = "FORMAT")
    Format format;

    @Option(names = "--rule", paramLabel = "ID", arity = "1..*")
    List<AuditRule> rules;

    @Option(names = "--out", paramLabel = "FILE")
    Path out;

    @Option(names = "--show-sql")
    boolean showSql;

    @Option(names = "--timings")
    boolean timings;

    @Option(names = "--fail-on", paramLabel = "WHICH", converter = FailOnConverter.class,
            completionCandidates = FailOnConverter.Candidates.class)
    FindingState.FailOn failOn = FindingState.FailOn.ANY;

    @Override
    public Integer call() throws Exception {
        List<AuditRule> selected = rules == null || rules.isEmpty() ? Arrays.asList(AuditRule.values()) : rules;
        Format f = FormatOption.chosen(format, Format.text, Format.json);
        Path catalogueFile = options.catalogue.file(spec);
        try (Source s = options.openReadOnly()) {
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
            // an audit ended before its report is moved into place (SIGTERM, or java -jar's first process gone:
            // decision 0034) leaves no part of it behind
            temp.toFile().deleteOnExit();
            Instant startedAt = Clock.systemUTC().instant();
            long started = System.nanoTime();
            try (CatalogueAccess access = CatalogueAccess.start(catalogueFile, spec.commandLine().getErr())) {
                // the cloud and what the catalogue knows of it are read while the rules run
                CompletableFuture<Known> known = catalogueFile == null ? CompletableFuture.completedFuture(null)
                        : CompletableFuture.supplyAsync(() -> known(access, s, startedAt));
                FindingStates states = new LazyStates(known);
                AuditRecording recording = catalogueFile == null ? null : new AuditRecording();
                boolean needsAction;
                long duration;
                try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(temp))) {
                    PrintWriter pw = new PrintWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8));
                    AuditSink writer = switch (f) {
                        case json -> ReportWriters.json(os, states);
                        case csv -> ReportWriters.csv(pw, states);
                        case text -> ReportWriters.text(pw, states);
                    };
                    SeverityTracker tracker = new SeverityTracker(writer, states, failOn,
                            timings ? spec.commandLine().getErr() : null);
                    auditor.run(selected, recording == null ? tracker : tracker.and(recording));
                    duration = (System.nanoTime() - started) / 1_000_000;
                    pw.flush();
                    needsAction = tracker.needsAction;
                }
                // the recording goes on while the report goes out
                Known k = known.join();
                CompletableFuture<Void> recorded = k == null || recording == null ? CompletableFuture.completedFuture(null)
                        : CompletableFuture.runAsync(() -> {
                            try {
                                k.catalogue().record(recording.toRecord(k.markers(), startedAt, duration,
                                        dev.tpmconsole.app.VersionProvider.version()));
                            } catch (Catalogue.Failure e) {
                                access.warn(Messages.text("cli.catalogue.failure", e.getLocalizedMessage(), NOT_RECORDED));
                            } catch (RuntimeException e) {
                                // a fault of the catalogue never fails the audit
                                access.warn(Messages.text("cli.catalogue.failed", e.toString(), NOT_RECORDED));
                            }
                        });
                try {
                    if (out != null) {
                        Files.move(temp, out.toAbsolutePath(), StandardCopyOption.REPLACE_EXISTING);
                    } else {
                        copyToStdout(temp);
                    }
                } finally {
                    recorded.join();
                }
                return needsAction ? FINDINGS : 0;
            } finally {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** The open catalogue, the source's cloud markers and what the catalogue knows of that cloud. */
    private record Known(Catalogue catalogue, CloudMarkers markers, KnownFindings findings) {
    }

    /** Reads the cloud and what is known of it; null (after a one-line warning) when there is no catalogue. */
    private static Known known(CatalogueAccess access, Source s, Instant startedAt) {
        Catalogue c = access.get();
        if (c == null) {
            return null;
        }
        try {
            CloudMarkers markers = CloudMarkers.read(s);
            return new Known(c, markers, c.known(markers, Audit.AUDIT, startedAt));
        } catch (Catalogue.Failure e) {
            access.warn(Messages.text("cli.catalogue.failure", e.getLocalizedMessage(), NOT_RECORDED));
        } catch (java.sql.SQLException e) {
            access.warn(Messages.text("cli.catalogue.unknownCloud", s.displayName(), e.getLocalizedMessage(), NOT_RECORDED));
        } catch (RuntimeException e) {
            access.warn(Messages.text("cli.catalogue.failed", e.toString(), NOT_RECORDED));
        }
        return null;
    }

    /** The findings' states, once the catalogue has answered (the first finding waits for it): unknown without one. */
    private static final class LazyStates implements FindingStates {
        private final CompletableFuture<Known> known;
        private FindingStates states;

        LazyStates(CompletableFuture<Known> known) {
            this.known = known;
        }

        @Override
        public FindingState of(Finding finding) {
            if (states == null) {
                Known k = known.join();
                states = k == null ? FindingStates.UNKNOWN : k.findings();
            }
            try {
                return states.of(finding);
            } catch (Exception e) {
                return FindingState.UNKNOWN;
            }
        }
    }

    /** {@code any}, {@code unacknowledged}, {@code new}. */
    static final class FailOnConverter implements CommandLine.ITypeConverter<FindingState.FailOn> {
        @Override
        public FindingState.FailOn convert(String value) {
            for (FindingState.FailOn f : FindingState.FailOn.values()) {
                if (f.label().equals(value)) {
                    return f;
                }
            }
            throw new CommandLine.TypeConversionException(Messages.text("cli.audit.failOn.unknown", value));
        }

        /** For the help text and shell completion. */
        static final class Candidates extends java.util.ArrayList<String> {
            private static final long serialVersionUID = 1L;

            Candidates() {
                super(List.of("any", "unacknowledged", "new"));
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

    /** Passes everything on and remembers whether a finding needs action (of the {@code --fail-on} kind). */
    private static final class SeverityTracker implements AuditSink {
        private final AuditSink next;
        private final FindingStates states;
        private final FindingState.FailOn failOn;
        private final PrintWriter timings;
        private long started;
        boolean needsAction;

        SeverityTracker(AuditSink next, FindingStates states, FindingState.FailOn failOn, PrintWriter timings) {
            this.next = next;
            this.states = states;
            this.failOn = failOn;
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
            if (!needsAction && finding.severity().needsAction() && states.of(finding).counts(failOn)) {
                needsAction = true;
            }
            next.finding(finding);
        }

        @Override
        public void ruleEnded(AuditRule rule, long count) throws Exception {
            if (timings != null) {
                timings.println(Messages.text("cli.audit.timing", String.format("%-30s", rule.name()),
                        String.format("%8d", count), String.format("%8.3f", (System.nanoTime() - started) / 1e9)));
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
