package dev.tpmconsole.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpmconsole.model.testing.MariaDbTestDatabase;
import dev.tpmconsole.model.testing.Rows;
import dev.tpmconsole.model.testing.SqliteTestDatabase;
import dev.tpmconsole.model.testing.TestSnapshots;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repair exported as SQL: the forward script run by the real sqlite3 shell (and mariadb client) repairs,
 * the inverse script brings back identical rows.
 */
class RepairSqlTest {

    @TempDir
    Path dir;

    static MariaDbTestDatabase.RowWriter dirty() {
        return sink -> {
            Rows r = new Rows(sink);
            r.provider("prov1", "nkp-default").host("h", false).vm("v", true).tpm("t", "v");
            r.keyRef(1, "TpmVO", "t", null, "nkp-default", "kek");
            r.keyRef(2, "TpmVO", "gone", "prov1", "nkp-default", "kek");
            r.tpm("tx", "vm_expunged").keyRef(3, "TpmVO", "tx", "prov1", "nkp-de'fault\\x", "kek");
            r.resource("c1", "VmHostBackupFileVO").content("c1");
            r.hostFile("f", "vm_expunged", "h", "TpmState");
        };
    }

    static void run(Path script, String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectInput(script.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + ": " + out).isZero();
    }

    @Test
    void forwardThenInverseWithTheSqlite3Shell() throws Exception {
        Path file = SqliteTestDatabase.create(dir.resolve("s.sqlite"), dirty());
        String before = TestSnapshots.contentDigest(file);
        Path sql = dir.resolve("repair.sql");
        CommandLineTest.Run r = CommandLineTest.run("repair", file.toString(), "--plan-only", "--out",
                dir.resolve("plan.json").toString(), "--sql", sql.toString());
        assertThat(r.status()).as(r.err()).isZero();
        run(sql, "sqlite3", file.toString());
        assertThat(CommandLineTest.run("audit", file.toString(), "--format", "json").status()).as("repaired").isZero();
        assertThat(TestSnapshots.count(file, "SELECT count(*) FROM EncryptedResourceKeyRefVO WHERE id = 1 AND providerUuid = 'prov1'"))
                .isEqualTo(1);
        run(dir.resolve("repair.inverse.sql"), "sqlite3", file.toString());
        assertThat(TestSnapshots.contentDigest(file)).isEqualTo(before);
    }

    @Test
    void forwardThenInverseWithTheMariadbClient() throws Exception {
        try (MariaDbTestDatabase db = MariaDbTestDatabase.create(false)) {
            db.load(dirty());
            String before = LiveApplyTest.count(db, "SELECT COUNT(*) FROM EncryptedResourceKeyRefVO") + "/"
                    + LiveApplyTest.count(db, "SELECT COUNT(*) FROM TpmVO") + "/"
                    + LiveApplyTest.count(db, "SELECT COUNT(*) FROM VmHostFileContentVO") + "/"
                    + LiveApplyTest.count(db, "SELECT COUNT(*) FROM EncryptedResourceKeyRefVO WHERE providerName = 'nkp-de''fault\\\\x'");
            Path sql = dir.resolve("repair.sql");
            CommandLineTest.Run r = CommandLineTest.run("repair", db.url(), "--plan-only", "--out",
                    dir.resolve("plan.json").toString(), "--sql", sql.toString());
            assertThat(r.status()).as(r.err()).isZero();
            List<String> client = List.of("mariadb", "-h127.0.0.1", "-uroot", db.name());
            run(sql, client.toArray(String[]::new));
            assertThat(CommandLineTest.run("audit", db.url(), "--format", "json").status()).isZero();
            run(dir.resolve("repair.inverse.sql"), client.toArray(String[]::new));
            String after = LiveApplyTest.count(db, "SELECT COUNT(*) FROM EncryptedResourceKeyRefVO") + "/"
                    + LiveApplyTest.count(db, "SELECT COUNT(*) FROM TpmVO") + "/"
                    + LiveApplyTest.count(db, "SELECT COUNT(*) FROM VmHostFileContentVO") + "/"
                    + LiveApplyTest.count(db, "SELECT COUNT(*) FROM EncryptedResourceKeyRefVO WHERE providerName = 'nkp-de''fault\\\\x'");
            assertThat(after).isEqualTo(before).isEqualTo("3/2/2/1");
            assertThat(LiveApplyTest.count(db, "SELECT COUNT(*) FROM EncryptedResourceKeyRefVO WHERE id = 1 AND providerUuid IS NULL"))
                    .isEqualTo(1);
        }
    }

}
