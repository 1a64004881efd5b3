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
        }
    }
}
