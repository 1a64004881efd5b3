package dev.tpmconsole.app.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpmconsole.model.audit.AuditRule;
import dev.tpmconsole.model.audit.Auditor;
import dev.tpmconsole.model.plan.Plan;
import dev.tpmconsole.model.plan.PlanJson;
import dev.tpmconsole.model.plan.PlanPreview;
import dev.tpmconsole.model.source.OpenOptions;
import dev.tpmconsole.model.source.SqliteSnapshot;
import dev.tpmconsole.model.testing.TestSnapshots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed mid-way (a real separate process, SIGKILL) leaves a consistent database — every item's rows
 * all there or all gone — and {@code apply --resume} finishes it with zero residue.
 */
class ApplyKilledTest {

    @TempDir
    Path dir;

    @Test
    void aKilledRunIsConsistentAndResumeFinishesIt() throws Exception {
        Path snapshot = TestSnapshots.demo(dir.resolve("demo.sqlite"), 1200, 5);
        List<String> vms = Faults.vmsWithTpmState(snapshot, 300);
        PlanPreview preview = Faults.removal(snapshot, vms);
        Plan plan = preview.plan();
        assertThat(preview.rowsOfItem()).hasSizeGreaterThan(500);
        Path planFile = dir.resolve("plan.json");
        PlanJson.write(plan, planFile);
        Path journal = dir.resolve("run/journal.jsonl");

        Process p = ConsoleProcess.in(dir.resolve("work")).start("apply", snapshot.toString(), planFile.toString(),
                "--journal", journal.toString());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && p.isAlive() && deletesDone(journal) < 60) {
            Thread.onSpinWait();
        }
        assertThat(p.isAlive()).as("the run is still going when it is killed").isTrue();
        p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertThat(Files.readString(journal)).doesNotContain("run-ended");

        // a read-only open refuses the crashed write; opened for changes, SQLite rolls it back. The run's connections
        // keep their journal between transactions, its header zeroed: killed between two, nothing is refused
        Path hot = dir.resolve("demo.sqlite-journal");
        assertThat(hot).as("the journal the run's connections kept").exists();
        byte[] header = Files.readAllBytes(hot);
        if (header.length > 0 && header[0] != 0) { // killed inside a transaction
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> SqliteSnapshot.open(snapshot, OpenOptions.readOnly()))
                    .hasMessageContaining("unfinished write");
        } else {
            try (SqliteSnapshot s = SqliteSnapshot.open(snapshot, OpenOptions.readOnly())) {
                assertThat(s.layout().isZStack()).isTrue();
            }
        }
        // consistent: each item (one transaction) is all there or all gone
        int gone = 0;
        try (SqliteSnapshot s = SqliteSnapshot.open(snapshot, OpenOptions.writableOptions()); Connection c = s.connection()) {
            for (Map.Entry<String, List<Plan.RowRef>> item : preview.rowsOfItem().entrySet()) {
                int present = 0;
                for (Plan.RowRef r : item.getValue()) {
                    present += exists(c, r) ? 1 : 0;
                }
                assertThat(present).as(item.getKey()).isIn(0, item.getValue().size());
                gone += present == 0 ? 1 : 0;
            }
        }
        assertThat(gone).as("some items were done before the kill").isGreaterThanOrEqualTo(50)
                .isLessThan(preview.rowsOfItem().size());

        ConsoleProcess.Result resumed = Faults.console("apply", "--resume", journal.toString());
        assertThat(resumed.status()).as(resumed.all()).isZero();
        assertThat(resumed.out()).startsWith("Done: ");
        assertThat(hot).as("deleted when the resumed run ended").doesNotExist();
        try (SqliteSnapshot s = SqliteSnapshot.open(snapshot, OpenOptions.readOnly()); Connection c = s.connection()) {
            for (Plan.RowRef r : plan.deletes()) {
                assertThat(exists(c, r)).as(r.id()).isFalse();
            }
            Set<String> touched = new HashSet<>(vms);
            assertThat(new Auditor(s).run(Arrays.asList(AuditRule.values())).findings())
                    .filteredOn(f -> f.severity().needsAction() && touched.contains(f.vmUuid()))
                    .as("zero residue on the VMs the run touched").isEmpty();
        }
    }

    static long deletesDone(Path journal) {
        try {
            if (!Files.exists(journal)) {
                return 0;
            }
            return Files.readAllLines(journal).stream()
                    .filter(l -> l.contains("\"item-done\"") && l.contains("\"delete-")).count();
        } catch (Exception e) {
            return 0;
        }
    }

    static boolean exists(Connection c, Plan.RowRef r) throws Exception {
        String key = r.table().equals("EncryptedResourceKeyRefVO") ? "id" : "uuid";
        try (var ps = c.prepareStatement("SELECT 1 FROM " + r.table() + " WHERE " + key + " = ?")) {
            ps.setString(1, r.key());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
