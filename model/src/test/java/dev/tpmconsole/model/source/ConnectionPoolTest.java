package dev.tpmconsole.model.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tpmconsole.model.testing.Rows;
import dev.tpmconsole.model.testing.SqliteTestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The few connections a snapshot keeps for its queries, on a real SQLite file. */
class ConnectionPoolTest {

    @TempDir
    Path dir;
    Path file;
    /** Every connection the pool opened, in order. */
    final List<Connection> opened = new ArrayList<>();

    @BeforeEach
    void snapshot() throws Exception {
        file = SqliteTestDatabase.create(dir.resolve("s.sqlite"), sink -> new Rows(sink).host("h", false));
    }

    ConnectionPool pool(int maxIdle, boolean writable) {
        return new ConnectionPool(() -> {
            Connection c = SqliteSnapshot.connect(file, writable);
            opened.add(c);
            return c;
        }, maxIdle, false);
    }

    static long hosts(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM HostEO")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aQueryAfterAnotherReusesItsConnection_andAtMostMaxIdleWait() throws Exception {
        try (ConnectionPool pool = pool(2, false)) {
            for (int i = 0; i < 5; i++) {
                try (Connection c = pool.borrow()) {
                    assertThat(hosts(c)).isEqualTo(1);
                }
            }
            assertThat(opened).as("one connection for five queries one after the other").hasSize(1);
            List<Connection> atOnce = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                atOnce.add(pool.borrow());
            }
            assertThat(opened).as("four at once need four").hasSize(4);
            for (Connection c : atOnce) {
                c.close();
            }
            assertThat(opened.stream().filter(c -> !isClosed(c))).as("two wait, the others are closed").hasSize(2);
            try (Connection a = pool.borrow(); Connection b = pool.borrow()) {
                assertThat(hosts(a) + hosts(b)).isEqualTo(2);
            }
            assertThat(opened).as("the two waiting were handed out again").hasSize(4);
        }
    }

    @Test
    void aConnectionComesBackClean_itsStatementsClosedAndItsTransactionRolledBack() throws Exception {
        try (ConnectionPool pool = pool(1, true)) {
            Statement left;
            try (Connection c = pool.borrow()) {
                c.setAutoCommit(false);
                left = c.createStatement();
                left.executeUpdate("DELETE FROM HostEO");
                assertThat(hosts(c)).isZero();
            }
            assertThat(left.isClosed()).as("a statement left open is closed on return").isTrue();
            try (Connection c = pool.borrow()) {
                assertThat(opened).hasSize(1);
                assertThat(c.getAutoCommit()).isTrue();
                assertThat(hosts(c)).as("the unfinished transaction was rolled back").isEqualTo(1);
            }
        }
    }

    /**
     * A connection lent for thousands of queries (a plan's) does not keep the statements closed already until it
     * comes back: they, their SQL and their result sets can be collected at once. One left open among them is still
     * closed on return.
     */
    @Test
    void aLongLentConnectionLetsItsClosedStatementsGo_andClosesThoseLeftOpenOnReturn() throws Exception {
        try (ConnectionPool pool = pool(1, false)) {
            Statement left;
            java.lang.ref.WeakReference<Statement> first;
            try (Connection c = pool.borrow()) {
                Statement st = c.createStatement();
                st.executeQuery("SELECT count(*) FROM HostEO").close();
                st.close();
                first = new java.lang.ref.WeakReference<>(st);
                st = null;
                left = c.createStatement();
                for (int i = 0; i < 10 * ConnectionPool.OpenStatements.PRUNE_AT; i++) {
                    assertThat(hosts(c)).isEqualTo(1);
                }
                for (int i = 0; i < 20 && first.get() != null; i++) {
                    System.gc();
                    Thread.sleep(10);
                }
                assertThat(first.get()).as("a statement closed while the connection is lent is not kept").isNull();
                assertThat(left.isClosed()).isFalse();
            }
            assertThat(left.isClosed()).as("a statement left open is closed on return").isTrue();
        }
    }

    @Test
    void theStatementsKeptAreThoseOpenAndFewClosedOnes() throws Exception {
        try (Connection c = SqliteSnapshot.connect(file, false)) {
            ConnectionPool.OpenStatements kept = new ConnectionPool.OpenStatements();
            List<Statement> open = new ArrayList<>();
            for (int i = 0; i < 5000; i++) {
                Statement st = c.createStatement();
                kept.add(st);
                if (i % 100 == 0) {
                    open.add(st);
                } else {
                    st.close();
                }
                assertThat(kept.all().size()).as("after %d statements", i + 1)
                        .isLessThanOrEqualTo(2 * Math.max(ConnectionPool.OpenStatements.PRUNE_AT, open.size()));
            }
            assertThat(kept.all()).containsAll(open);
            for (Statement st : open) {
                st.close();
            }
        }
    }

    @Test
    void aConnectionGivenBackCannotBeUsed_andClosingItTwiceGivesItBackOnce() throws Exception {
        try (ConnectionPool pool = pool(2, false)) {
            Connection c = pool.borrow();
            c.close();
            c.close();
            assertThat(c.isClosed()).isTrue();
            assertThatThrownBy(c::createStatement).isInstanceOf(SQLException.class).hasMessageContaining("closed");
            try (Connection a = pool.borrow(); Connection b = pool.borrow()) {
                assertThat(hosts(a) + hosts(b)).isEqualTo(2);
            }
            assertThat(opened).as("returned once, so the second borrow opened another").hasSize(2);
        }
    }

    @Test
    void closingThePoolClosesWhatWaits_andWhatIsLentOutWhenItComesBack() throws Exception {
        ConnectionPool pool = pool(2, false);
        Connection lent = pool.borrow();
        pool.borrow().close();
        assertThat(opened).hasSize(2);
        pool.close();
        assertThat(isClosed(opened.get(1))).as("the idle one").isTrue();
        assertThat(isClosed(opened.get(0))).as("the one lent out, still in use").isFalse();
        assertThat(hosts(lent)).isEqualTo(1);
        lent.close();
        assertThat(isClosed(opened.get(0))).as("closed when it came back").isTrue();
        assertThatThrownBy(pool::borrow).isInstanceOf(SQLException.class);
    }

    @Test
    void aSnapshotReadsThroughItsPoolAndClosesItWithItself() throws Exception {
        SqliteSnapshot s = SqliteSnapshot.open(file, OpenOptions.readOnly());
        Connection first;
        try (Connection c = s.connection()) {
            first = c.unwrap(Connection.class);
            assertThat(hosts(c)).isEqualTo(1);
        }
        try (Connection c = s.connection()) {
            assertThat(c.unwrap(Connection.class)).as("the same connection again").isSameAs(first);
        }
        s.close();
        assertThat(first.isClosed()).isTrue();
        assertThatThrownBy(s::connection).isInstanceOf(SQLException.class);
    }

    /**
     * A query that fails as the pool's retry says is run again until it succeeds, a query that fails otherwise fails
     * at once, and one that keeps failing fails once the retry's time is up. Here the query fails as it runs (SQLite's
     * "integer overflow") while HostEO has a row, which another connection deletes 150 ms after it began.
     */
    @Test
    void queriesFailingAsTheRetrySaysAreRunAgainForItsTimeOnly() throws Exception {
        String failsWhileAHostIsThere = "SELECT CASE WHEN (SELECT count(*) FROM HostEO) = 0 THEN 0"
                + " ELSE abs(-9223372036854775808) END";
        ConnectionPool.Retry whileAHostIsThere = new ConnectionPool.Retry(
                e -> String.valueOf(e.getMessage()).contains("integer overflow"), 1000);
        try (ConnectionPool pool = new ConnectionPool(() -> SqliteSnapshot.connect(file, false), 2, false, false,
                whileAHostIsThere); Connection c = pool.borrow()) {
            try (Statement st = c.createStatement()) {
                long at = System.nanoTime();
                assertThatThrownBy(() -> st.execute(failsWhileAHostIsThere)).hasMessageContaining("integer overflow");
                assertThat((System.nanoTime() - at) / 1_000_000).as("tried for the retry's time, then failed")
                        .isGreaterThanOrEqualTo(1000 - 64);
                at = System.nanoTime();
                assertThatThrownBy(() -> st.executeQuery("SELECT * FROM Never")).hasMessageContaining("no such table");
                assertThat((System.nanoTime() - at) / 1_000_000).as("another failure is not retried").isLessThan(500);
                // a proxy is equal to itself only, as a statement is: whoever keeps statements in a set finds it again
                java.util.Set<Statement> kept = new java.util.HashSet<>(List.of(st));
                assertThat(kept.remove(st)).isTrue();
                assertThat(st).isNotEqualTo(c.createStatement());
            }
            Thread deleter = new Thread(() -> {
                try (Connection w = SqliteSnapshot.connect(file, true); Statement st = w.createStatement()) {
                    Thread.sleep(150);
                    st.executeUpdate("DELETE FROM HostEO");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            long start = System.nanoTime();
            deleter.start();
            // the driver finalized the statement whose step failed: the retry prepares it again with its parameters
            try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT CASE WHEN (SELECT count(*) FROM HostEO) = ?"
                    + " THEN ? ELSE abs(-9223372036854775808) END")) {
                for (int i = 0; i < 3; i++) { // set and set again, as a statement run in a loop is
                    ps.setInt(1, i);
                    ps.setString(2, "stale " + i);
                }
                ps.clearParameters();
                ps.setQueryTimeout(5); // a setting of the statement, which clearParameters keeps
                ps.setInt(1, 0);
                ps.setString(2, "no host left");
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertThat(rs.getString(1)).isEqualTo("no host left");
                }
                assertThat(ps.getQueryTimeout()).isEqualTo(5);
            }
            deleter.join();
            assertThat((System.nanoTime() - start) / 1_000_000).as("read once the host was gone")
                    .isGreaterThanOrEqualTo(150);
        }
    }

    static boolean isClosed(Connection c) {
        try {
            return c.isClosed();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
