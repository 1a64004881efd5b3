package dev.tpmconsole.model.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpmconsole.model.pipeline.RunEvent;
import dev.tpmconsole.model.pipeline.Runs;
import dev.tpmconsole.model.plan.Plan;
import dev.tpmconsole.model.plan.PlanJson;
import dev.tpmconsole.model.plan.RepairPlanner;
import dev.tpmconsole.model.source.OpenOptions;
import dev.tpmconsole.model.source.SqliteSnapshot;
import dev.tpmconsole.model.testing.SqliteTestDatabase;
import dev.tpmconsole.model.testing.TestSnapshots;
import io.reactivex.rxjava3.schedulers.Schedulers;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repair of the audit scenario: every orphan finding's action on exactly its rows, relinks as updates;
 * after the run the orphans are gone and nothing else changed, and undo puts everything back.
 */
class RepairTest {

    @TempDir
    Path dir;

    @Test
    void repairRemovesTheOrphansRelinksAndKeepsTheRest() throws Exception {
        Path file = SqliteTestDatabase.create(dir.resolve("scenario.sqlite"), AuditScenario::write);
        String before = TestSnapshots.contentDigest(file);
        AuditReport auditBefore;
        Plan plan;
        try (SqliteSnapshot s = SqliteSnapshot.open(file, OpenOptions.readOnly())) {
            auditBefore = new Auditor(s).run(Arrays.asList(AuditRule.values()));
            plan = new RepairPlanner(s, Clock.systemUTC()).plan(List.of(), Set.of()).plan();
        }
        assertThat(plan.operation()).isEqualTo("repair");
        assertThat(plan.updates()).extracting(u -> u.key() + "->" + u.set().get("providerUuid"))
                .containsExactlyInAnyOrder("60->prov1", "62->prov1");
        assertThat(plan.kept()).extracting(Plan.Kept::key).contains("61", "tpm_g1", "tpm_g2", "bc_state", "fm1", "fm2");
        assertThat(plan.deletes()).doesNotHaveDuplicates();
        // near misses stay out of the plan: key refs of a volume, placeholders without a materialized twin,
        // and every healthy row
        assertThat(plan.deletes()).extracting(Plan.RowRef::id).doesNotContain("EncryptedResourceKeyRefVO/55",
                "EncryptedResourceKeyRefVO/65", "EncryptedResourceKeyRefVO/12", "EncryptedResourceKeyRefVO/63",
                "EncryptedResourceKeyRefVO/10", "TpmVO/tpm_a", "VmHostBackupFileVO/ba_state", "VmHostFileVO/fa_nvram");
        assertThat(PlanJson.read(PlanJson.write(plan))).isEqualTo(plan);

        Path journal;
        try (SqliteSnapshot s = SqliteSnapshot.open(file, OpenOptions.writableOptions());
             Runs.Run run = Runs.start(s, plan, dir.resolve("repair/journal.jsonl"), Clock.systemUTC(), Schedulers.io())) {
            java.util.List<RunEvent> all = run.events().toList().blockingGet();
            RunEvent.RunEnded ended = (RunEvent.RunEnded) all.get(all.size() - 1);
            assertThat(ended.outcome()).as(all.toString()).isEqualTo(RunEvent.Outcome.DONE);
            journal = run.journalFile();
        }
        AuditReport after;
        try (SqliteSnapshot s = SqliteSnapshot.open(file, OpenOptions.readOnly())) {
            after = new Auditor(s).run(Arrays.asList(AuditRule.values()));
        }
        Map<AuditRule, Long> counts = after.counts();
        for (AuditRule rule : AuditRule.values()) {
            if (rule.severity() == Severity.ORPHAN) {
                assertThat(counts.get(rule)).as(rule.name()).isZero();
            }
        }
        // what needs a person is still there, unchanged; the relinked refs are no longer "lost"
        assertThat(keys(after, AuditRule.KEY_REF_PROVIDER_LOST)).containsExactly("61");
        assertThat(keys(after, AuditRule.TPM_DUPLICATE_FOR_VM)).isEqualTo(keys(auditBefore, AuditRule.TPM_DUPLICATE_FOR_VM));
        assertThat(keys(after, AuditRule.BACKUP_WITHOUT_KEY)).isEqualTo(keys(auditBefore, AuditRule.BACKUP_WITHOUT_KEY));
        assertThat(keys(after, AuditRule.HOST_FILE_ON_MISSING_HOST)).isEqualTo(keys(auditBefore, AuditRule.HOST_FILE_ON_MISSING_HOST));
        assertThat(TestSnapshots.count(file, "SELECT count(*) FROM EncryptedResourceKeyRefVO WHERE id IN (60, 62)"
                + " AND providerUuid = 'prov1' AND providerName = 'nkp-default'")).isEqualTo(2);
        assertThat(TestSnapshots.count(file, "SELECT count(*) FROM VmHostBackupFileVO WHERE uuid = 'ba_state'"))
                .as("healthy rows untouched").isEqualTo(1);

        try (SqliteSnapshot s = SqliteSnapshot.open(file, OpenOptions.writableOptions())) {
            assertThat(Runs.undo(s, journal, Clock.systemUTC()).refused()).isEmpty();
        }
        assertThat(TestSnapshots.contentDigest(file)).as("undo restores every row, relinks included").isEqualTo(before);
    }

