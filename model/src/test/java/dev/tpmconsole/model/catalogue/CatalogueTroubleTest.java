package dev.tpmconsole.model.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tpmconsole.model.testing.TestSnapshots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A catalogue that is damaged, cut off, written by a newer console, another program's database, or locked by
 * another console: what is set aside and what is left alone, and that the problem is one line.
 */
class CatalogueTroubleTest {

    static final Instant T = Instant.parse("2026-11-20T10:00:00Z");

    @TempDir
    Path dir;

    Path file() {
        return dir.resolve("catalogue.sqlite");
    }

    /** A catalogue with one recorded audit in it. */
    Path recorded() throws Exception {
        try (Catalogue c = Catalogue.open(file(), new TestClock(T)).catalogue()) {
            c.record(audit(T));
        }
        return file();
    }

    static Catalogue.AuditToRecord audit(Instant at) {
        return new Catalogue.AuditToRecord(Audit.AUDIT, CatalogueMigrationTest.MARKERS, at, 10,
                List.of("RESOURCE_ROW_STALE"), null, Map.of("RESOURCE_ROW_STALE", 1L),
                List.of(CatalogueMigrationTest.reported("r1")), null);
    }

    List<Path> setAside() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith("catalogue.sqlite.damaged-")).toList();
        }
    }

    @Test
    void aFileThatIsNotSqliteIsSetAsideAndANewOneStarted() throws Exception {
        Files.writeString(file(), "this is not a catalogue\n");
        Catalogue.Opened opened = Catalogue.open(file(), new TestClock(T));
        assertThat(opened.usable()).isTrue();
        assertThat(opened.notice()).doesNotContain("\n").contains("was damaged", "set aside as catalogue.sqlite.damaged-"
                + "20261120T100000Z", "a new one was started");
        try (Catalogue c = opened.catalogue()) {
            assertThat(c.record(audit(T)).newFindings()).isEqualTo(1);
        }
        assertThat(setAside()).hasSize(1);
        assertThat(Files.readString(setAside().get(0))).as("kept as it was").isEqualTo("this is not a catalogue\n");
    }

    @Test
    void aCatalogueCutOffIsSetAside() throws Exception {
        Path f = recorded();
        byte[] whole = Files.readAllBytes(f);
        Files.write(f, java.util.Arrays.copyOf(whole, whole.length / 2 + 100));
        Catalogue.Opened opened = Catalogue.open(f, new TestClock(T));
        assertThat(opened.usable()).isTrue();
        assertThat(opened.notice()).contains("cut off", "set aside");
        opened.catalogue().close();
        assertThat(setAside()).hasSize(1);
    }

    @Test
    void aCorruptPageIsSetAside() throws Exception {
        Path f = recorded();
        byte[] bytes = Files.readAllBytes(f);
        // the page of sqlite_master (page 1, after the 100-byte header) overwritten
        for (int i = 100; i < Math.min(bytes.length, 4096); i++) {
            bytes[i] = (byte) 0x5a;
        }
        Files.write(f, bytes);
        Catalogue.Opened opened = Catalogue.open(f, new TestClock(T));
        assertThat(opened.usable()).isTrue();
        assertThat(opened.notice()).contains("damaged", "set aside");
        opened.catalogue().close();
        assertThat(setAside()).hasSize(1);
    }

    @Test
    void aNewerConsolesCatalogueIsLeftAloneAndNothingRecorded() throws Exception {
        Path f = recorded();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f); Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
                    + " checksum, installed_by, installed_on, execution_time, success) VALUES (99, '9', 'from the future',"
                    + " 'SQL', 'V9__future.sql', 0, 'ops', '2027-01-01 00:00:00', 1, 1)");
        }
        String before = TestSnapshots.sha256(f);
        Catalogue.Opened opened = Catalogue.open(f, new TestClock(T));
        assertThat(opened.usable()).isFalse();
        assertThat(opened.notice()).doesNotContain("\n").contains("newer TPM Console", "catalogue version 9",
                "knows up to " + CatalogueFile.LATEST_VERSION, "nothing is recorded");
        assertThat(TestSnapshots.sha256(f)).isEqualTo(before);
        assertThat(setAside()).isEmpty();
    }

    @Test
    void anotherProgramsDatabaseIsLeftAlone() throws Exception {
        Path snapshot = TestSnapshots.fromDdl(dir.resolve("zstack.sqlite"), false);
        String before = TestSnapshots.sha256(snapshot);
        Catalogue.Opened opened = Catalogue.open(snapshot, new TestClock(T));
        assertThat(opened.usable()).isFalse();
        assertThat(opened.notice()).contains("not a TPM Console catalogue", "left as it is");
        assertThat(TestSnapshots.sha256(snapshot)).as("a ZStack snapshot is never written").isEqualTo(before);
    }

    @Test
    void aCatalogueLockedByAnotherConsoleIsNotRecordedInAfterTheBusyTimeout() throws Exception {
        Path f = recorded();
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + f); Statement st = other.createStatement()) {
            st.execute("BEGIN IMMEDIATE");
            st.executeUpdate("UPDATE cloud SET name = 'held by another console'");
            Catalogue.Opened opened = Catalogue.open(f, new TestClock(T), "ops", 300);
            assertThat(opened.usable()).as("reading goes on while another console writes").isTrue();
            try (Catalogue c = opened.catalogue()) {
                assertThat(c.known(CatalogueMigrationTest.MARKERS, Audit.AUDIT, T).cloudId()).isNotNull();
                assertThatThrownBy(() -> c.record(audit(T.plusSeconds(5))))
                        .isInstanceOf(Catalogue.Failure.class)
                        .hasMessageContaining("locked by another TPM Console")
                        .hasMessageNotContaining("\n");
            }
            st.execute("ROLLBACK");
        }
        try (Catalogue c = Catalogue.open(f, new TestClock(T)).catalogue()) {
            assertThat(c.history(c.cloudOf(CatalogueMigrationTest.MARKERS).orElseThrow().id(), Audit.AUDIT))
                    .as("nothing half-recorded").hasSize(1);
        }
    }

    @Test
    void aFolderInItsPlaceIsOneLine() throws Exception {
        Files.createDirectories(file());
        Catalogue.Opened opened = Catalogue.open(file(), new TestClock(T));
        assertThat(opened.usable()).isFalse();
        assertThat(opened.notice()).contains("is a folder");
    }

    /** The set of markers used is the migration test's; the cloud they make is found again by them. */
    @Test
    void markersFindTheirCloud() throws Exception {
        recorded();
        try (Catalogue c = Catalogue.open(file(), new TestClock(T)).catalogue()) {
            CloudMarkers oneHostLess = new CloudMarkers("/other/path.sqlite", "path.sqlite",
                    Set.of(new CloudMarkers.Marker("zone", "z1"), new CloudMarkers.Marker("host", "h9")));
            assertThat(c.cloudOf(oneHostLess)).as("the zone is shared, the host is new").isPresent();
            CloudMarkers stranger = new CloudMarkers("/other/x.sqlite", "x.sqlite",
                    Set.of(new CloudMarkers.Marker("zone", "z2")));
            assertThat(c.cloudOf(stranger)).isEmpty();
        }
    }
}
