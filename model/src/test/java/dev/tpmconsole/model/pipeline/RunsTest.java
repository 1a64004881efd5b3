package dev.tpmconsole.model.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tpmconsole.model.plan.Plan;
import dev.tpmconsole.model.plan.Planner;
import dev.tpmconsole.model.source.OpenOptions;
import dev.tpmconsole.model.source.SqliteSnapshot;
import dev.tpmconsole.model.testing.Rows;
import dev.tpmconsole.model.testing.SqliteTestDatabase;
import dev.tpmconsole.model.testing.TestSnapshots;
import io.reactivex.rxjava3.schedulers.Schedulers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs as a whole: one at a time per database, a folder of their own, undo whatever happened to the bundle. */
class RunsTest {

    static final String A = "a".repeat(32);
    static final String B = "b".repeat(32);

    @TempDir
    Path dir;
    Path file;

    @BeforeEach
    void build() throws Exception {
        file = SqliteTestDatabase.create(dir.resolve("run.sqlite"), sink -> {
            Rows r = new Rows(sink);
            r.provider("p", "nkp").host("h1", false);
            for (String v : List.of(A, B)) {
                r.vm(v, true).tpm(v + "_tpm", v).keyRef(v.equals(A) ? 1 : 2, "TpmVO", v + "_tpm", "p", "nkp", "kek");
                r.hostFile(v + "_f1", v, "h1", "TpmState");
                r.backup(v + "_b", v, "TpmState").tag(v + "_tag", v + "_b", "VmHostBackupFileVO", "tpmKeyProviderName::nkp");
                r.keyRef(v.equals(A) ? 10 : 11, "VmHostBackupFileVO", v + "_b", "p", "nkp", "kek");
            }
        });
    }

    Plan plan(String... vms) throws Exception {
        try (SqliteSnapshot s = SqliteSnapshot.open(file, OpenOptions.readOnly())) {
            return new Planner(s, Clock.systemUTC()).remove(List.of(vms)).plan();
        }
    }

    static RunEvent.RunEnded finish(Runs.Run run) {
        return (RunEvent.RunEnded) run.events().filter(RunEvent.RunEnded.class::isInstance).blockingLast();
    }

    @Test
    void oneRunOrUndoAtATimePerSnapshot() throws Exception {
        Plan plan = plan(A);
        try (SqliteSnapshot s = SqliteSnapshot.open(file, OpenOptions.writableOptions());
             SqliteSnapshot other = SqliteSnapshot.open(file, OpenOptions.writableOptions())) {
            Path journal;
            try (Runs.Run run = Runs.start(s, plan, null, Clock.systemUTC(), Schedulers.io())) {
                journal = run.journalFile();
                assertThatThrownBy(() -> Runs.start(other, plan(B), null, Clock.systemUTC(), Schedulers.io()))
                        .isInstanceOf(RefusedException.class)
                        .hasMessageContaining("Another run is going on " + file)
                        .hasMessageContaining("apply by process " + ProcessHandle.current().pid())
                        .hasMessageNotContaining("\n");
                assertThatThrownBy(() -> Runs.resume(other, journal, Clock.systemUTC(), Schedulers.io()))
                        .isInstanceOf(RefusedException.class).hasMessageContaining("Another run is going");
                assertThatThrownBy(() -> Runs.undo(other, journal, Clock.systemUTC()))
                        .isInstanceOf(RefusedException.class).hasMessageContaining("Another run is going");
                assertThat(finish(run).outcome()).isEqualTo(RunEvent.Outcome.DONE);
            }
            // the lock went with the run
            try (Runs.Run run = Runs.start(other, plan(B), null, Clock.systemUTC(), Schedulers.io())) {
                assertThat(finish(run).outcome()).isEqualTo(RunEvent.Outcome.DONE);
            }
            assertThat(Runs.undo(s, journal, Clock.systemUTC()).refused()).isEmpty();
        }
    }

