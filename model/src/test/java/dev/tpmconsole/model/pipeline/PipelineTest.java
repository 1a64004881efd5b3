package dev.tpmconsole.model.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tpmconsole.model.audit.AuditRule;
import dev.tpmconsole.model.audit.Auditor;
import dev.tpmconsole.model.audit.Finding;
import dev.tpmconsole.model.plan.Plan;
import dev.tpmconsole.model.plan.Planner;
import dev.tpmconsole.model.source.OpenOptions;
import dev.tpmconsole.model.source.SqliteSnapshot;
import dev.tpmconsole.model.testing.HostScripts;
import dev.tpmconsole.model.testing.Rows;
import dev.tpmconsole.model.testing.SqliteTestDatabase;
import dev.tpmconsole.model.testing.TestSnapshots;
import io.reactivex.rxjava3.schedulers.Schedulers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline on real snapshots, with each of ZStack's defects as a test that would have caught it (R1 to
 * R6 of docs/zstack-tpm-model.md), plus stale plans, resume and undo.
 */
class PipelineTest {

    @TempDir
    Path dir;
    Path file;

    /** Two VMs with TPM state on two hosts and three backups each (two key refs on one); a VM never started. */

    /** VM uuids as ZStack writes them (their TPM state folders are named after them). */
    static final String A = "a".repeat(32);
    static final String B = "b".repeat(32);

    @BeforeEach
    void build() throws Exception {
        file = SqliteTestDatabase.create(dir.resolve("run.sqlite"), sink -> {
            Rows r = new Rows(sink);
            r.provider("p", "nkp").host("h1", false).host("h2", false);
            for (String v : List.of(A, B)) {
                r.vm(v, true).tpm(v + "_tpm", v).keyRef(v.equals(A) ? 1 : 2, "TpmVO", v + "_tpm", "p", "nkp", "kek");
                r.hostFile(v + "_f1", v, "h1", "TpmState", "2026-03-01 00:00:00");
                r.hostFile(v + "_f2", v, "h2", "TpmState", "2026-04-01 00:00:00");
                r.hostFile(v + "_nv", v, "h1", "NvRam");
                r.backup(v + "_b", v, "TpmState").tag(v + "_tag", v + "_b", "VmHostBackupFileVO", "tpmKeyProviderName::nkp");
                r.group(v + "_g", v).backup(v + "_gb", v + "_g", "TpmState");
            }
            r.keyRef(10, "VmHostBackupFileVO", A + "_b", "p", "nkp", "kek").keyRef(11, "VmHostBackupFileVO", A + "_b", "p", "nkp", "kek");
            r.keyRef(12, "VmHostBackupFileVO", B + "_b", "p", "nkp", "kek");
            // never started: backups but no live file (the case ZStack skipped)
            r.vm("cold", true).tpm("cold_tpm", "cold").backup("cold_b", "cold", "TpmState");
            r.keyRef(13, "VmHostBackupFileVO", "cold_b", "p", "nkp", "kek").keyRef(3, "TpmVO", "cold_tpm", "p", "nkp", "kek");
        });
    }

    Plan plan(String operation, String... vms) throws Exception {
        try (SqliteSnapshot s = SqliteSnapshot.open(file, OpenOptions.readOnly())) {
            Planner p = new Planner(s, Clock.systemUTC());
            return operation.equals("remove") ? p.remove(List.of(vms)).plan() : p.reset(List.of(vms)).plan();
        }
    }

    /** Runs a plan with a database port wrapped by {@code wrap}; returns the events. */
    List<RunEvent> run(Plan plan, java.util.function.UnaryOperator<DatabasePort> wrap, int concurrency, Set<String> done)
            throws Exception {
        return run(plan, wrap, new QuarantineFile(dir.resolve("q.jsonl")), concurrency, done);
    }

