package dev.tpmconsole.model.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpmconsole.model.audit.FindingState;
import dev.tpmconsole.model.i18n.Language;
import dev.tpmconsole.model.i18n.LocalizedException;
import dev.tpmconsole.model.i18n.Message;
import dev.tpmconsole.model.i18n.Messages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The catalogue's schema is made by the migrations from an empty file, and a catalogue of each earlier version is
 * brought up to date with what it held kept and usable.
 */
class CatalogueMigrationTest {

    static final Instant T = Instant.parse("2026-11-20T10:00:00Z");

    @TempDir
    Path dir;

    static final CloudMarkers MARKERS = new CloudMarkers("/snapshots/old.sqlite", "old.sqlite",
            Set.of(new CloudMarkers.Marker("zone", "z1"), new CloudMarkers.Marker("host", "h1")));

    @Test
    void fromNothingToTheLatestVersion() throws Exception {
        Path file = dir.resolve("data/catalogue.sqlite");
        Catalogue.Opened opened = Catalogue.open(file, new TestClock(T));
        assertThat(opened.notice()).isNull();
        opened.catalogue().close();
        assertThat(versions(file)).containsExactly("1", "2", "3", "4");
        assertThat(tables(file)).contains("cloud", "cloud_marker", "cloud_source", "audit", "audit_count", "finding",
                "acknowledgement", "run").doesNotContain("staged_finding", "audit_finding");
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(file.getParent())).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA journal_mode")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("wal");
        }
        // opened again: nothing to migrate, nothing changes
        Catalogue.Opened again = Catalogue.open(file, new TestClock(T));
        assertThat(again.notice()).isNull();
        again.catalogue().close();
        assertThat(versions(file)).containsExactly("1", "2", "3", "4");
    }

    /** A catalogue migrated to {@code version} only, with rows of that version in it, then opened by this console. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void fromAnEarlierVersion(int version) throws Exception {
        Path file = dir.resolve("catalogue.sqlite");
        Flyway.configure().dataSource("jdbc:sqlite:" + file, null, null).locations(CatalogueFile.MIGRATIONS)
                .target(String.valueOf(version)).load().migrate();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO cloud (id, name, label, created_at) VALUES (7, 'prod', 'old.sqlite',"
                    + " '2026-11-01T00:00:00.000Z')");
            st.executeUpdate("INSERT INTO cloud_marker VALUES (7, 'zone', 'z1'), (7, 'host', 'h1')");
            st.executeUpdate("INSERT INTO audit (id, cloud_id, source, started_at, duration_ms, rules, findings,"
                    + " new_findings) VALUES (1, 7, '/snapshots/old.sqlite', '2026-11-01T00:00:00.000Z', 100,"
                    + " 'RESOURCE_ROW_STALE,TPM_WITHOUT_VM', 2, 2)");
            st.executeUpdate("INSERT INTO audit_count VALUES (1, 'RESOURCE_ROW_STALE', 2), (1, 'TPM_WITHOUT_VM', 0)");
            st.executeUpdate("INSERT INTO finding (id, cloud_id, rule, severity, table_name, row_key, detail,"
                    + " first_seen_audit_id, last_seen_audit_id) VALUES"
                    + " (1, 7, 'RESOURCE_ROW_STALE', 'orphan', 'ResourceVO', 'r1', 'stale', 1, 1),"
                    + " (2, 7, 'RESOURCE_ROW_STALE', 'orphan', 'ResourceVO', 'r2', 'stale', 1, 1)");
            if (version >= 2) {
                st.executeUpdate("INSERT INTO acknowledgement (cloud_id, rule, table_name, row_key, reason,"
                        + " acknowledged_by, acknowledged_at) VALUES (7, 'RESOURCE_ROW_STALE', 'ResourceVO', 'r2',"
                        + " 'kept for the migration test', 'ops', '2026-11-02T00:00:00.000Z')");
                st.executeUpdate("INSERT INTO run (cloud_id, kind, operation, source, outcome, items_done, started_at)"
                        + " VALUES (7, 'apply', 'remove', '/snapshots/old.sqlite', 'done', 3, '2026-11-03T00:00:00.000Z')");
            }
        }
        assertThat(versions(file)).hasSize(version);

        Catalogue.Opened opened = Catalogue.open(file, new TestClock(T));
        assertThat(opened.notice()).isNull();
        try (Catalogue c = opened.catalogue()) {
            assertThat(versions(file)).containsExactly("1", "2", "3", "4");
            Catalogue.CloudEntry cloud = c.cloudOf(MARKERS).orElseThrow();
            assertThat(cloud.id()).isEqualTo(7);
            assertThat(cloud.displayName()).isEqualTo("prod");
            List<Catalogue.AuditEntry> history = c.history(7, Audit.AUDIT);
            assertThat(history).hasSize(1);
            assertThat(history.get(0).counts()).isEqualTo(Map.of("RESOURCE_ROW_STALE", 2L, "TPM_WITHOUT_VM", 0L));
            KnownFindings known = c.known(MARKERS, Audit.AUDIT, T);
            assertThat(known.state(FindingKey.of("RESOURCE_ROW_STALE", "ResourceVO", "r1")))
                    .isEqualTo(new FindingState(FindingState.Status.SEEN, Instant.parse("2026-11-01T00:00:00Z")));
            assertThat(known.state(FindingKey.of("RESOURCE_ROW_STALE", "ResourceVO", "r2")).status())
                    .isEqualTo(version >= 2 ? FindingState.Status.ACKNOWLEDGED : FindingState.Status.SEEN);
            assertThat(c.runs(7)).hasSize(version >= 2 ? 1 : 0);

            // the migrated catalogue records as a new one does: r1 seen, r2 resolved, r3 new
            Catalogue.RecordedAudit r = c.record(new Catalogue.AuditToRecord(Audit.AUDIT, MARKERS, T, 50,
                    List.of("RESOURCE_ROW_STALE"), null, Map.of("RESOURCE_ROW_STALE", 2L),
                    List.of(reported("r1"), reported("r3")), "test"));
            assertThat(r.cloudId()).isEqualTo(7);
            assertThat(r.newFindings()).isEqualTo(1);
            assertThat(r.resolvedFindings()).isEqualTo(1);
            // a finding recorded before version 4 has its English sentence only, shown as it is in every language;
            // one recorded now keeps its message too, shown in the reader's language
            assertThat(c.changes(1).added()).extracting(Catalogue.FindingEntry::message).containsOnlyNulls();
            assertThat(c.changes(1).added()).extracting(e -> e.sentence().in(Messages.of(Language.ZH_CN)))
                    .containsExactly("stale", "stale");
            Catalogue.FindingEntry r3 = c.changes(r.auditId()).added().get(0);
            assertThat(r3.detail()).isEqualTo("ResourceVO r3 says VmInstanceVO, but no VmInstanceVO row has this uuid.");
            assertThat(r3.message()).isEqualTo(reported("r3").message());
            assertThat(r3.sentence().in(Messages.of(Language.ZH_CN)))
                    .isEqualTo("ResourceVO r3 的类型为 VmInstanceVO，但没有任何 VmInstanceVO 行具有此 uuid。");
            // and a host scan of version 3 beside it
            Catalogue.RecordedAudit scan = c.recordHostScan(MARKERS, T.plusSeconds(60), 900,
                    List.of("HOST_STATE_UNTRACKED"), Set.of("h1"), Map.of("HOST_STATE_UNTRACKED", 1L),
                    List.of(new Catalogue.Reported(new FindingKey("HOST_STATE_UNTRACKED", "", "", "h1",
                            "/var/lib/libvirt/swtpm/0b5c1b8f-4bd3-4f3b-9d4c-2f0e1f1a2b3c/"), "orphan", null,
                            LocalizedException.verbatim("untracked"))));
            assertThat(scan.newFindings()).isEqualTo(1);
            assertThat(c.history(7, Audit.AUDIT)).hasSize(2);
            assertThat(c.history(7, Audit.HOST_SCAN)).hasSize(1);
        }
    }

    static Catalogue.Reported reported(String key) {
        return new Catalogue.Reported(FindingKey.of("RESOURCE_ROW_STALE", "ResourceVO", key), "orphan", null,
                Message.of("rule.RESOURCE_ROW_STALE.detail.unnamed", key, "VmInstanceVO"));
    }

    static List<String> versions(Path file) throws Exception {
        List<String> v = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT version FROM flyway_schema_history WHERE success = 1"
                     + " ORDER BY installed_rank")) {
            while (rs.next()) {
                v.add(rs.getString(1));
            }
        }
        return v;
    }

    static List<String> tables(Path file) throws Exception {
        List<String> t = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
            while (rs.next()) {
                t.add(rs.getString(1));
            }
        }
        return t;
    }
}