    @Test
    void aRunKeepsSqlitesJournalFileWhileItRuns_andDeletesItAfter() throws Exception {
        try (SqliteSnapshot s = SqliteSnapshot.open(file, OpenOptions.writableOptions())) {
            try (Runs.Run run = Runs.start(s, plan(A), null, Clock.systemUTC(), Schedulers.io())) {
                assertThat(finish(run).outcome()).isEqualTo(RunEvent.Outcome.DONE);
                assertThat(dir.resolve("run.sqlite-journal")).as("kept between the items' transactions, emptied")
                        .exists();
            }
            assertThat(TestSnapshots.listing(dir)).containsExactly("run.sqlite", "run.sqlite.runs");
            try (java.sql.Connection c = s.connection(); java.sql.Statement st = c.createStatement();
                 java.sql.ResultSet rs = st.executeQuery("PRAGMA journal_mode")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).as("the snapshot's own connections").isEqualTo("delete");
            }
        }
        assertThat(TestSnapshots.count(file, "SELECT count(*) FROM TpmVO")).isEqualTo(1);
    }

    /**
     * Whoever reads the snapshot beside a run (the main window, the audit, a command) is never refused. The run keeps
     * its rollback journal between transactions (journal_mode PERSIST), and SQLite takes a transaction that began
     * while a read-only connection checked the journal for a hot one: "[SQLITE_READONLY_ROLLBACK] Hot journal needs
     * to be rolled back", a read in some 250,000 beside a run of 400 VMs, unless the read is tried again.
     */
    @Test
    void readersBesideARunAreNeverRefused() throws Exception {
        List<String> vms = new java.util.ArrayList<>();
        Path big = SqliteTestDatabase.create(dir.resolve("big.sqlite"), sink -> {
            Rows r = new Rows(sink);
            r.provider("p", "nkp").host("h1", false);
            for (int i = 0; i < 400; i++) {
                String v = String.format("%032x", i + 1);
                vms.add(v);
                r.vm(v, true).tpm(v + "_tpm", v).keyRef(100 + i, "TpmVO", v + "_tpm", "p", "nkp", "kek");
                r.backup(v + "_b", v, "TpmState").keyRef(10_000 + i, "VmHostBackupFileVO", v + "_b", "p", "nkp", "kek");
            }
        });
        Plan plan;
        try (SqliteSnapshot s = SqliteSnapshot.open(big, OpenOptions.readOnly())) {
            plan = new Planner(s, Clock.systemUTC()).remove(vms).plan();
        }
        java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
        java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
        List<Throwable> refused = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        List<Thread> readers = new java.util.ArrayList<>();
        try (SqliteSnapshot shown = SqliteSnapshot.open(big, OpenOptions.readOnly())) {
            for (int t = 0; t < 4; t++) {
                Thread reader = new Thread(() -> {
                    while (running.get()) {
                        try (java.sql.Connection c = shown.connection(); java.sql.Statement st = c.createStatement();
                             java.sql.ResultSet rs = st.executeQuery("SELECT count(*) FROM TpmVO")) {
                            rs.next();
                            reads.incrementAndGet();
                        } catch (Exception e) {
                            refused.add(e);
                        }
                    }
                });
                reader.start();
                readers.add(reader);
            }
            try (SqliteSnapshot s = SqliteSnapshot.open(big, OpenOptions.writableOptions());
                 Runs.Run run = Runs.start(s, plan, null, Clock.systemUTC(), Schedulers.io())) {
                assertThat(finish(run).outcome()).isEqualTo(RunEvent.Outcome.DONE);
            } finally {
                running.set(false);
                for (Thread t : readers) {
                    t.join();
                }
            }
        }
        assertThat(reads.get()).as("reads beside the run").isGreaterThan(100);
        assertThat(refused).as("reads refused out of " + reads.get()).isEmpty();
        assertThat(TestSnapshots.count(big, "SELECT count(*) FROM TpmVO")).isZero();
    }

    @Test
    void itemsReadTogetherFailOneByOne() throws Exception {
        TestSnapshots.exec(file, "DROP TABLE SystemTagVO");
        try (SqliteSnapshot s = SqliteSnapshot.open(file, OpenOptions.writableOptions())) {
            JdbcDatabasePort db = new JdbcDatabasePort(s);
            try {
                // the failing item first: the items after it are read in the same transaction
                Map<String, List<Plan.RowRef>> items = new java.util.LinkedHashMap<>();
                items.put("VmHostBackupFileVO/" + A + "_b", List.of(new Plan.RowRef("VmHostBackupFileVO", A + "_b"),
                        new Plan.RowRef("SystemTagVO", A + "_tag")));
                items.put("VmHostBackupFileVO/" + B + "_b", List.of(new Plan.RowRef("VmHostBackupFileVO", B + "_b"),
                        new Plan.RowRef("ResourceVO", B + "_b")));
                Map<String, DatabasePort.ItemRows> read = db.read(items);
                assertThat((Throwable) read.get("VmHostBackupFileVO/" + A + "_b").failure())
                        .hasMessageContaining("SystemTagVO");
                assertThat((Throwable) read.get("VmHostBackupFileVO/" + B + "_b").failure()).isNull();
                assertThat(read.get("VmHostBackupFileVO/" + B + "_b").rows()).extracting(QuarantinedRow::table)
                        .containsExactly("VmHostBackupFileVO", "ResourceVO");
            } finally {
                db.close();
            }
        }
    }

    @Test
    void runsStartedInTheSameSecondGetFoldersOfTheirOwn_ownerOnly() throws Exception {
        Clock frozen = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
        Path first;
        Path second;
        try (SqliteSnapshot s = SqliteSnapshot.open(file, OpenOptions.writableOptions())) {
            try (Runs.Run run = Runs.start(s, plan(A), null, frozen, Schedulers.io())) {
                finish(run);
                first = run.folder();
            }
            try (Runs.Run run = Runs.start(s, plan(B), null, frozen, Schedulers.io())) {
                finish(run);
                second = run.folder();
            }
        }
        Path runs = dir.resolve("run.sqlite.runs");
        assertThat(first).isEqualTo(runs.resolve("20261201T100000Z"));
        assertThat(second).isEqualTo(runs.resolve("20261201T100000Z-2"));
        assertThat(TestSnapshots.listing(runs)).containsExactly(".lock", "20261201T100000Z", "20261201T100000Z-2");
        for (Path folder : List.of(runs, first, second)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).as(folder.toString())
                    .isEqualTo("rwx------");
        }
        try (var files = Files.list(first)) {
            assertThat(files.toList()).allSatisfy(f -> assertThat(PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(f))).as(f.toString()).isEqualTo("rw-------"))
                    .extracting(f -> f.getFileName().toString())
                    .contains(Runs.BACKUP, Runs.PLAN, Runs.JOURNAL, Runs.QUARANTINE, "host-work.json", "host-h1.sh");
        }
    }

    @Test
    void leftoversOfARunKilledWhilePreparingAreRemovedByTheNext() throws Exception {
        Path runs = dir.resolve("run.sqlite.runs");
        long dead = ProcessHandle.allProcesses().mapToLong(ProcessHandle::pid).max().orElse(1) + 1000;
        Path staging = Files.createDirectories(runs.resolve(".20261201T090000Z." + dead + "-1764580000000.partial"));
        Files.writeString(staging.resolve(".backup.sqlite." + dead + "-1764580000000.partial"), "half a backup");
        Path alive = Files.createDirectories(runs.resolve(dev.tpmconsole.model.util.PartialFiles.partialName("20261201T090001Z")));
        try (SqliteSnapshot s = SqliteSnapshot.open(file, OpenOptions.writableOptions());
             Runs.Run run = Runs.start(s, plan(A), null, Clock.systemUTC(), Schedulers.io())) {
            finish(run);
        }
        assertThat(staging).doesNotExist();
        assertThat(alive).as("a folder a live process is preparing stays").exists();
    }

    @Test
    void undoRestoresEveryRowOnce_afterAnItemRanTwice() throws Exception {
        String before = TestSnapshots.contentDigest(file);
        // a real failure after the quarantine: the item's rows are quarantined, then its transaction rolls back
        TestSnapshots.exec(file, "CREATE TRIGGER fail BEFORE DELETE ON VmHostBackupFileVO WHEN old.uuid = '" + A
                + "_b' BEGIN SELECT RAISE(ABORT, 'injected failure'); END");
        Plan plan = plan(A, B);
        Path journal;
        try (SqliteSnapshot s = SqliteSnapshot.open(file, OpenOptions.writableOptions());
             Runs.Run run = Runs.start(s, plan, null, Clock.systemUTC(), Schedulers.io())) {
            assertThat(finish(run).outcome()).isEqualTo(RunEvent.Outcome.FAILED);
            journal = run.journalFile();
        }
        for (int retry = 0; retry < 2; retry++) { // the same failure again, then the fix
            if (retry == 1) {
                TestSnapshots.exec(file, "DROP TRIGGER fail");
            }
            try (SqliteSnapshot s = SqliteSnapshot.open(file, OpenOptions.writableOptions());
                 Runs.Run run = Runs.resume(s, journal, Clock.systemUTC(), Schedulers.io())) {
                assertThat(finish(run).outcome()).isEqualTo(retry == 0 ? RunEvent.Outcome.FAILED : RunEvent.Outcome.DONE);
            }
        }
        List<QuarantinedRow> bundle = new QuarantineFile(journal.resolveSibling(Runs.QUARANTINE)).readAll();
        assertThat(bundle.stream().filter(r -> r.id().equals("VmHostBackupFileVO/" + A + "_b")))
                .as("quarantined at each of its three tries").hasSize(3);
        try (SqliteSnapshot s = SqliteSnapshot.open(file, OpenOptions.writableOptions())) {
            Runs.UndoResult undone = Runs.undo(s, journal, Clock.systemUTC());
            assertThat(undone.refused()).isEmpty();
            assertThat(undone.restored()).isEqualTo(plan.deletes().size());
        }
        assertThat(TestSnapshots.contentDigest(file)).isEqualTo(before);
    }
}
