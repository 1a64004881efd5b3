package dev.tpmconsole.model.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpmconsole.model.demo.DemoGenerator;
import dev.tpmconsole.model.demo.DemoOptions;
import dev.tpmconsole.model.source.MariaDbSource;
import dev.tpmconsole.model.source.OpenOptions;
import dev.tpmconsole.model.source.Source;
import dev.tpmconsole.model.source.SqliteSnapshot;
import dev.tpmconsole.model.testing.MariaDbTestDatabase;
import dev.tpmconsole.model.testing.TestSnapshots;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import dev.tpmconsole.model.sql.SqlDialect;
import dev.tpmconsole.model.testing.Rows;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same rules against this machine's MariaDB, loaded from schema-mariadb.sql (CI runs it). */
class MariaDbAuditRulesTest extends AuditRulesContract {

    static MariaDbTestDatabase db;
    static MariaDbTestDatabase caseDb;

    @BeforeAll
    static void load() throws Exception {
        db = MariaDbTestDatabase.create(false);
        db.load(AuditScenario::write);
        caseDb = MariaDbTestDatabase.create(false);
        caseDb.load(AuditScenario::writeCaseNearMisses);
    }

    @AfterAll
    static void drop() throws Exception {
        for (MariaDbTestDatabase d : new MariaDbTestDatabase[] {db, caseDb}) {
            if (d != null) {
                d.close();
            }
        }
    }

    @Override
    Source scenario() throws Exception {
        return MariaDbSource.open(db.url(), null, null, OpenOptions.readOnly());
    }

    @Override
    Source caseNearMisses() throws Exception {
        return MariaDbSource.open(caseDb.url(), null, null, OpenOptions.readOnly());
    }