    List<RunEvent> run(Plan plan, java.util.function.UnaryOperator<DatabasePort> wrap, QuarantinePort quarantine,
                       int concurrency, Set<String> done) throws Exception {
        try (SqliteSnapshot s = SqliteSnapshot.open(file, OpenOptions.writableOptions())) {
            JdbcDatabasePort jdbc = new JdbcDatabasePort(s);
            DatabasePort db = wrap.apply(jdbc);
            List<RunEvent> journal = Collections.synchronizedList(new ArrayList<>());
            Pipeline p = new Pipeline(db, quarantine, new HostWorkExporter(dir),
                    new Pipeline.Options(concurrency, Schedulers.io(), Clock.systemUTC(), journal::add));
            List<RunEvent> seen = p.run(Pipeline.prepare(db, plan, done), s.displayName(), "plan.json", !done.isEmpty())
                    .toList().blockingGet();
            assertThat(seen).as("the journal sees every event, in the same order").isEqualTo(journal);
            jdbc.close();
            return seen;
        }
    }

    static <T extends RunEvent> List<T> of(List<RunEvent> events, Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Fails the transaction of the items whose owning row matches. */
    static DatabasePort failing(DatabasePort db, Predicate<Plan.RowRef> owner) {
        return new ForwardingPort(db) {
            @Override
            public ItemTransaction begin() throws SQLException {
                return new ForwardingTransaction(super.begin()) {
                    @Override
                    public int delete(Plan.RowRef row) throws SQLException {
                        int n = super.delete(row);
                        if (owner.test(row)) {
                            throw new SQLException("injected failure deleting " + row.id());
                        }
                        return n;
                    }
                };
            }
        };
    }

    long count(String sql) throws Exception {
        return TestSnapshots.count(file, sql);
    }

    @Test
    void anSqlDeleteNeverOvertakesTheItemsBeforeIt_andEveryStepEndsOnce() throws Exception {
        // R1, R2: items run four at a time, and in each step A's item ends only after B's has (its last check
        // waits for B's): the first item to end is not the last; still, each step starts only after every item
        // of the previous one has ended, and each step ends exactly once.
        Plan plan = plan("remove", A, B);
        java.util.Map<String, java.util.concurrent.CountDownLatch> bEnded = new java.util.HashMap<>();
        for (Plan.Step step : plan.steps()) {
            List<String> keys = step.items().stream().map(Plan.Item::key).toList();
            if (step.name() != Plan.StepName.HOST_WORK && keys.stream().anyMatch(k -> k.startsWith(A))
                    && keys.stream().anyMatch(k -> k.startsWith(B))) {
                bEnded.put(step.items().get(0).table(), new java.util.concurrent.CountDownLatch(1));
            }
        }
        assertThat(bEnded).as("steps where A's and B's items run side by side").hasSize(3);
        List<RunEvent> events = run(plan, db -> new ForwardingPort(db) {
            @Override
            public List<Plan.RowRef> existing(List<Plan.RowRef> rows) throws SQLException {
                java.util.concurrent.CountDownLatch b = bEnded.get(rows.get(0).table());
                if (b != null && rows.get(0).key().startsWith(A)) {
                    try {
                        assertThat(b.await(30, java.util.concurrent.TimeUnit.SECONDS)).as("B's item ran beside A's")
                                .isTrue();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    return super.existing(rows);
                }
                List<Plan.RowRef> left = super.existing(rows);
                if (b != null) {
                    b.countDown();
                }
                return left;
            }
        }, 4, Set.of());
        List<Plan.StepName> steps = new ArrayList<>();
        Plan.StepName current = null;
        for (RunEvent e : events) {
            if (e instanceof RunEvent.StepStarted s) {
                assertThat(current).as("a step starts only after the previous one ended").isNull();
                current = s.step();
                steps.add(s.step());
            } else if (e instanceof RunEvent.ItemStarted i) {
                assertThat(i.step()).isEqualTo(current);
            } else if (e instanceof RunEvent.ItemDone i) {
                assertThat(i.step()).as("no item ends outside its step").isEqualTo(current);
            } else if (e instanceof RunEvent.StepEnded s) {
                assertThat(s.step()).isEqualTo(current);
                current = null;
            }
        }
        assertThat(steps).containsExactly(Plan.StepName.HOST_WORK, Plan.StepName.DELETE_BACKUPS,
                Plan.StepName.DELETE_HOST_FILES, Plan.StepName.DELETE_TPM);
        assertThat(of(events, RunEvent.StepEnded.class)).extracting(e -> e.step().label())
                .as("each step ends exactly once").containsExactly("host-work", "delete-backups", "delete-host-files",
                        "delete-tpm");
        assertThat(of(events, RunEvent.RunStarted.class)).hasSize(1);
        assertThat(of(events, RunEvent.RunEnded.class)).singleElement()
                .satisfies(e -> assertThat(e.outcome()).isEqualTo(RunEvent.Outcome.DONE));
        assertThat(count("SELECT count(*) FROM TpmVO WHERE vmInstanceUuid IN ('" + A + "', '" + B + "')")).isZero();
    }

    @Test
    void oneFailingBackupDoesNotStopTheOthers_andItsKeyStaysWithIt() throws Exception {
        // R5: a failing item is recorded and the rest go on; R4: its key copies are not deleted without it;
        // R3: the TPM step is skipped, with the reason, since an item it depends on failed.
        Plan plan = plan("remove", A, B);
        List<RunEvent> events = run(plan, db -> failing(db, r -> r.id().equals("VmHostBackupFileVO/" + A + "_b")), 1, Set.of());
        assertThat(of(events, RunEvent.ItemFailed.class)).singleElement().satisfies(f -> {
            assertThat(f.item()).isEqualTo("VmHostBackupFileVO/" + A + "_b");
            assertThat(f.cause()).isEqualTo("injected failure deleting VmHostBackupFileVO/" + A + "_b");
            assertThat(f.detail()).contains("SQLException");
        });
        assertThat(of(events, RunEvent.ItemDone.class)).extracting(RunEvent.ItemDone::item)
                .contains("VmHostBackupFileVO/" + B + "_b", "VmHostFileVO/" + A + "_f1", "VmHostFileVO/" + B + "_f2");
        RunEvent.StepEnded tpm = of(events, RunEvent.StepEnded.class).get(3);
        assertThat(tpm.outcome()).isEqualTo(RunEvent.Outcome.SKIPPED);
        assertThat(tpm.reason()).contains("1 backup or host-file item failed or was skipped");
        assertThat(of(events, RunEvent.RunEnded.class).get(0).outcome()).isEqualTo(RunEvent.Outcome.FAILED);
        assertThat(count("SELECT count(*) FROM VmHostBackupFileVO WHERE uuid = '" + A + "_b'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM EncryptedResourceKeyRefVO WHERE resourceUuid = '" + A + "_b'")).as("R4").isEqualTo(2);
        assertThat(count("SELECT count(*) FROM VmHostFileContentVO WHERE uuid = '" + A + "_b'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM VmHostBackupFileVO WHERE uuid = '" + B + "_b'")).isZero();
        assertThat(count("SELECT count(*) FROM TpmVO WHERE vmInstanceUuid IN ('" + A + "', '" + B + "')")).isEqualTo(2);
    }

    @Test
    void theRowsOfAGroupOfItemsAreQuarantinedInOneWrite_beforeTheFirstOfThemIsDeleted() throws Exception {
        // one forced write per group of items instead of one per item; every row is in the bundle before its
        // delete; a row that cannot be read fails its item alone, and nothing of that item is deleted
        Plan plan = plan("remove", A, B, "cold");
        QuarantineFile bundle = new QuarantineFile(dir.resolve("q.jsonl"));
        List<Integer> writes = Collections.synchronizedList(new ArrayList<>());
        QuarantinePort counted = new QuarantinePort() {
            @Override
            public void put(List<QuarantinedRow> rows) throws java.io.IOException {
                if (!rows.isEmpty()) {
                    writes.add(rows.size());
                }
                bundle.put(rows);
            }

            @Override
            public List<QuarantinedRow> readAll() throws java.io.IOException {
                return bundle.readAll();
            }
        };
        List<String> deletedBeforeQuarantined = Collections.synchronizedList(new ArrayList<>());
        String unreadable = "VmHostBackupFileVO/" + B + "_b";
        List<RunEvent> events = run(plan, db -> new ForwardingPort(db) {
            @Override
            public List<QuarantinedRow> read(String item, List<Plan.RowRef> rows) throws SQLException {
                if (item.equals(unreadable)) {
                    throw new SQLException("injected: cannot read " + item);
                }
                return super.read(item, rows);
            }

            @Override
            public ItemTransaction begin() throws SQLException {
                return new ForwardingTransaction(super.begin()) {
                    @Override
                    public int delete(Plan.RowRef row) throws SQLException {
                        check(row.id());
                        return super.delete(row);
                    }

                    @Override
                    public int deleteKeyRef(String id) throws SQLException {
                        check("EncryptedResourceKeyRefVO/" + id);
                        return super.deleteKeyRef(id);
                    }

                    void check(String id) {
                        try {
                            if (bundle.readAll().stream().noneMatch(q -> q.id().equals(id))) {
                                deletedBeforeQuarantined.add(id);
                            }
                        } catch (java.io.IOException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                };
            }
        }, counted, 1, Set.of());
        assertThat(deletedBeforeQuarantined).isEmpty();
        // the steps that ran: host work is exported, and the TPM step is skipped after the failed item (R3)
        List<Plan.Step> deleting = plan.steps().stream().filter(st -> st.name() == Plan.StepName.DELETE_BACKUPS
                || st.name() == Plan.StepName.DELETE_HOST_FILES).toList();
        int groups = deleting.stream().mapToInt(st -> Pipeline.groups(st.items(), 1).size()).sum();
        assertThat(deleting.stream().mapToInt(st -> st.items().size()).sum()).as("items").isGreaterThan(groups);
        assertThat(writes).as("one write per group").hasSize(groups);
        assertThat(of(events, RunEvent.ItemFailed.class)).singleElement().satisfies(f -> {
            assertThat(f.item()).isEqualTo(unreadable);
            assertThat(f.cause()).isEqualTo("injected: cannot read " + unreadable);
        });
        assertThat(count("SELECT count(*) FROM VmHostBackupFileVO WHERE uuid = '" + B + "_b'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM EncryptedResourceKeyRefVO WHERE resourceUuid = '" + B + "_b'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM VmHostBackupFileVO WHERE uuid IN ('" + A + "_b', 'cold_b')")).isZero();
        assertThat(bundle.readAll()).extracting(QuarantinedRow::id).doesNotContain(unreadable);
    }

    @Test
    void groupsHoldAtMostTheQuarantineAhead_andGiveEveryConcurrentWriterOne() {
        List<Plan.Item> items = new ArrayList<>();
        int ahead = Pipeline.QUARANTINE_AHEAD;
        for (int i = 0; i < 2 * ahead + 6; i++) {
            items.add(new Plan.Item("VmHostBackupFileVO", "b" + i, Plan.Action.DELETE, (String) null));
        }
        assertThat(Pipeline.groups(items, 1)).extracting(List::size).containsExactly(ahead, ahead, 6);
        assertThat(Pipeline.groups(items.subList(0, 70), 4)).extracting(List::size).containsExactly(18, 18, 18, 16);
        assertThat(Pipeline.groups(items.subList(0, 2), 4)).extracting(List::size).containsExactly(1, 1);
        assertThat(Pipeline.groups(List.of(), 1)).isEmpty();
        assertThat(Pipeline.groups(items, 1).stream().flatMap(List::stream).toList()).isEqualTo(items);
    }

    @Test
    void backupsAreCleanedWhenTheVmHasNoLiveFile() throws Exception {
        // R3: backup clean-up does not depend on a live host file
        List<RunEvent> events = run(plan("remove", "cold"), db -> db, 1, Set.of());
        assertThat(of(events, RunEvent.RunEnded.class).get(0).outcome()).isEqualTo(RunEvent.Outcome.DONE);
        assertThat(count("SELECT count(*) FROM VmHostBackupFileVO WHERE resourceUuid = 'cold'")).isZero();
        assertThat(count("SELECT count(*) FROM EncryptedResourceKeyRefVO WHERE resourceUuid IN ('cold_b', 'cold_tpm')")).isZero();
        assertThat(residue("cold")).isEmpty();
    }

    @Test
    void eachKeyRefIsDeletedExactlyOnce() throws Exception {
        // R4: key refs deleted in one place, counted; no other delete touches them
        Plan plan = plan("remove", A, B, "cold");
        long keyRefs = plan.deletes().stream().filter(r -> r.table().equals("EncryptedResourceKeyRefVO")).count();
        AtomicInteger keyDeletes = new AtomicInteger();
        AtomicInteger keyRowsDeleted = new AtomicInteger();
        List<String> otherTables = Collections.synchronizedList(new ArrayList<>());
        run(plan, db -> new ForwardingPort(db) {
            @Override
            public ItemTransaction begin() throws SQLException {
                return new ForwardingTransaction(super.begin()) {
                    @Override
                    public int delete(Plan.RowRef row) throws SQLException {
                        otherTables.add(row.table());
                        return super.delete(row);
                    }

                    @Override
                    public int deleteKeyRef(String id) throws SQLException {
                        keyDeletes.incrementAndGet();
                        int n = super.deleteKeyRef(id);
                        keyRowsDeleted.addAndGet(n);
                        return n;
                    }
                };
            }
        }, 1, Set.of());
        assertThat(keyRefs).isEqualTo(7);
        assertThat(keyDeletes.get()).isEqualTo(7);
        assertThat(keyRowsDeleted.get()).isEqualTo(7);
        assertThat(otherTables).doesNotContain("EncryptedResourceKeyRefVO");
        assertThat(count("SELECT count(*) FROM EncryptedResourceKeyRefVO")).isZero();
    }

    @Test
    void aStalePlanIsRefusedAndNothingChanges() throws Exception {
        Plan plan = plan("remove", A);
        TestSnapshots.exec(file, "UPDATE VmHostFileVO SET lastSyncReason = 'touched since' WHERE uuid = '" + A + "_f2'",
                "INSERT INTO SystemTagVO (uuid, resourceUuid, resourceType, type, tag) VALUES"
                        + " ('late', '" + A + "_tpm', 'TpmVO', 'System', 'new')");
        String hash = TestSnapshots.sha256(file);
        try (SqliteSnapshot s = SqliteSnapshot.open(file, OpenOptions.writableOptions())) {
            assertThatThrownBy(() -> Runs.start(s, plan, null, Clock.systemUTC(), Schedulers.io()))
                    .isInstanceOfSatisfying(RefusedException.class, e -> assertThat(e.problems()).containsExactly(
                            "VmHostFileVO/" + A + "_f2 has changed since the plan was made",
                            "SystemTagVO/late (of TpmVO/" + A + "_tpm) appeared since the plan was made"));
        }
        assertThat(TestSnapshots.sha256(file)).isEqualTo(hash);
        // no run folder: only the lock that kept other runs out while the plan was checked
        assertThat(TestSnapshots.listing(dir)).containsExactly("run.sqlite", "run.sqlite.runs");
        assertThat(TestSnapshots.listing(dir.resolve("run.sqlite.runs"))).containsExactly(".lock");
    }

    @Test
    void resumeRetriesTheFailedItemsAndLeavesNoResidue() throws Exception {
        Plan plan = plan("remove", A, B);
        List<RunEvent> first = run(plan, db -> failing(db, r -> r.id().equals("VmHostBackupFileVO/" + A + "_b")), 1, Set.of());
        List<String> done = of(first, RunEvent.ItemDone.class).stream()
                .map(d -> Pipeline.doneKey(d.step(), d.item())).toList();
        List<RunEvent> second = run(plan, db -> db, 1, Set.copyOf(done));
        assertThat(of(second, RunEvent.RunEnded.class).get(0).outcome()).isEqualTo(RunEvent.Outcome.DONE);
        assertThat(of(second, RunEvent.ItemDone.class)).filteredOn(d -> d.rows() > 0).extracting(RunEvent.ItemDone::item)
                .containsExactlyInAnyOrder("VmHostBackupFileVO/" + A + "_b", "TpmVO/" + A + "_tpm", "TpmVO/" + B + "_tpm");
        assertThat(residue(A)).isEmpty();
        assertThat(residue(B)).isEmpty();
    }

    @Test
    void undoPutsBackByteEqualRows_aSecondUndoFindsThemInPlace_andRowsChangedSinceAreRefused() throws Exception {
        String before = TestSnapshots.contentDigest(file);
        Plan plan = plan("remove", A, B, "cold");
        Path journal;
        try (SqliteSnapshot s = SqliteSnapshot.open(file, OpenOptions.writableOptions());
             Runs.Run run = Runs.start(s, plan, dir.resolve("run1/journal.jsonl"), Clock.systemUTC(), Schedulers.io())) {
            run.events().blockingLast();
            journal = run.journalFile();
        }
        assertThat(TestSnapshots.contentDigest(file)).isNotEqualTo(before);
        assertThat(Files.exists(dir.resolve("run1/backup.sqlite"))).isTrue();
        assertThat(TestSnapshots.contentDigest(dir.resolve("run1/backup.sqlite"))).as("the backup is the file before").isEqualTo(before);
        try (SqliteSnapshot s = SqliteSnapshot.open(file, OpenOptions.writableOptions())) {
            Runs.UndoResult undone = Runs.undo(s, journal, Clock.systemUTC());
            assertThat(undone.refused()).isEmpty();
            assertThat(undone.restored()).isEqualTo(plan.deletes().size());
        }
        assertThat(TestSnapshots.contentDigest(file)).isEqualTo(before);
        try (SqliteSnapshot s = SqliteSnapshot.open(file, OpenOptions.writableOptions())) {
            Runs.UndoResult again = Runs.undo(s, journal, Clock.systemUTC());
            assertThat(again.inPlace()).as("every row is there again, as it was").isEqualTo(plan.deletes().size());
            assertThat(again.restored()).isZero();
            assertThat(again.refused()).isEmpty();
        }
        assertThat(TestSnapshots.contentDigest(file)).isEqualTo(before);
        // a deleted row made again with other values is never overwritten
        TestSnapshots.exec(file, "UPDATE TpmVO SET lastOpDate = '2030-01-01 00:00:00' WHERE uuid = '" + A + "_tpm'");
        String changed = TestSnapshots.contentDigest(file);
        try (SqliteSnapshot s = SqliteSnapshot.open(file, OpenOptions.writableOptions())) {
            assertThat(Runs.undo(s, journal, Clock.systemUTC()).refused()).extracting(QuarantinedRow::id)
                    .containsExactly("TpmVO/" + A + "_tpm");
        }
        assertThat(TestSnapshots.contentDigest(file)).isEqualTo(changed);
    }

    @Test
    void resumingAFinishedRunChangesNothing() throws Exception {
        Plan plan = plan("reset", A);
        Path journal;
        try (SqliteSnapshot s = SqliteSnapshot.open(file, OpenOptions.writableOptions());
             Runs.Run run = Runs.start(s, plan, null, Clock.systemUTC(), Schedulers.io())) {
            run.events().blockingLast();
            journal = run.journalFile();
            assertThat(run.folder().getParent()).isEqualTo(dir.resolve("run.sqlite.runs"));
        }
        String after = TestSnapshots.sha256(file);
        try (SqliteSnapshot s = SqliteSnapshot.open(file, OpenOptions.writableOptions());
             Runs.Run run = Runs.resume(s, journal, Clock.systemUTC(), Schedulers.io())) {
            RunEvent.RunEnded ended = (RunEvent.RunEnded) run.events().blockingLast();
            assertThat(ended.outcome()).isEqualTo(RunEvent.Outcome.DONE);
        }
        assertThat(TestSnapshots.sha256(file)).isEqualTo(after);
        assertThat(count("SELECT count(*) FROM TpmVO WHERE uuid = '" + A + "_tpm'")).as("a reset keeps the TPM").isEqualTo(1);
    }

    @Test
    void hostWorkIsExportedWithValidatedQuotedPaths() throws Exception {
        HostWorkExporter exporter = new HostWorkExporter(dir);
        String vm = "0123456789abcdef0123456789abcdef";
        String folder = "/var/lib/libvirt/swtpm/01234567-89ab-cdef-0123-456789abcdef/";
        Map<Integer, String> refused = exporter.export(List.of(
                new Plan.HostWork("h1", "192.0.2.1", folder, vm, 1),
                new Plan.HostWork("h1", "192.0.2.1", "/var/lib/libvirt/swtpm/x/'; rm -rf / #", vm, 2),
                new Plan.HostWork("h1", "192.0.2.1", "/var/lib/libvirt/swtpm/../../etc/", vm, 3),
                new Plan.HostWork("h2", null, "/etc/passwd", vm, 4),
                new Plan.HostWork("h2", null, "/var/lib/libvirt/swtpm/ffffffff-89ab-cdef-0123-456789abcdef/", vm, 5),
                // a command through the management address, the VM uuid of an NvRam file, the host uuid
                new Plan.HostWork("h3", "192.0.2.3\ntouch /tmp/injected", folder, vm, 6),
                new Plan.HostWork("h4", "192.0.2.4", "/var/lib/libvirt/qemu/nvram/x.fd", vm + "\ntouch /tmp/injected", 7),
                new Plan.HostWork("h5\ntouch /tmp/injected", "192.0.2.5", folder, vm, 8),
                // a TpmState row whose path is an NvRam file: its script would remove the NVRAM
                new Plan.HostWork("h6", "192.0.2.6", "/var/lib/libvirt/qemu/nvram/01234567-89ab-cdef-0123-456789abcdef.fd",
                        vm, 9),
                new Plan.HostWork("h7", "fd00::7", folder, vm, 10)));
        assertThat(refused.keySet()).containsExactly(2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(refused.get(5)).contains("not named after VM");
        assertThat(refused.get(6)).contains("not an IP address");
        assertThat(refused.get(7)).contains("NvRam");
        assertThat(refused.get(8)).contains("not an identifier").doesNotContain("\n");
        assertThat(refused.get(9)).contains("names an NvRam file");
        String script = Files.readString(dir.resolve("host-h1.sh"));
        assertThat(script).contains("remove_state '/var/lib/libvirt/swtpm/01234567-89ab-cdef-0123-456789abcdef'")
                .doesNotContain("etc", "; rm");
        assertThat(Files.readString(dir.resolve("host-h7.sh"))).contains("(fd00::7)");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sh")))
                    .containsExactlyInAnyOrder("host-h1.sh", "host-h7.sh");
        }
        assertThat(Files.readString(dir.resolve("host-work.json"))).contains("\"order\" : 5");
        assertThat(HostWorkExporter.quote("a'b")).isEqualTo("'a'\\''b'");
        for (String name : List.of("host-h1.sh", "host-h7.sh")) {
            assertThat(HostScripts.unknownLines(Files.readString(dir.resolve(name)))).as(name).isEmpty();
        }
    }

    @Test
    void aJournalCutOffMidLineStillReads() throws Exception {
        Path j = dir.resolve("j.jsonl");
        try (Journal journal = new Journal(j)) {
            journal.append(new RunEvent.StepStarted("t", Plan.StepName.DELETE_BACKUPS, 2));
            journal.append(new RunEvent.ItemDone("t", Plan.StepName.DELETE_BACKUPS, "VmHostBackupFileVO/x", 4));
        }
        Files.writeString(j, Files.readString(j) + "{\"type\":\"item-do", java.nio.file.StandardOpenOption.TRUNCATE_EXISTING);
        assertThat(Journal.read(j)).hasSize(2).last().isEqualTo(new RunEvent.ItemDone("t", Plan.StepName.DELETE_BACKUPS,
                "VmHostBackupFileVO/x", 4));
    }

    /** The audit's findings about a VM's rows (orphan or suspect): zero means nothing was left behind. */
    List<Finding> residue(String vm) throws Exception {
        try (SqliteSnapshot s = SqliteSnapshot.open(file, OpenOptions.readOnly())) {
            return new Auditor(s).run(Arrays.asList(AuditRule.values())).findings().stream()
                    .filter(f -> f.severity().needsAction())
                    .filter(f -> vm.equals(f.vmUuid()) || f.key().startsWith(vm + "_") || f.detail().contains(" " + vm + "_"))
                    .toList();
        }
    }
}
