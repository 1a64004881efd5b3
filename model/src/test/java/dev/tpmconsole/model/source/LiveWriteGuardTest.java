package dev.tpmconsole.model.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tpmconsole.model.testing.MariaDbTestDatabase;
import dev.tpmconsole.model.testing.TestSnapshots;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The guard on writes to a live database, against this machine's MariaDB (read through read-only sources). */
class LiveWriteGuardTest {

    static final Instant BEAT = Instant.parse("2026-11-20T12:00:00Z");
    static MariaDbTestDatabase db;

    @BeforeAll
    static void create() throws Exception {
        db = MariaDbTestDatabase.create(false);
        db.exec("INSERT INTO ManagementNodeVO (uuid, hostName, port, state, version, joinDate, heartBeat) VALUES"
                + " ('aaaa0000aaaa0000aaaa0000aaaa0000', '172.24.0.11', 8080, 'RUNNING', '5.1.0',"
                + " '2026-10-01 00:00:00', '2026-11-20 12:00:00'),"
                + " ('bbbb0000bbbb0000bbbb0000bbbb0000', '172.24.0.12', 8080, 'RUNNING', '5.1.0',"
                + " '2026-10-01 00:00:00', '2026-11-20 11:00:00'),"
                + " ('cccc0000cccc0000cccc0000cccc0000', NULL, NULL, 'RUNNING', NULL,"
                + " '0000-00-00 00:00:00', '0000-00-00 00:00:00')");
    }

    @AfterAll
    static void drop() throws Exception {
        if (db != null) {
            db.close();
        }
    }

    static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.ofHours(8));
    }

    static Source live() throws SourceException {
        return MariaDbSource.open(db.url(), null, null, OpenOptions.readOnly());
    }

    @Test
    void aRecentHeartbeatRefusesWritesNamingTheNodeAndItsAge() throws Exception {
        try (Source s = live()) {
            assertThatThrownBy(() -> LiveWriteGuard.check(s, false, at(BEAT.plusSeconds(42))))
                    .isInstanceOf(SourceException.class)
                    .hasMessageContaining("Refusing to write to " + s.displayName())
                    .hasMessageContaining("172.24.0.11 (aaaa0000aaaa0000aaaa0000aaaa0000) sent a heartbeat 42 s ago")
                    .hasMessageContaining("less than 5 minutes ago")
                    .hasMessageNotContaining("172.24.0.12")
                    .hasMessageNotContaining("cccc0000");
            assertThatThrownBy(() -> LiveWriteGuard.check(s, false, at(BEAT.plusSeconds(4 * 60 + 59))))
                    .hasMessageContaining("4 min 59 s ago");
        }
    }

    @Test
    void confirmingThatTheNodesAreStoppedLetsWritesThrough() throws Exception {
        try (Source s = live()) {
            assertThatCode(() -> LiveWriteGuard.check(s, true, at(BEAT.plusSeconds(1)))).doesNotThrowAnyException();
        }
    }

    @Test
    void heartbeatsOlderThanFiveMinutesOrNeverSentDoNotRefuse() throws Exception {
        try (Source s = live()) {
            assertThatCode(() -> LiveWriteGuard.check(s, false, at(BEAT.plusSeconds(5 * 60))))
                    .doesNotThrowAnyException();
            assertThatCode(() -> LiveWriteGuard.check(s, false, at(BEAT.plusSeconds(3600 * 24))))
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void aHeartbeatAheadOfTheClockCountsAsRecent() throws Exception {
        try (Source s = live()) {
            assertThatThrownBy(() -> LiveWriteGuard.check(s, false, at(BEAT.minusSeconds(30))))
                    .hasMessageContaining("172.24.0.11 (aaaa0000aaaa0000aaaa0000aaaa0000) sent a heartbeat dated 30 s"
                            + " ahead of this machine's clock")
                    .hasMessageNotContaining("172.24.0.12");
        }
    }

    @Test
    void theHeartbeatIsReadAsAnInstantWhateverTheSessionTimeZone() throws Exception {
        // written in a +08:00 session: 20:00 there is 12:00 UTC
        try (MariaDbTestDatabase other = MariaDbTestDatabase.create(false)) {
            try (var c = other.connection(); var st = c.createStatement()) {
                st.execute("SET time_zone = '+08:00'");
                st.execute("INSERT INTO ManagementNodeVO (uuid, hostName, state, joinDate, heartBeat) VALUES"
                        + " ('dddd0000dddd0000dddd0000dddd0000', 'mn-east', 'RUNNING', '2026-10-01 00:00:00',"
                        + " '2026-11-20 20:00:00')");
            }
            try (Source s = MariaDbSource.open(other.url(), null, null, OpenOptions.readOnly())) {
                assertThatThrownBy(() -> LiveWriteGuard.check(s, false, at(BEAT.plusSeconds(10))))
                        .hasMessageContaining("mn-east (dddd0000dddd0000dddd0000dddd0000) sent a heartbeat 10 s ago");
            }
        }
    }

    @Test
    void withoutAManagementNodeTableItCannotTellAndRefuses() throws Exception {
        try (MariaDbTestDatabase other = MariaDbTestDatabase.create(false)) {
            other.exec("DROP TABLE ManagementNodeVO");
            try (Source s = MariaDbSource.open(other.url(), null, null, OpenOptions.readOnly())) {
                assertThatThrownBy(() -> LiveWriteGuard.check(s, false, at(BEAT)))
                        .hasMessageContaining("no ManagementNodeVO table");
                assertThatCode(() -> LiveWriteGuard.check(s, true, at(BEAT))).doesNotThrowAnyException();
            }
        }
    }

    @Test
    void aSnapshotIsNeverRefusedEvenWithFreshHeartbeats(@TempDir Path dir) throws Exception {
        Path file = TestSnapshots.fromDdl(dir.resolve("s.sqlite"), false);
        TestSnapshots.exec(file, "INSERT INTO ManagementNodeVO (uuid, state, heartBeat) VALUES ('m', 'RUNNING',"
                + " '2026-11-20 12:00:00')");
        try (Source s = SqliteSnapshot.open(file, OpenOptions.readOnly())) {
            assertThatCode(() -> LiveWriteGuard.check(s, false, at(BEAT))).doesNotThrowAnyException();
        }
        assertThat(LiveWriteGuard.RECENT.toMinutes()).isEqualTo(5);
    }
}
