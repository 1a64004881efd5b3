package dev.tpmconsole.model.pipeline;

import dev.tpmconsole.model.i18n.Message;
import dev.tpmconsole.model.plan.Plan;
import dev.tpmconsole.model.plan.PlanJson;
import dev.tpmconsole.model.plan.PlanSql;
import dev.tpmconsole.model.schema.DatabaseKind;
import dev.tpmconsole.model.source.Source;
import dev.tpmconsole.model.util.AtomicFiles;
import dev.tpmconsole.model.util.FaultPoints;
import dev.tpmconsole.model.util.PartialFiles;
import dev.tpmconsole.model.util.PrivateFiles;
import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.core.Scheduler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Starts, resumes and undoes runs. A run has a folder of its own (by default
 * {@code <snapshot>.runs/<UTC timestamp>/}) holding a backup of the snapshot (SQLite's online backup), a copy
 * of the plan, the journal, the quarantine bundle and the exported host work, all owner-only. Nothing is
 * ever added inside the database itself.
 *
 * <p>One run (or undo) per database at a time ({@link RunLock}). A run folder appears whole: it is prepared
 * under a hidden name and renamed into place once the backup, the plan and the journal are there, so that a
 * kill during the backup leaves no folder without a journal; such leftovers are removed by the next run.
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

    /** A run ready to go: subscribe to {@link #events()} to apply it; close it when it has ended. */
    public record Run(Path folder, Path journalFile, Pipeline.Prepared prepared, Observable<RunEvent> events,
                      Journal journal, JdbcDatabasePort database, RunLock lock, HostMover hostMover)
            implements AutoCloseable {
        @Override
        public void close() throws IOException {
            try {
                journal.close();
            } finally {
                try {
                    database.close();
                } finally {
                    try {
                        if (hostMover != null) {
                            hostMover.close();
                        }
                    } finally {
                        lock.close();
                    }
                }
            }
        }
    }

    /**
     * How a run does its host work: null, exported as scripts (the default); else the factory of the mover that
     * does it on the hosts for the run of a given id (its folder's name).
     */
    @FunctionalInterface
    public interface HostWork {
        HostMover moverFor(String runId) throws Exception;
    }

    /**
     * Checks the plan (refusing a stale one before anything is written), then prepares the run folder (backup,
     * plan copy, empty journal) and returns the run. {@code journalFile} null means the default folder. Refused
     * (nothing changed, no folder left) when another run holds the database, or the folder cannot be prepared.
     */
    public static Run start(Source source, Plan plan, Path journalFile, Clock clock, Scheduler scheduler)
            throws RefusedException, IOException, SQLException {
        return start(source, plan, journalFile, clock, scheduler, null);
    }

    /** {@link #start}, with host work done as {@code hostWork} says (null: exported). */
    public static Run start(Source source, Plan plan, Path journalFile, Clock clock, Scheduler scheduler,
                            HostWork hostWork) throws RefusedException, IOException, SQLException {
        if (!source.writable()) {
            throw new IllegalArgumentException("open the source writable to apply a plan");
        }
        RunLock lock = RunLock.acquire(source, "apply", clock);
        JdbcDatabasePort db = null;
        try {
            db = new JdbcDatabasePort(source);
            Pipeline.Prepared prepared;
            Path journal;
            if (journalFile == null) {
                // the default folder (its backup, a copy of the whole snapshot) is made once the plan is checked, not
                // beside the check: SQLite's copy runs in native code, which the collector's pauses do not stop, and
                // on two cores it lengthened the pauses of the check's collections into the run window's longest gaps
                // between pulses (decision 0039); a refused run copies nothing
                prepared = Pipeline.prepare(db, plan, Set.of());
                journal = StagedFolder.make(source, plan, clock).publish();
            } else {
                // the check reads only; a refused run leaves nothing in the folder named
                prepared = Pipeline.prepare(db, plan, Set.of());
                journal = prepareFolder(source, plan, journalFile);
            }
            return open(source, db, lock, prepared, journal.getParent(), journal, journal.resolveSibling(PLAN), false,
                    clock, scheduler, mover(hostWork, journal, clock));
        } catch (RefusedException | IOException | SQLException | RuntimeException e) {
            if (db != null) {
                db.close();
            }
            lock.close();
            throw e;
        }
    }

    /** Resumes the run of a journal: done items stay done, failed and unstarted ones run (again). */
    public static Run resume(Source source, Path journalFile, Clock clock, Scheduler scheduler)
            throws RefusedException, IOException, SQLException {
        return resume(source, journalFile, clock, scheduler, null);
    }

    /**
     * {@link #resume}; a run that did its host work over SSH does it so again, through {@code hostWork} (refused
     * without it), and one that exported it exports it again.
     */
    public static Run resume(Source source, Path journalFile, Clock clock, Scheduler scheduler, HostWork hostWork)
            throws RefusedException, IOException, SQLException {
        Path journal = journalFile.toAbsolutePath();
        RunLock lock = RunLock.acquire(source, "resume", clock);
        JdbcDatabasePort db = null;
        try {
            List<RunEvent> events = Journal.read(journal);
            RunEvent.RunStarted started = events.stream().filter(RunEvent.RunStarted.class::isInstance)
                    .map(RunEvent.RunStarted.class::cast).findFirst()
                    .orElseThrow(() -> new RefusedException(Message.of("run.notJournal.noStart", journal)));
            Plan plan = PlanJson.read(Path.of(started.plan()));
            Set<String> done = new HashSet<>();
            for (RunEvent e : events) {
                if (e instanceof RunEvent.ItemDone d) {
                    done.add(Pipeline.doneKey(d.step(), d.item()));
                } else if (e instanceof RunEvent.ItemFailed f) {
                    done.remove(Pipeline.doneKey(f.step(), f.item()));
                }
            }
            if (started.overSsh() && hostWork == null) {
                throw new RefusedException(Message.of("run.resumeOverSsh"));
            }
            db = new JdbcDatabasePort(source);
            Pipeline.Prepared prepared = Pipeline.prepare(db, plan, done);
            return open(source, db, lock, prepared, journal.getParent(), journal, Path.of(started.plan()), true, clock,
                    scheduler, started.overSsh() ? mover(hostWork, journal, clock) : null);
        } catch (RefusedException | IOException | SQLException | RuntimeException e) {
            if (db != null) {
                db.close();
            }
            lock.close();
            throw e;
        }
    }

    /** The source named in a journal (to open it before {@link #resume}). */
    public static String sourceOf(Path journalFile) throws IOException, RefusedException {
        return Journal.read(journalFile).stream().filter(RunEvent.RunStarted.class::isInstance)
                .map(e -> ((RunEvent.RunStarted) e).source()).findFirst()
                .orElseThrow(() -> new RefusedException(Message.of("run.notJournal", journalFile)));
    }

    private static Run open(Source source, JdbcDatabasePort db, RunLock lock, Pipeline.Prepared prepared, Path folder,
                            Path journal, Path planCopy, boolean resumed, Clock clock, Scheduler scheduler,
                            HostMover mover) throws IOException {
        Journal j = new Journal(journal);
        Pipeline pipeline = new Pipeline(db, new QuarantineFile(folder.resolve(QUARANTINE)), new HostWorkExporter(folder),
                new Pipeline.Options(source.kind() == DatabaseKind.SQLITE ? 1 : 4, scheduler, clock, j::append, mover));
        return new Run(folder, journal, prepared, pipeline.run(prepared, source.displayName(), planCopy.toString(),
                resumed), j, db, lock, mover);
    }

    /** The mover of the run whose journal this is, or null for exported host work. */
    private static HostMover mover(HostWork hostWork, Path journal, Clock clock) throws RefusedException {
        if (hostWork == null) {
            return null;
        }
        try {
            return hostWork.moverFor(runId(journal, clock));
        } catch (Exception e) {
            throw new RefusedException(Message.of("run.noSsh", dev.tpmconsole.model.util.Causes.message(e)));
        }
    }

    /** A run's id: the UTC time it began, {@code -2}... for a second run in that second, or a suffix of its own. */
    private static final java.util.regex.Pattern RUN_ID = java.util.regex.Pattern.compile("[0-9]{8}T[0-9]{6}Z(-[0-9a-f]{1,16})?");
    static final String RUN_ID_FILE = "run-id";

    /** Whether a name is a run id (what names a run's trash on the hosts). */
    public static boolean isRunId(String name) {
        return name != null && RUN_ID.matcher(name).matches();
    }

    /**
     * The id of the run of this journal, which names its trash on the hosts and so must not change when it is
     * resumed: its folder's name (the UTC time it began); for a folder named by {@code --journal}, the id written
     * into its {@code run-id} file when its host work first needed one.
     */
    public static String runId(Path journal, Clock clock) throws IOException {
        Path folder = journal.toAbsolutePath().getParent();
        String name = folder.getFileName().toString();
        if (isRunId(name)) {
            return name;
        }
        Path file = folder.resolve(RUN_ID_FILE);
        if (Files.exists(file)) {
            String id = Files.readString(file, StandardCharsets.US_ASCII).strip();
            if (!isRunId(id)) {
                throw new IOException(file + " does not hold a run id");
            }
            return id;
        }
        String id = STAMP.format(clock.instant()) + "-" + Long.toHexString(folder.toString().hashCode() & 0xffffffffL);
        AtomicFiles.write(file, out -> out.write((id + "\n").getBytes(StandardCharsets.US_ASCII)));
        return id;
    }

    /** Where the runs of a snapshot go: {@code <snapshot>.runs/}. */
    public static Path runsFolder(Path snapshot) {
        Path file = snapshot.toAbsolutePath();
        return file.resolveSibling(file.getFileName() + ".runs");
    }

    /**
     * Prepares the run folder named by {@code --journal} and returns its journal (empty): its files are written
     * under temporary names, the journal last.
     */
    private static Path prepareFolder(Source source, Plan plan, Path journalFile)
            throws RefusedException, IOException, SQLException {
        Path journal = journalFile.toAbsolutePath().normalize();
        Path folder = PrivateFiles.createFolders(journal.getParent());
        if (Files.exists(journal)) {
            throw new RefusedException(Message.of("run.journalExists", journal));
        }
        PartialFiles.removeStale(folder);
        fill(source, plan, folder, folder);
        try {
            PrivateFiles.createFile(journal);
        } catch (FileAlreadyExistsException e) {
            throw new RefusedException(Message.of("run.journalExists", journal));
        }
        return journal;
    }

    /**
     * The default run folder, made whole under a hidden name beside the snapshot ({@code <snapshot>.runs/}), then
     * renamed into place under its time stamp ({@link #publish()}); {@code make} and {@code publish} remove it when they
     * fail.
     */
    private record StagedFolder(Path base, Path staging, String stamp) {

        static StagedFolder make(Source source, Plan plan, Clock clock) throws RefusedException, IOException,
                SQLException {
            Path base = PrivateFiles.createFolders(source.snapshotFile().map(Runs::runsFolder)
                    .orElse(Path.of("tpm-console-runs").toAbsolutePath()));
            PartialFiles.removeStale(base);
            String stamp = STAMP.format(clock.instant());
            Path staging = base.resolve(PartialFiles.partialName(stamp));
            try {
                PrivateFiles.createFolder(staging);
                fill(source, plan, staging, base.resolve(stamp));
                PrivateFiles.createFile(staging.resolve(JOURNAL));
                return new StagedFolder(base, staging, stamp);
            } catch (RefusedException | IOException | SQLException | RuntimeException e) {
                PartialFiles.deleteTree(staging);
                throw e;
            }
        }

        /** Renames the folder into place; returns its journal. */
        Path publish() throws IOException {
            try {
                return Runs.publish(staging, base, stamp).resolve(JOURNAL);
            } catch (IOException | RuntimeException e) {
                PartialFiles.deleteTree(staging);
                throw e;
            }
        }
    }

    /**
     * Renames the whole run folder into place under the time stamp, or -2, -3... when a run started in the same
     * second (a rename never replaces a folder that has files).
     */
    private static Path publish(Path staging, Path base, String stamp) throws IOException {
        for (int n = 1; ; n++) {
            Path folder = base.resolve(n == 1 ? stamp : stamp + "-" + n);
            if (Files.exists(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try {
                return Files.move(staging, folder, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException taken) {
                // made by another console meanwhile: the next name
            }
        }
    }

    /**
     * Writes the backup and the plan copy into {@code folder}, each under a temporary name first. A failure
     * refuses the run (nothing changed), naming the run folder as {@code shownAs}.
     */
    private static void fill(Source source, Plan plan, Path folder, Path shownAs)
            throws RefusedException, IOException, SQLException {
        try {
            if (source.snapshotFile().isPresent()) {
                Path backup = folder.resolve(BACKUP);
                Path temp = folder.resolve(PartialFiles.partialName(BACKUP));
                Files.deleteIfExists(temp);
                PrivateFiles.createFile(temp); // SQLite writes into it, keeping its owner-only mode
                try {
                    backup(source, temp);
                    FaultPoints.reach("backup"); // the fault suite kills a run here: its folder is not there yet
                    Files.move(temp, backup, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } finally {
                    Files.deleteIfExists(temp);
                }
            } else {
                // a live database: the rows the plan touches, as they are now, as an SQL script that puts them back
                String rows = PlanSql.inverse(plan, source);
                AtomicFiles.write(folder.resolve(BACKUP_ROWS), out -> out.write(rows.getBytes(StandardCharsets.UTF_8)));
            }
            PlanJson.write(plan, folder.resolve(PLAN));
        } catch (IOException | SQLException e) {
            throw new RefusedException(Message.of("run.folderFailed", shownAs,
                    dev.tpmconsole.model.util.Causes.message(e)));
        }
    }

    /** SQLite's online backup of the snapshot into {@code target}. */
    static void backup(Source source, Path target) throws SQLException {
        try (Connection c = source.connection(); Statement st = c.createStatement()) {
            st.executeUpdate("backup to \"" + target.toAbsolutePath().toString().replace("\"", "\"\"") + "\"");
        }
    }

    /**
     * What an undo did: rows restored, in place already, refused; host folders moved back from the trash, back
     * already, and those refused (the path and why).
     */
    public record UndoResult(int restored, int inPlace, List<QuarantinedRow> refused, int foldersRestored,
                             int foldersInPlace, List<String> foldersRefused) {
        public int total() {
            return restored + inPlace + refused.size();
        }
    }

    /** {@link #undo(Source, Path, Clock, HostWork)} of a run that moved nothing on the hosts. */
    public static UndoResult undo(Source source, Path journalFile, Clock clock)
            throws IOException, SQLException, RefusedException {
        return undo(source, journalFile, clock, null);
    }

    /**
     * Puts back what a run deleted, and the old values of what it changed, from its quarantine bundle, in one
     * transaction. Every row the bundle holds counts once (an item that ran twice quarantined its rows twice;
     * the first copy is the row as it was before the run). A row that is there again with the same values is
     * in place (its item never deleted it, or an undo already put it back); one that is there with other
     * values is refused and listed. Nothing is changed when the bundle is damaged or the restore fails.
     *
     * <p>Then the TPM state folders the run moved into its trash on the hosts go back, through {@code hostWork}
     * (refused without it when there are any): a path that exists again is refused and listed, a folder that
     * is back already is in place.
     */
    public static UndoResult undo(Source source, Path journalFile, Clock clock, HostWork hostWork)
            throws IOException, SQLException, RefusedException {
        Path journal = journalFile.toAbsolutePath();
        try (RunLock lock = RunLock.acquire(source, "undo", clock)) {
            List<RunEvent> events = Journal.read(journal);
            List<RunEvent.HostMoved> moved = new ArrayList<>();
            for (RunEvent e : events) {
                if (e instanceof RunEvent.HostMoved m && m.trashPath() != null) {
                    moved.add(m);
                }
            }
            if (!moved.isEmpty() && hostWork == null) {
                throw new RefusedException(Message.of("run.undoOverSsh", moved.size()));
            }
            List<QuarantinedRow> bundle = new QuarantineFile(journal.getParent().resolve(QUARANTINE)).readAll();
            Map<String, QuarantinedRow> first = new LinkedHashMap<>();
            for (QuarantinedRow r : bundle) {
                first.putIfAbsent(r.id(), r);
            }
            // the bundle is in deletion order (key refs, tags, content, row, ResourceVO per item): insert in reverse
            List<QuarantinedRow> reversed = new ArrayList<>(first.values());
            Collections.reverse(reversed);
            // rows the run changed (relinks) get their old values back; deleted rows are inserted again
            Set<String> updated = new HashSet<>();
            for (RunEvent e : events) {
                if (e instanceof RunEvent.RunStarted started && Files.exists(Path.of(started.plan()))) {
                    PlanJson.read(Path.of(started.plan())).updates().forEach(u -> updated.add(u.table() + "/" + u.key()));
                }
            }
            // the hosts' settings are checked before anything changes; the hosts are reached folder by folder
            HostMover mover = moved.isEmpty() ? null : mover(hostWork, journal, clock);
            try {
                UndoResult rows;
                JdbcDatabasePort db = new JdbcDatabasePort(source);
                try {
                    rows = db.restore(reversed, updated);
                } finally {
                    db.close();
                }
                if (mover == null) {
                    return rows;
                }
                int back = 0;
                int inPlace = 0;
                List<String> refusedFolders = new ArrayList<>();
                for (RunEvent.HostMoved m : moved) {
                    try {
                        if (mover.restore(m.hostUuid(), m.managementIp(), m.path(), m.trashPath())) {
                            back++;
                        } else {
                            inPlace++;
                        }
                    } catch (Exception e) {
                        refusedFolders.add(m.path() + " on host " + m.hostUuid() + ": "
                                + dev.tpmconsole.model.util.Causes.reason(e));
                    }
                }
                return new UndoResult(rows.restored(), rows.inPlace(), rows.refused(), back, inPlace, refusedFolders);
            } finally {
                if (mover != null) {
                    mover.close();
                }
            }
        }
    }
}
