package dev.tpmconsole.model.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpmconsole.model.source.OpenOptions;
import dev.tpmconsole.model.source.Source;
import dev.tpmconsole.model.source.SqliteSnapshot;
import dev.tpmconsole.model.testing.Rows;
import dev.tpmconsole.model.testing.SqliteTestDatabase;
import dev.tpmconsole.model.testing.TestSnapshots;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteAuditRulesTest extends AuditRulesContract {

    @TempDir
    static Path dir;
    static Path file;
    static Path caseFile;

    @BeforeAll
    static void build() throws Exception {
        file = SqliteTestDatabase.create(dir.resolve("scenario.sqlite"), AuditScenario::write);
        caseFile = SqliteTestDatabase.create(dir.resolve("case.sqlite"), AuditScenario::writeCaseNearMisses);
    }

    @Override
    Source scenario() throws Exception {
        return SqliteSnapshot.open(file, OpenOptions.readOnly());
    }

    @Override
    Source caseNearMisses() throws Exception {
        return SqliteSnapshot.open(caseFile, OpenOptions.readOnly());
    }

    @Test
    void auditLeavesTheSnapshotByteIdentical() throws Exception {
        String hash = TestSnapshots.sha256(file);
        List<String> listing = TestSnapshots.listing(dir);
        try (Source s = scenario()) {
            new Auditor(s).run(Arrays.asList(AuditRule.values()));
        }
        assertThat(TestSnapshots.sha256(file)).isEqualTo(hash);
        assertThat(TestSnapshots.listing(dir)).isEqualTo(listing);
    }

    @Test
    void aCleanDatabaseHasNoFindings(@TempDir Path d) throws Exception {
        Path clean = SqliteTestDatabase.create(d.resolve("clean.sqlite"), sink -> {
            Rows r = new Rows(sink);
            r.provider("p", "nkp").host("h", false).vm("v", true).tpm("t", "v").keyRef(1, "TpmVO", "t", "p", "nkp", "k");
            r.hostFile("f1", "v", "h", "TpmState").hostFile("f2", "v", "h", "NvRam");
            r.backup("b", "v", "TpmState").keyRef(2, "VmHostBackupFileVO", "b", "p", "nkp", "k");
        });
        try (Source s = SqliteSnapshot.open(clean, OpenOptions.readOnly())) {
            AuditReport report = new Auditor(s).run(Arrays.asList(AuditRule.values()));
            assertThat(report.findings()).isEmpty();
            assertThat(report.needsAction()).isFalse();
            assertThat(report.counts().values()).containsOnly(0L);
        }
    }

    @Test
    void legacyBackupLayoutOwnersAreVms(@TempDir Path d) throws Exception {
        Path legacy = SqliteTestDatabase.create(d.resolve("zsv500.sqlite"), sink -> {
            Rows r = new Rows(sink);
            r.provider("p", "nkp").vm("vm_tpm", true).tpm("t", "vm_tpm").keyRef(1, "TpmVO", "t", "p", "nkp", "k");
            r.vm("vm_plain", true);
        });
        TestSnapshots.exec(legacy, "DROP TABLE VmHostBackupFileVO",
                "CREATE TABLE VmHostBackupFileVO (uuid TEXT NOT NULL, vmInstanceUuid TEXT NOT NULL, type TEXT NOT NULL,"
                        + " createDate TEXT NOT NULL DEFAULT '0000-00-00 00:00:00', lastOpDate TEXT NOT NULL"
                        + " DEFAULT CURRENT_TIMESTAMP, PRIMARY KEY (uuid))",
                "INSERT INTO ResourceVO VALUES ('b1', null, 'VmHostBackupFileVO', 'x'), ('b2', null, 'VmHostBackupFileVO', 'x'),"
                        + " ('b3', null, 'VmHostBackupFileVO', 'x'), ('b4', null, 'VmHostBackupFileVO', 'x')",
                "INSERT INTO VmHostBackupFileVO (uuid, vmInstanceUuid, type) VALUES ('b1', 'vm_tpm', 'TpmState'),"
                        + " ('b2', 'vm_plain', 'TpmState'), ('b3', 'vm_gone', 'TpmState'), ('b4', 'vm_plain', 'NvRam')");
        try (Source s = SqliteSnapshot.open(legacy, OpenOptions.readOnly())) {
            assertThat(s.layout().legacyBackupLayout()).isTrue();
            AuditReport report = new Auditor(s).run(List.of(AuditRule.BACKUP_WITHOUT_OWNER,
                    AuditRule.TPM_STATE_BACKUP_WITHOUT_TPM, AuditRule.BACKUP_WITHOUT_KEY));
            assertThat(report.findings(AuditRule.BACKUP_WITHOUT_OWNER)).extracting(Finding::key).containsExactly("b3");
            assertThat(report.findings(AuditRule.BACKUP_WITHOUT_OWNER).get(0).detail()).contains("VM vm_gone");
            assertThat(report.findings(AuditRule.TPM_STATE_BACKUP_WITHOUT_TPM)).extracting(Finding::key)
                    .containsExactly("b2", "b3");
            assertThat(report.findings(AuditRule.BACKUP_WITHOUT_KEY)).extracting(Finding::key).containsExactly("b1");
        }
    }

    @Test
    void aMissingOptionalTableReadsAsEmpty(@TempDir Path d) throws Exception {
        Path f = SqliteTestDatabase.create(d.resolve("no-holders.sqlite"), sink -> {
            Rows r = new Rows(sink);
            r.provider("p", "nkp").keyRef(1, "TpmKeyBackupVO", "h", "p", "nkp", "k").resource("h", "TpmKeyBackupVO");
        });
        TestSnapshots.exec(f, "DROP TABLE TpmKeyBackupVO", "DROP TABLE VolumeSnapshotGroupVO");
        try (Source s = SqliteSnapshot.open(f, OpenOptions.readOnly())) {
            AuditReport report = new Auditor(s).run(Arrays.asList(AuditRule.values()));
            assertThat(report.findings(AuditRule.KEY_REF_ORPHANED)).extracting(Finding::key).containsExactly("1");
            assertThat(report.findings(AuditRule.RESOURCE_ROW_STALE)).extracting(Finding::key).containsExactly("h");
        }
    }

    /** {@code real}, counting the connections open now ({@code open}) and at most ({@code most}). */
    static Source counted(Source real, java.util.concurrent.atomic.AtomicInteger open,
                          java.util.concurrent.atomic.AtomicInteger most) {
        return new WrappedSource(real, c -> {
            most.accumulateAndGet(open.incrementAndGet(), Math::max);
            java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
            return WrappedSource.proxy(java.sql.Connection.class, c, (method, args, passed) -> {
                if (method.getName().equals("close") && closed.compareAndSet(false, true)) {
                    open.decrementAndGet();
                }
                return passed.call();
            });
        });
    }

    /**
     * Rules with more findings than a rule may read ahead of its turn: the rest is read in its turn, in order, from
     * the query it handed over; the report is the sequential one's.
     */
    @Test
    void aRuleWithMoreFindingsThanItHoldsAheadIsReadWholeInItsTurn(@TempDir Path d) throws Exception {
        int many = 3 * Auditor.QUEUE_CAPACITY;
        Path f = SqliteTestDatabase.create(d.resolve("many.sqlite"), sink -> {
            Rows r = new Rows(sink);
            for (int i = many; i > 0; i--) {
                r.tpm(String.format("t%05d", i), "vm_gone");
            }
            for (int i = 0; i < Auditor.QUEUE_CAPACITY + 7; i++) {
                r.resource(String.format("r%05d", i), "TpmVO");
            }
        });
        try (Source s = SqliteSnapshot.open(f, OpenOptions.readOnly())) {
            AuditReport one = new Auditor(s, 1).run(Arrays.asList(AuditRule.values()));
            AuditReport two = new Auditor(s, 2).run(Arrays.asList(AuditRule.values()));
            assertThat(two).isEqualTo(one);
            assertThat(two.findings(AuditRule.TPM_WITHOUT_VM)).hasSize(many).extracting(Finding::key)
                    .startsWith("t00001", "t00002").endsWith(String.format("t%05d", many)).isSorted();
            assertThat(two.findings(AuditRule.RESOURCE_ROW_STALE)).hasSize(Auditor.QUEUE_CAPACITY + 7);
        }
    }

    /** An audit that fails or is cancelled while rules wait with their queries read ahead closes every connection. */
    @Test
    void aFailedOrCancelledAuditClosesWhatWasReadAhead(@TempDir Path d) throws Exception {
        Path f = SqliteTestDatabase.create(d.resolve("many.sqlite"), sink -> {
            Rows r = new Rows(sink);
            for (int i = 0; i < 2 * Auditor.QUEUE_CAPACITY; i++) {
                r.resource(String.format("r%05d", i), "TpmVO").hostFile(String.format("f%05d", i), "vm_gone" + i, "h", "NvRam");
            }
        });
        try (Source real = SqliteSnapshot.open(f, OpenOptions.readOnly())) {
            // failed by the sink; cancelled; cancelled as the window cancels (its task's thread interrupted too)
            for (String how : List.of("failed", "cancelled", "interrupted")) {
                boolean cancel = !how.equals("failed");
                java.util.concurrent.atomic.AtomicInteger open = new java.util.concurrent.atomic.AtomicInteger();
                Auditor auditor = new Auditor(counted(real, open, new java.util.concurrent.atomic.AtomicInteger()), 2);
                AuditSink stopAtTheFirstRule = new AuditSink() {
                    @Override
                    public void finding(Finding finding) {
                    }

                    @Override
                    public void ruleStarted(AuditRule rule, int index) throws Exception {
                        // the long rules ran first: HOST_FILE_WITHOUT_VM and RESOURCE_ROW_STALE wait with their queries open
                        Thread.sleep(300);
                        if (cancel) {
                            auditor.cancel();
                            if (how.equals("interrupted")) {
                                Thread.currentThread().interrupt();
                            }
                        } else {
                            throw new java.io.IOException("the report cannot be written");
                        }
                    }
                };
                org.assertj.core.api.ThrowableAssert.ThrowingCallable run = () -> auditor.run(Arrays.asList(AuditRule.values()),
                        stopAtTheFirstRule);
                if (cancel) {
                    org.assertj.core.api.Assertions.assertThatThrownBy(run).isInstanceOf(Auditor.Cancelled.class);
                } else {
                    org.assertj.core.api.Assertions.assertThatThrownBy(run).hasMessage("the report cannot be written");
                }
                boolean interrupted = Thread.interrupted(); // and clears it for what follows
                assertThat(interrupted).as("the interrupt is kept").isEqualTo(how.equals("interrupted"));
                assertThat(open.get()).as("connections left open when " + how).isZero();
            }
        }
    }

    @Test
    void sequentialAndParallelRunsAgree() throws Exception {
        try (Source s = scenario()) {
            AuditReport one = new Auditor(s, 1).run(Arrays.asList(AuditRule.values()));
            AuditReport four = new Auditor(s, 4).run(Arrays.asList(AuditRule.values()));
            assertThat(four).isEqualTo(one);
        }
    }

    @Test
    void rulesRunOnAtMostParallelismConnections_andTheSinkSeesEachWholeInCatalogueOrder() throws Exception {
        try (Source real = scenario()) {
            java.util.concurrent.atomic.AtomicInteger open = new java.util.concurrent.atomic.AtomicInteger();
            java.util.concurrent.atomic.AtomicInteger most = new java.util.concurrent.atomic.AtomicInteger();
            Source counted = counted(real, open, most);
            List<String> seen = new java.util.ArrayList<>();
            new Auditor(counted, 3).run(Arrays.asList(AuditRule.values()), new AuditSink() {
                @Override
                public void ruleStarted(AuditRule rule, int index) {
                    seen.add(index + " start " + rule);
                }

                @Override
                public void finding(Finding f) {
                    seen.add("finding " + f.rule() + " " + f.key());
                }

                @Override
                public void ruleEnded(AuditRule rule, long count) {
                    seen.add("end " + rule + " " + count);
                }
            });
            // what one rule after the other reports, in the catalogue's order
            AuditReport sequential = new Auditor(real, 1).run(Arrays.asList(AuditRule.values()));
            List<String> expected = new java.util.ArrayList<>();
            for (AuditRule rule : AuditRule.values()) {
                expected.add(rule.ordinal() + " start " + rule);
                sequential.findings(rule).forEach(f -> expected.add("finding " + rule + " " + f.key()));
                expected.add("end " + rule + " " + sequential.findings(rule).size());
            }
            assertThat(seen).isEqualTo(expected);
            assertThat(most.get()).as("connections open at once").isBetween(1, 3);
            assertThat(open.get()).as("every rule's connection closed").isZero();
        }
    }
}
