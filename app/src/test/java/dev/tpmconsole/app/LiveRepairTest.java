package dev.tpmconsole.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tpmconsole.model.testing.MariaDbTestDatabase;
import dev.tpmconsole.model.testing.Rows;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** repair --plan-only, apply and undo against this machine's MariaDB (CI runs it). */
class LiveRepairTest {

    @TempDir
    Path dir;

    @Test
    void repairOnMariaDb() throws Exception {
        try (MariaDbTestDatabase db = MariaDbTestDatabase.create(false)) {
            db.load(sink -> {
                Rows r = new Rows(sink);
                r.provider("prov1", "nkp-default").host("h", false).vm("v", true).tpm("t", "v");
                r.keyRef(1, "TpmVO", "t", null, "nkp-default", "kek");          // lost provider: relink
                r.keyRef(2, "TpmVO", "gone", "prov1", "nkp-default", "kek");    // orphaned
                r.tpm("tx", "vm_expunged").keyRef(3, "TpmVO", "tx", "prov1", "nkp-default", "kek");
                r.resource("c1", "VmHostBackupFileVO").content("c1");
            });
            Path plan = dir.resolve("repair.json");
            CommandLineTest.Run planned = CommandLineTest.run("repair", db.url(), "--plan-only", "--out", plan.toString());
            assertThat(planned.status()).as(planned.err()).isZero();
            assertThat(planned.out()).contains("update 1 row");
            Path journal = dir.resolve("run/journal.jsonl");
            CommandLineTest.Run applied = CommandLineTest.run("apply", db.url(), plan.toString(), "--journal", journal.toString());
            assertThat(applied.status()).as(applied.out() + applied.err()).isZero();
            CommandLineTest.Run audit = CommandLineTest.run("audit", db.url(), "--format", "json");
            assertThat(audit.status()).as(audit.out()).isZero();
            JsonNode json = new ObjectMapper().readTree(audit.out());
            assertThat(json.get("findings").size()).isZero();
            assertThat(LiveApplyTest.count(db, "SELECT COUNT(*) FROM EncryptedResourceKeyRefVO WHERE id = 1"
                    + " AND providerUuid = 'prov1'")).isEqualTo(1);
            CommandLineTest.Run undone = CommandLineTest.run("undo", journal.toString());
            assertThat(undone.status()).as(undone.out() + undone.err()).isZero();
            assertThat(LiveApplyTest.count(db, "SELECT COUNT(*) FROM EncryptedResourceKeyRefVO WHERE id = 1"
                    + " AND providerUuid IS NULL")).isEqualTo(1);
            assertThat(LiveApplyTest.count(db, "SELECT COUNT(*) FROM EncryptedResourceKeyRefVO")).isEqualTo(3);
            assertThat(LiveApplyTest.count(db, "SELECT COUNT(*) FROM TpmVO")).isEqualTo(2);
            assertThat(LiveApplyTest.count(db, "SELECT COUNT(*) FROM VmHostFileContentVO")).isEqualTo(1);
        }
    }
}
