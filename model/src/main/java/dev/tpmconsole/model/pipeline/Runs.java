package dev.tpmconsole.model.pipeline;

import dev.tpmconsole.model.plan.Plan;
import dev.tpmconsole.model.plan.PlanJson;
import dev.tpmconsole.model.schema.DatabaseKind;
import dev.tpmconsole.model.source.Source;
import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.core.Scheduler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Starts and resumes runs. A run has a folder (by default {@code <snapshot>.runs/<UTC timestamp>/}) holding a
 * backup of the snapshot (SQLite's online backup), a copy of the plan, the journal, the quarantine bundle and
 * the exported host work. Nothing is ever added inside the database itself.
 */
public final class Runs {

    public static final String JOURNAL = "journal.jsonl";
    public static final String QUARANTINE = "quarantine.jsonl";
    public static final String PLAN = "plan.json";
    public static final String BACKUP = "backup.sqlite";
    public static final String BACKUP_ROWS = "backup-touched-rows.sql";

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private Runs() {
    }

    /** A run ready to go: subscribe to {@link #events()} to apply it. */
    public record Run(Path folder, Path journalFile, Pipeline.Prepared prepared, Observable<RunEvent> events,
                      Journal journal, JdbcDatabasePort database) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            try {
                journal.close();
            } finally {
                database.close();
            }
        }
    }

    /**
     * Checks the plan (refusing a stale one before anything is written), then creates the run folder, backs up
     * the snapshot and returns the run. {@code journalFile} null means the default folder.
     */
    public static Run start(Source source, Plan plan, Path journalFile, Clock clock, Scheduler scheduler)
            throws RefusedException, IOException, SQLException {
        if (!source.writable()) {
            throw new IllegalArgumentException("open the source writable to apply a plan");
        }
        JdbcDatabasePort db = new JdbcDatabasePort(source);
        // the check reads only; a refused run leaves no folder behind
        Pipeline.Prepared prepared;
        try {
            prepared = Pipeline.prepare(db, plan, Set.of());
        } catch (RefusedException | SQLException | RuntimeException e) {
            db.close();
            throw e;
        }
        Path journal = journalFile != null ? journalFile.toAbsolutePath() : defaultFolder(source, clock).resolve(JOURNAL);
        Path folder = journal.getParent();
        createPrivateFolder(folder);
        if (Files.exists(journal)) {
            throw new RefusedException("The journal " + journal + " exists already; resume it with apply --resume",
                    List.of());
        }
        if (source.snapshotFile().isPresent()) {
            backup(source, folder.resolve(BACKUP));
        } else {
            // a live database: the rows the plan touches, as they are now, as an SQL script that puts them back
            String rows = dev.tpmconsole.model.plan.PlanSql.inverse(plan, source);
            dev.tpmconsole.model.util.AtomicFiles.write(folder.resolve(BACKUP_ROWS),
                    out -> out.write(rows.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        Path planCopy = folder.resolve(PLAN);
        PlanJson.write(plan, planCopy);
        return open(source, db, prepared, folder, journal, planCopy, false, clock, scheduler);
    }

    /** Resumes the run of a journal: done items stay done, failed and unstarted ones run (again). */
    public static Run resume(Source source, Path journalFile, Clock clock, Scheduler scheduler)
            throws RefusedException, IOException, SQLException {
        Path journal = journalFile.toAbsolutePath();
        List<RunEvent> events = Journal.read(journal);
        RunEvent.RunStarted started = events.stream().filter(RunEvent.RunStarted.class::isInstance)
                .map(RunEvent.RunStarted.class::cast).findFirst()
                .orElseThrow(() -> new RefusedException(journal + " is not a run journal (no run-started line)", List.of()));
        Plan plan = PlanJson.read(Path.of(started.plan()));
        Set<String> done = new HashSet<>();
        for (RunEvent e : events) {
            if (e instanceof RunEvent.ItemDone d) {
                done.add(Pipeline.doneKey(d.step(), d.item()));
            } else if (e instanceof RunEvent.ItemFailed f) {
                done.remove(Pipeline.doneKey(f.step(), f.item()));
            }
        }
        JdbcDatabasePort db = new JdbcDatabasePort(source);
        Pipeline.Prepared prepared;
        try {
            prepared = Pipeline.prepare(db, plan, done);
        } catch (RefusedException | SQLException | RuntimeException e) {
            db.close();
            throw e;
        }
        return open(source, db, prepared, journal.getParent(), journal, Path.of(started.plan()), true, clock, scheduler);
    }

    /** The source named in a journal (to open it before {@link #resume}). */
    public static String sourceOf(Path journalFile) throws IOException, RefusedException {
        return Journal.read(journalFile).stream().filter(RunEvent.RunStarted.class::isInstance)
                .map(e -> ((RunEvent.RunStarted) e).source()).findFirst()
                .orElseThrow(() -> new RefusedException(journalFile + " is not a run journal", List.of()));
    }

    private static Run open(Source source, JdbcDatabasePort db, Pipeline.Prepared prepared, Path folder, Path journal,
                            Path planCopy, boolean resumed, Clock clock, Scheduler scheduler) throws IOException {
        Journal j = new Journal(journal);
        Pipeline pipeline = new Pipeline(db, new QuarantineFile(folder.resolve(QUARANTINE)), new HostWorkExporter(folder),
                new Pipeline.Options(source.kind() == DatabaseKind.SQLITE ? 1 : 4, scheduler, clock, e -> {
                    try {
                        j.append(e);
                    } catch (IOException ex) {
                        throw new UncheckedIOException(ex);
                    }
                }));
        return new Run(folder, journal, prepared, pipeline.run(prepared, source.displayName(), planCopy.toString(),
                resumed), j, db);
    }

    /** The run folder holds key material (backup, quarantine): only its owner may read it. */
    static void createPrivateFolder(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            return;
        }
        Files.createDirectories(folder.getParent());
        try {
            Files.createDirectory(folder, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException e) {
            Files.createDirectory(folder);
        }
    }

    static Path defaultFolder(Source source, Clock clock) {
        String stamp = STAMP.format(clock.instant());
        if (source.snapshotFile().isPresent()) {
            Path file = source.snapshotFile().get();
            return file.resolveSibling(file.getFileName() + ".runs").resolve(stamp);
        }
        return Path.of("tpm-console-runs", stamp).toAbsolutePath();
    }

    /** SQLite's online backup of the snapshot into the run folder. */
    static void backup(Source source, Path target) throws SQLException {
        try (Connection c = source.connection(); Statement st = c.createStatement()) {
            st.executeUpdate("backup to \"" + target.toAbsolutePath() + "\"");
        }
    }

    /** Puts back what a run deleted (from its quarantine bundle), refusing rows whose key exists again. */
    public static List<QuarantinedRow> undo(Source source, Path journalFile) throws IOException, SQLException {
        List<QuarantinedRow> rows = new QuarantineFile(journalFile.toAbsolutePath().getParent().resolve(QUARANTINE))
                .readAll();
        // the bundle is in deletion order (key refs, tags, content, row, ResourceVO per item); insert in reverse
        List<QuarantinedRow> reversed = new java.util.ArrayList<>(rows);
        java.util.Collections.reverse(reversed);
        // rows the run changed (relinks) get their old values back; deleted rows are inserted again
        Set<String> updated = new HashSet<>();
        List<RunEvent> events = Journal.read(journalFile.toAbsolutePath());
        for (RunEvent e : events) {
            if (e instanceof RunEvent.RunStarted started && Files.exists(Path.of(started.plan()))) {
                PlanJson.read(Path.of(started.plan())).updates().forEach(u -> updated.add(u.table() + "/" + u.key()));
            }
        }
        JdbcDatabasePort db = new JdbcDatabasePort(source);
        try {
            return db.restore(reversed, updated);
        } finally {
            db.close();
        }
    }
}