    @Test
    void readOnlyConnectionsCannotWrite() throws Exception {
        try (Source s = scenario(); Connection c = s.connection(); Statement st = c.createStatement()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> st.executeUpdate("DELETE FROM TpmVO"))
                    .hasMessageContaining("READ ONLY");
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM TpmVO")) {
                rs.next();
                assertThat(rs.getInt(1)).isPositive();
            }
        }
    }

    @Test
    void keyRefForeignKeyIsDetected() throws Exception {
        try (MariaDbTestDatabase withFk = MariaDbTestDatabase.create(true);
             Source s = MariaDbSource.open(withFk.url(), null, null, OpenOptions.readOnly())) {
            assertThat(s.layout().keyRefResourceFk()).isTrue();
        }
        try (Source s = scenario()) {
            assertThat(s.layout().keyRefResourceFk()).isFalse();
            assertThat(s.layout().backupOwnerColumn()).isEqualTo("resourceUuid");
        }
    }

    @Test
    void theDemoAuditsTheSameOnMariaDbAndOnSqlite(@TempDir Path dir) throws Exception {
        DemoOptions options = new DemoOptions(600, 77);
        Path snapshot = dir.resolve("demo.sqlite");
        DemoGenerator.writeSnapshot(snapshot, options, false);
        try (MariaDbTestDatabase demo = MariaDbTestDatabase.create(false)) {
            demo.load(sink -> DemoGenerator.generate(options, sink));
            AuditReport onSqlite;
            try (Source s = SqliteSnapshot.open(snapshot, OpenOptions.readOnly())) {
                onSqlite = new Auditor(s).run(Arrays.asList(AuditRule.values()));
            }
            AuditReport onMariaDb;
            try (Source s = MariaDbSource.open(demo.url(), null, null, OpenOptions.readOnly())) {
                onMariaDb = new Auditor(s).run(Arrays.asList(AuditRule.values()));
            }
            assertThat(onMariaDb.findings()).isEqualTo(onSqlite.findings());
            assertThat(onMariaDb.counts()).isEqualTo(onSqlite.counts());
            assertThat(onSqlite.findings()).hasSizeGreaterThan(20);
            assertThat(TestSnapshots.count(snapshot, "SELECT count(*) FROM VmInstanceEO")).isGreaterThan(600);
            try (Source s = MariaDbSource.open(demo.url(), null, null, OpenOptions.readOnly())) {
                assertTheKeyScanChangesNothing(s);
            }
        }
    }

    /**
     * With the key scan (decision 0026) an audit reports what the rules' whole queries report, every rule's candidates
     * hold the keys of its findings, and the scan narrowed every rule down to its candidates (none ran its whole
     * query): on the scenario, on the near misses in case and trailing spaces, on the legacy backup layout (owners are
     * VMs) and on a database without the optional tables.
     */
    @Test
    void theKeyScanReportsWhatTheWholeQueriesReport() throws Exception {
        for (ThrowingSupplier<Source> open : List.<ThrowingSupplier<Source>>of(this::scenario, this::caseNearMisses)) {
            try (Source s = open.get()) {
                assertTheKeyScanChangesNothing(s);
            }
        }
        try (MariaDbTestDatabase legacy = MariaDbTestDatabase.create(false)) {
            legacy.load(sink -> {
                Rows r = new Rows(sink);
                r.provider("p", "nkp").vm("vm_tpm", true).tpm("t", "vm_tpm").keyRef(1, "TpmVO", "t", "p", "nkp", "k");
                r.vm("vm_plain", true).resource("b1", "VmHostBackupFileVO").resource("b2", "VmHostBackupFileVO")
                        .resource("b3", "VmHostBackupFileVO").resource("b4", "VmHostBackupFileVO");
            });
            legacy.exec("ALTER TABLE VmHostBackupFileVO CHANGE resourceUuid vmInstanceUuid VARCHAR(32) NOT NULL",
                    "INSERT INTO VmHostBackupFileVO (uuid, vmInstanceUuid, type) VALUES ('b1', 'vm_tpm', 'TpmState'),"
                            + " ('b2', 'vm_plain', 'TpmState'), ('b3', 'vm_gone', 'TpmState'), ('b4', 'VM_PLAIN', 'NvRam')");
            try (Source s = MariaDbSource.open(legacy.url(), null, null, OpenOptions.readOnly())) {
                assertThat(s.layout().legacyBackupLayout()).isTrue();
                AuditReport report = assertTheKeyScanChangesNothing(s);
                assertThat(report.findings(AuditRule.BACKUP_WITHOUT_OWNER)).extracting(Finding::key)
                        .containsExactly("b3", "b4");
                assertThat(report.findings(AuditRule.TPM_STATE_BACKUP_WITHOUT_TPM)).extracting(Finding::key)
                        .containsExactly("b2", "b3");
            }
        }
        try (MariaDbTestDatabase bare = MariaDbTestDatabase.create(false)) {
            bare.load(sink -> new Rows(sink).provider("p", "nkp").keyRef(1, "TpmKeyBackupVO", "h", "p", "nkp", "k")
                    .resource("h", "TpmKeyBackupVO"));
            bare.exec("DROP TABLE TpmKeyBackupVO", "DROP TABLE VolumeSnapshotGroupVO");
            try (Source s = MariaDbSource.open(bare.url(), null, null, OpenOptions.readOnly())) {
                AuditReport report = assertTheKeyScanChangesNothing(s);
                assertThat(report.findings(AuditRule.KEY_REF_ORPHANED)).extracting(Finding::key).containsExactly("1");
                assertThat(report.findings(AuditRule.RESOURCE_ROW_STALE)).extracting(Finding::key).containsExactly("h");
            }
        }
    }

    /**
     * An audit with the key scan that is cancelled as it starts (its reads in flight), cancelled at its first rule, or
     * failed by its sink, ends as such and leaves no connection open.
     */
    @Test
    void aCancelledOrFailedAuditWithTheKeyScanClosesEveryConnection() throws Exception {
        try (Source real = scenario()) {
            for (String how : List.of("cancelled at the start", "cancelled at the first rule", "failed")) {
                java.util.concurrent.atomic.AtomicInteger open = new java.util.concurrent.atomic.AtomicInteger();
                java.util.concurrent.atomic.AtomicInteger most = new java.util.concurrent.atomic.AtomicInteger();
                Auditor auditor = new Auditor(SqliteAuditRulesTest.counted(real, open, most), 2, true);
                AuditSink sink = new AuditSink() {
                    @Override
                    public void started(String source, dev.tpmconsole.model.schema.SchemaLayout layout, int rules) {
                        if (how.equals("cancelled at the start")) {
                            auditor.cancel();
                        }
                    }

                    @Override
                    public void ruleStarted(AuditRule rule, int index) throws Exception {
                        if (how.equals("cancelled at the first rule")) {
                            auditor.cancel();
                        } else if (how.equals("failed")) {
                            throw new java.io.IOException("the report cannot be written");
                        }
                    }

                    @Override
                    public void finding(Finding finding) {
                    }
                };
                org.assertj.core.api.ThrowableAssert.ThrowingCallable run = () -> auditor.run(
                        Arrays.asList(AuditRule.values()), sink);
                if (how.equals("failed")) {
                    org.assertj.core.api.Assertions.assertThatThrownBy(run).hasMessage("the report cannot be written");
                } else {
                    org.assertj.core.api.Assertions.assertThatThrownBy(run).isInstanceOf(Auditor.Cancelled.class);
                }
                assertThat(open.get()).as("connections left open when " + how).isZero();
            }
            // a run of the rules but CONTENT_WITHOUT_OWNER ends while the scan still reads the contents' keys (held
            // here for 2 s): the read is cancelled and its connection handed back before the run returns
            java.util.concurrent.atomic.AtomicInteger slowOpen = new java.util.concurrent.atomic.AtomicInteger();
            long t0 = System.nanoTime();
            AuditReport report = new Auditor(slowContents(SqliteAuditRulesTest.counted(real, slowOpen,
                    new java.util.concurrent.atomic.AtomicInteger())), 2, true).run(Arrays.stream(AuditRule.values())
                    .filter(r -> r != AuditRule.CONTENT_WITHOUT_OWNER).toList());
            assertThat(report.counts()).doesNotContainKey(AuditRule.CONTENT_WITHOUT_OWNER);
            assertThat(slowOpen.get()).as("the contents' read left open").isZero();
            assertThat(System.nanoTime() - t0).as("the run waited for the read's cancel, not its end")
                    .isLessThan(java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(1900));
            // and one that runs to its end uses the scan's three connections and the workers' two at most
            java.util.concurrent.atomic.AtomicInteger open = new java.util.concurrent.atomic.AtomicInteger();
            java.util.concurrent.atomic.AtomicInteger most = new java.util.concurrent.atomic.AtomicInteger();
            new Auditor(SqliteAuditRulesTest.counted(real, open, most), 2, true).run(Arrays.asList(AuditRule.values()));
            assertThat(open.get()).isZero();
            assertThat(most.get()).isBetween(1, KeyScan.READERS + 2);
        }
    }

    /**
     * The scan's candidates of the two backup rules that compare a backup's owner with the TPMs are the backups those
     * rules look at: for TPM_STATE_BACKUP_WITHOUT_TPM the TPM-state backups of a VM (the owner's ResourceVO row is a
     * VM's), for BACKUP_WITHOUT_KEY those of a VM whose TPM has a ref that holds a key. Any other backup would be
     * looked up for nothing: on the 100,000-VM database more than {@link KeyScan#MAX_CANDIDATES} were, and the rule
     * ran its whole query.
     */
    @Test
    void theBackupRulesCandidatesAreTheBackupsTheyLookAt() throws Exception {
        try (MariaDbTestDatabase d = MariaDbTestDatabase.create(false)) {
            d.load(sink -> new Rows(sink).provider("p", "nkp")
                    .vm("vm_keyed", true).tpm("t_keyed", "vm_keyed").keyRef(1, "TpmVO", "t_keyed", "p", "nkp", "k1")
                    .vm("vm_placeholder", true).tpm("t_placeholder", "vm_placeholder")
                    .keyRef(2, "TpmVO", "t_placeholder", "p", "nkp", null)
                    .vm("vm_plain", true)
                    .backup("b_keyed", "vm_keyed", "TpmState") // BACKUP_WITHOUT_KEY: no ref of its own
                    .vm("vm_keyed2", true).tpm("t_keyed2", "vm_keyed2").keyRef(4, "TpmVO", "t_keyed2", "p", "nkp", "k4")
                    .backup("b_keyed_ref", "vm_keyed2", "TpmState") // has one
                    .keyRef(3, "VmHostBackupFileVO", "b_keyed_ref", "p", "nkp", "k3")
                    .backup("b_placeholder", "vm_placeholder", "TpmState") // its TPM's ref holds no key
                    .backup("b_plain", "vm_plain", "TpmState") // TPM_STATE_BACKUP_WITHOUT_TPM: the VM has no TPM
                    .backup("b_of_tpm", "t_keyed", "TpmState") // owned by a TPM's row, not a VM's
                    .backup("b_nvram", "vm_plain", "NvRam")
                    // near misses in case: an owner that is a VM's key ignoring case only (BACKUP_WITHOUT_OWNER's);
                    .vm("vm_case", true).backup("b_case", "VM_CASE", "TpmState")
                    // a TPM whose VM is the backup's owner ignoring case only (so TPM_STATE_BACKUP_WITHOUT_TPM's), with
                    // a ref that holds a key (which does not make the backup BACKUP_WITHOUT_KEY's)
                    .vm("vm_upper", true).tpm("t_upper", "VM_UPPER").keyRef(5, "TpmVO", "t_upper", "p", "nkp", "k5")
                    .backup("b_upper", "vm_upper", "TpmState")
                    // a TPM whose ref holds a key but names its type in lower case (so neither rule's)
                    .vm("vm_lower", true).tpm("t_lower", "vm_lower").keyRef(6, "tpmvo", "t_lower", "p", "nkp", "k6")
                    .backup("b_lower", "vm_lower", "TpmState"));
            try (Source s = MariaDbSource.open(d.url(), null, null, OpenOptions.readOnly())) {
                AuditReport report = assertTheKeyScanChangesNothing(s);
                assertThat(report.findings(AuditRule.TPM_STATE_BACKUP_WITHOUT_TPM)).extracting(Finding::key)
                        .containsExactly("b_plain", "b_upper");
                assertThat(report.findings(AuditRule.BACKUP_WITHOUT_OWNER)).extracting(Finding::key)
                        .contains("b_case");
                assertThat(report.findings(AuditRule.BACKUP_WITHOUT_KEY)).extracting(Finding::key)
                        .containsExactly("b_keyed");
                try (KeyScan scan = new KeyScan(s, new SqlDialect(s.kind(), s.layout()), ConcurrentHashMap.newKeySet(),
                        () -> false)) {
                    assertThat(scan.candidates(AuditRule.TPM_STATE_BACKUP_WITHOUT_TPM).keys())
                            .containsExactly("b_plain", "b_upper");
                    assertThat(scan.candidates(AuditRule.BACKUP_WITHOUT_KEY).keys()).containsExactly("b_keyed");
                }
            }
        }
    }

    /**
     * A rule's query on its candidates looks each candidate's references up by key, where its whole query compares with
     * {@code NOT IN}, which MariaDB answers by reading the whole set first (on 100,000 VMs, HOST_FILE_WITHOUT_VM on 100
     * candidates took 188 ms so and 38 ms by key, and the set's pages were pulled into the server's buffer pool). The
     * results are the same (the key scan's tests above).
     */
    @Test
    void aRulesQueryOnItsCandidatesLooksTheirReferencesUpByKey() throws Exception {
        try (Source s = scenario()) {
            SqlDialect dialect = new SqlDialect(s.kind(), s.layout());
            assertThat(AuditRule.HOST_FILE_WITHOUT_VM.query(dialect)).contains(" NOT IN (SELECT ");
            for (AuditRule rule : AuditRule.values()) {
                assertThat(rule.query(dialect, 3)).as(rule.name()).doesNotContain(" NOT IN (SELECT ");
            }
        }
    }

    /**
     * After the key scan, a rule starts as soon as its own candidates are read. With the files' read held until
     * BACKUP_WITHOUT_OWNER, which comes after the three rules on the files in the catalogue, has made its query, an
     * audit on two workers ends and reports what the whole queries report; in catalogue order both workers would wait
     * for rules on the files, and the files' read for a rule that never starts (here: fail after 5 s).
     */
    @Test
    void aRuleStartsAsSoonAsItsCandidatesAreRead() throws Exception {
        try (Source real = scenario()) {
            List<AuditRule> all = Arrays.asList(AuditRule.values());
            String query = AuditRule.BACKUP_WITHOUT_OWNER.query(new SqlDialect(real.kind(), real.layout()), 1);
            String backupRule = query.substring(0, query.indexOf(" x WHERE x.k IN"));
            java.util.concurrent.CountDownLatch backupRuleRan = new java.util.concurrent.CountDownLatch(1);
            Source held = new WrappedSource(real, c -> WrappedSource.proxy(Connection.class, c, (method, in, call) -> {
                if (method.getName().equals("prepareStatement") && ((String) in[0]).startsWith(backupRule)) {
                    backupRuleRan.countDown();
                }
                Object result = call.call();
                return method.getName().equals("createStatement") ? WrappedSource.proxy(Statement.class,
                        (Statement) result, (m, a, p) -> {
                            if (m.getName().equals("executeQuery") && ((String) a[0]).contains("FROM VmHostFileVO")
                                    && !backupRuleRan.await(5, java.util.concurrent.TimeUnit.SECONDS)) {
                                throw new java.sql.SQLException("the files' read waited 5 s for BACKUP_WITHOUT_OWNER");
                            }
                            return p.call();
                        }) : result;
            }));
            AuditReport report = new Auditor(held, 2, true).run(all);
            assertThat(report.counts().get(AuditRule.BACKUP_WITHOUT_OWNER)).isPositive();
            assertThat(report.findings()).isEqualTo(new Auditor(real, 2, false).run(all).findings());
        }
    }

    /**
     * The files' read, which waits for three others, goes on the first connection free once they are read, before the
     * reads queued ahead of it that have not started: here the contents' and the backups' reads hold their connections
     * until the files' read starts, and the VMs' read holds the third until the backups' has started, so the files' read
     * can only start if it goes before the key refs' and the rest.
     */
    @Test
    void theFilesReadGoesBeforeTheReadsThatHaveNotStarted() throws Exception {
        try (Source real = scenario()) {
            List<AuditRule> all = Arrays.asList(AuditRule.values());
            java.util.concurrent.CountDownLatch backupsStarted = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.CountDownLatch filesStarted = new java.util.concurrent.CountDownLatch(1);
            List<String> started = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
            Source held = new WrappedSource(real, c -> WrappedSource.proxy(Connection.class, c, (method, in, call) -> {
                Object result = call.call();
                return method.getName().equals("createStatement") ? WrappedSource.proxy(Statement.class,
                        (Statement) result, (m, a, p) -> {
                            if (!m.getName().equals("executeQuery")) {
                                return p.call();
                            }
                            String sql = (String) a[0];
                            started.add(sql.substring(sql.indexOf(" FROM ") + 6));
                            if (sql.contains("FROM VmHostFileVO")) {
                                filesStarted.countDown();
                            } else if (sql.contains("FROM VmHostBackupFileVO")) {
                                backupsStarted.countDown();
                            }
                            java.util.concurrent.CountDownLatch until = sql.contains("FROM VmInstanceEO")
                                    ? backupsStarted : sql.contains("FROM VmHostFileContentVO")
                                    || sql.contains("FROM VmHostBackupFileVO") ? filesStarted : null;
                            if (until != null && !until.await(5, java.util.concurrent.TimeUnit.SECONDS)) {
                                throw new java.sql.SQLException("waited 5 s; reads started: " + started);
                            }
                            return p.call();
                        }) : result;
            }));
            AuditReport report = new Auditor(held, 2, true).run(all);
            assertThat(report.findings()).isEqualTo(new Auditor(real, 2, false).run(all).findings());
            assertThat(started).hasSize(10);
            // after the VMs', TPMs', hosts' and backups' reads, before every read queued after those; the contents' read,
            // queued first, starts whenever its thread gets its connection (before or after the files')
            List<String> before = started.subList(0, started.indexOf("VmHostFileVO"));
            assertThat(before.stream().filter(s -> !s.startsWith("VmHostFileContentVO")).map(s -> s.split(" ")[0]))
                    .containsExactlyInAnyOrder("VmInstanceEO", "TpmVO", "HostEO", "VmHostBackupFileVO");
        }
    }

    /**
     * {@code real}, where reading VmHostFileContentVO's keys takes 2 s before it starts (the wait ends early when the
     * statement is cancelled: the read fails 300 ms later).
     */
    private static Source slowContents(Source real) {
        return new WrappedSource(real, c -> WrappedSource.proxy(java.sql.Connection.class, c, (method, args, passed) -> {
            Object result = passed.call();
            return method.getName().equals("createStatement") ? slow((Statement) result) : result;
        }));
    }

    private static Statement slow(Statement st) {
        java.util.concurrent.CountDownLatch cancelled = new java.util.concurrent.CountDownLatch(1);
        return WrappedSource.proxy(Statement.class, st, (method, args, passed) -> {
            if (method.getName().equals("cancel")) {
                cancelled.countDown();
            }
            if (method.getName().equals("executeQuery") && ((String) args[0]).contains("FROM VmHostFileContentVO")
                    && cancelled.await(2, java.util.concurrent.TimeUnit.SECONDS)) {
                Thread.sleep(300); // as a server takes a moment to stop a query
                throw new java.sql.SQLException("cancelled");
            }
            return passed.call();
        });
    }

    @FunctionalInterface
    private interface ThrowingSupplier<T> {
        T get() throws Exception;
    }

    /** Audits {@code s} with and without the key scan; both the same, the scan's candidates a superset of each rule's. */
    private static AuditReport assertTheKeyScanChangesNothing(Source s) throws Exception {
        List<AuditRule> all = Arrays.asList(AuditRule.values());
        AuditReport scanned = new Auditor(s, 2, true).run(all);
        AuditReport whole = new Auditor(s, 2, false).run(all);
        assertThat(scanned.findings()).isEqualTo(whole.findings());
        assertThat(scanned.counts()).isEqualTo(whole.counts());
        try (KeyScan scan = new KeyScan(s, new SqlDialect(s.kind(), s.layout()), ConcurrentHashMap.newKeySet(),
                () -> false)) {
            for (AuditRule rule : all) {
                KeyScan.Candidates candidates = scan.candidates(rule);
                assertThat(candidates.all()).as(rule.name()).isFalse();
                List<Object> keys = whole.findings(rule).stream()
                        .map(f -> rule.numericKeys() ? (Object) Long.valueOf(f.key()) : f.key()).toList();
                assertThat(candidates.keys()).as(rule.name()).containsAll(keys);
            }
        }
        return whole;
    }
}
