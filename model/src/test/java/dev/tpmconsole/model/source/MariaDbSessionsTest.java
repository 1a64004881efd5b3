package dev.tpmconsole.model.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpmconsole.model.demo.DemoGenerator;
import dev.tpmconsole.model.demo.DemoOptions;
import dev.tpmconsole.model.testing.MariaDbTestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A live database's read-only sessions are reused, each checked before it serves again; on this machine's MariaDB.
 */
class MariaDbSessionsTest {

    static MariaDbTestDatabase db;

    @BeforeAll
    static void load() throws Exception {
        db = MariaDbTestDatabase.create(false);
        db.load(sink -> DemoGenerator.generate(new DemoOptions(10, 1), sink));
    }

    @AfterAll
    static void drop() throws Exception {
        if (db != null) {
            db.close();
        }
    }

    static String one(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Whether the server still has a session with this id. */
    static boolean alive(String id) throws SQLException {
        try (Connection admin = DriverManager.getConnection(MariaDbTestDatabase.serverUrl() + "?user=root")) {
            return one(admin, "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE ID = " + Long.parseLong(id)).equals("1");
        }
    }

    @Test
    void aSessionServesAgain_oneTheServerEndedIsReplaced_allEndWithTheSource() throws Exception {
        MariaDbSource s = MariaDbSource.open(db.url(), null, null, OpenOptions.readOnly());
        String first;
        try (Connection c = s.connection()) {
            first = one(c, "SELECT CONNECTION_ID()");
            assertThat(one(c, "SELECT @@session.time_zone")).isEqualTo("+00:00");
            assertThat(one(c, "SELECT @@session.tx_read_only")).isEqualTo("1");
        }
        try (Connection c = s.connection()) {
            assertThat(one(c, "SELECT CONNECTION_ID()")).as("the same session again").isEqualTo(first);
        }
        try (Connection admin = DriverManager.getConnection(MariaDbTestDatabase.serverUrl() + "?user=root");
             Statement st = admin.createStatement()) {
            st.execute("KILL " + Long.parseLong(first)); // as wait_timeout or a restart would end it
        }
        String second;
        try (Connection c = s.connection()) {
            second = one(c, "SELECT CONNECTION_ID()");
            assertThat(second).as("a new session").isNotEqualTo(first);
            assertThat(one(c, "SELECT COUNT(*) FROM VmInstanceEO")).isNotEqualTo("0");
            assertThat(one(c, "SELECT @@session.tx_read_only")).isEqualTo("1");
        }
        assertThat(alive(second)).isTrue();
        s.close();
        for (int i = 0; i < 50 && alive(second); i++) {
            Thread.sleep(20); // the server notices the closed socket
        }
        assertThat(alive(second)).as("closed with the source").isFalse();
    }
}