    @Test
    void repairOfChosenRulesAndKeysOnly() throws Exception {
        Path file = SqliteTestDatabase.create(dir.resolve("s2.sqlite"), AuditScenario::write);
        try (SqliteSnapshot s = SqliteSnapshot.open(file, OpenOptions.readOnly())) {
            Plan plan = new RepairPlanner(s, Clock.systemUTC()).plan(List.of(AuditRule.KEY_REF_ORPHANED), Set.of("50", "51"))
                    .plan();
            assertThat(plan.deletes()).extracting(Plan.RowRef::id)
                    .containsExactly("EncryptedResourceKeyRefVO/50", "EncryptedResourceKeyRefVO/51");
            assertThat(plan.updates()).isEmpty();
        }
    }

    /**
     * An NvRam file of an expunged VM is kept by the plan, with the reason (host work moves TPM state folders only);
     * a TpmState row whose path names another VM's folder is refused when its host work is exported, and its row
     * stays (R3: no script removes that folder, so the database must not forget it) while the rest of the repair runs.
     */
    @Test
    void aHostFileWhoseHostWorkCannotBeDoneKeepsItsRow() throws Exception {
        String otherVmsFolder = "/var/lib/libvirt/swtpm/" + dev.tpmconsole.model.hosts.HostPaths.hyphenated(AuditScenario.VM_D) + "/";
        Path file = SqliteTestDatabase.create(dir.resolve("kept.sqlite"), sink -> new dev.tpmconsole.model.testing.Rows(sink)
                .host("host", false)
                .hostFile("f_state", AuditScenario.VM_EXPUNGED, "host", "TpmState")
                .hostFile("f_nvram", AuditScenario.VM_EXPUNGED, "host", "NvRam")
                .resource("f_other", "VmHostFileVO").hostFileRow("f_other", "b".repeat(32), "host", "TpmState", otherVmsFolder));
        Plan plan;
        try (SqliteSnapshot s = SqliteSnapshot.open(file, OpenOptions.readOnly())) {
            plan = new RepairPlanner(s, Clock.systemUTC()).plan(List.of(), Set.of()).plan();
        }
        assertThat(plan.kept()).filteredOn(k -> k.key().equals("f_nvram")).singleElement()
                .satisfies(k -> assertThat(k.reason()).contains("a file of type NvRam", "TPM state folders only", ".fd", "host"));
        assertThat(plan.hostWork()).extracting(Plan.HostWork::path).noneMatch(p -> p.contains("nvram"));
        assertThat(plan.deletes()).extracting(Plan.RowRef::id).doesNotContain("VmHostFileVO/f_nvram");
        List<RunEvent> all;
        try (SqliteSnapshot s = SqliteSnapshot.open(file, OpenOptions.writableOptions());
             Runs.Run run = Runs.start(s, plan, dir.resolve("kept/journal.jsonl"), Clock.systemUTC(), Schedulers.io())) {
            all = run.events().toList().blockingGet();
        }
        assertThat(all).filteredOn(RunEvent.ItemFailed.class::isInstance).map(RunEvent.ItemFailed.class::cast)
                .singleElement().satisfies(f -> {
                    assertThat(f.step()).isEqualTo(Plan.StepName.HOST_WORK);
                    assertThat(f.item()).isEqualTo("VmHostFileVO/f_other");
                    assertThat(f.cause()).contains(otherVmsFolder);
                });
        assertThat(all).filteredOn(RunEvent.ItemSkipped.class::isInstance).map(RunEvent.ItemSkipped.class::cast)
                .singleElement().satisfies(k -> {
                    assertThat(k.step()).isEqualTo(Plan.StepName.DELETE_HOST_FILES);
                    assertThat(k.item()).isEqualTo("VmHostFileVO/f_other");
                });
        assertThat(TestSnapshots.count(file, "SELECT count(*) FROM VmHostFileVO WHERE uuid IN ('f_other', 'f_nvram')"))
                .isEqualTo(2);
        assertThat(TestSnapshots.count(file, "SELECT count(*) FROM VmHostFileVO WHERE uuid = 'f_state'"))
                .as("the TpmState folder's script is written and its row deleted").isZero();
    }

    static List<String> keys(AuditReport report, AuditRule rule) {
        return report.findings(rule).stream().map(Finding::key).collect(Collectors.toList());
    }
}
