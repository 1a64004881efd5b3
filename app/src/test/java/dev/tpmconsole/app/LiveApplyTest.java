package dev.tpmconsole.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpmconsole.model.testing.MariaDbTestDatabase;
import dev.tpmconsole.model.testing.Rows;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plan, apply and undo on this machine's MariaDB: refused while a management node beats, done once the person
 * states the nodes are stopped; undo puts the rows back, MariaDB's zero date included.
 */
class LiveApplyTest {

    /** A VM uuid as ZStack writes it: its TPM state folder is named after it. */
    static final String V = "c0ffee00".repeat(4);

    @TempDir
    Path dir;

    @Test
    void applyOnALiveDatabase() throws Exception {
        try (MariaDbTestDatabase db = MariaDbTestDatabase.create(false)) {
            db.load(sink -> {
                Rows r = new Rows(sink);
                r.provider("p", "nkp").host("h", false).vm(V, true).tpm("t", V).keyRef(1, "TpmVO", "t", "p", "nkp", "k");
                r.hostFile("f", V, "h", "TpmState").backup("b", V, "TpmState");
            });
            try (Connection c = db.connection(); Statement st = c.createStatement()) {
                st.execute("UPDATE TpmVO SET createDate = '0000-00-00 00:00:00'");
                st.execute("INSERT INTO ManagementNodeVO (uuid, hostName, state, heartBeat) VALUES"
                        + " ('mn1', '172.24.0.11', 'RUNNING', UTC_TIMESTAMP())");
            }
            Path plan = dir.resolve("plan.json");
            CommandLineTest.Run planned = CommandLineTest.run("plan", "remove", db.url(), "--vm", V, "--out", plan.toString());
            assertThat(planned.status()).as(planned.err()).isZero();

            CommandLineTest.Run refused = CommandLineTest.run("apply", db.url(), plan.toString(),
                    "--journal", dir.resolve("run/journal.jsonl").toString());
            assertThat(refused.status()).isEqualTo(1);
            assertThat(refused.err()).contains("mn1");
            assertThat(count(db, "SELECT COUNT(*) FROM TpmVO")).isEqualTo(1);

            Path journal = dir.resolve("run2/journal.jsonl");
            CommandLineTest.Run applied = CommandLineTest.run("apply", db.url(), plan.toString(), "--journal",
                    journal.toString(), "--nodes-stopped");
            assertThat(applied.status()).as(applied.out() + applied.err()).isZero();
            assertThat(count(db, "SELECT COUNT(*) FROM TpmVO")).isZero();
            assertThat(count(db, "SELECT COUNT(*) FROM EncryptedResourceKeyRefVO")).isZero();
            assertThat(count(db, "SELECT COUNT(*) FROM VmHostBackupFileVO")).isZero();

            CommandLineTest.Run undone = CommandLineTest.run("undo", journal.toString(), "--nodes-stopped");
            assertThat(undone.status()).as(undone.out() + undone.err()).isZero();
            assertThat(count(db, "SELECT COUNT(*) FROM TpmVO WHERE CAST(createDate AS CHAR) = '0000-00-00 00:00:00'"))
                    .as("the zero date comes back as it was").isEqualTo(1);
            assertThat(count(db, "SELECT COUNT(*) FROM EncryptedResourceKeyRefVO WHERE kekRef = 'k'")).isEqualTo(1);
            assertThat(count(db, "SELECT COUNT(*) FROM VmHostFileContentVO")).isEqualTo(2);
        }
    }

    static long count(MariaDbTestDatabase db, String sql) throws Exception {
        try (Connection c = db.connection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
