package dev.tpmconsole.model.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpmconsole.model.pipeline.JdbcDatabasePort;
import dev.tpmconsole.model.source.MariaDbSource;
import dev.tpmconsole.model.source.OpenOptions;
import dev.tpmconsole.model.source.Source;
import dev.tpmconsole.model.source.SqliteSnapshot;
import dev.tpmconsole.model.sql.SqlDialect;
import dev.tpmconsole.model.testing.MariaDbTestDatabase;
import dev.tpmconsole.model.testing.Rows;
import dev.tpmconsole.model.testing.SqliteTestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same rows on MariaDB and in a snapshot give the same plan, fingerprints included. */
class MariaDbPlannerTest {

    /** A provider, two hosts and a VM of {@link PlannerTest#fullVm}'s shape per prefix. */
    static MariaDbTestDatabase.RowWriter vms(String... prefixes) {
        return sink -> {
            Rows r = new Rows(sink);
            r.provider("prov", "nkp").host("h1", false).host("h2", false);
            for (String p : prefixes) {
                PlannerTest.fullVm(r, p);
            }
        };
    }

    @Test
    void plansAgreeAcrossEngines(@TempDir Path dir) throws Exception {
        MariaDbTestDatabase.RowWriter rows = vms("", "n_");
        Path snapshot = SqliteTestDatabase.create(dir.resolve("p.sqlite"), rows);
        try (MariaDbTestDatabase db = MariaDbTestDatabase.create(false)) {
            db.load(rows);
            Plan onSqlite;
            try (Source s = SqliteSnapshot.open(snapshot, OpenOptions.readOnly())) {
                onSqlite = new Planner(s, PlannerTest.CLOCK).remove(List.of("vm")).plan();
            }
            Plan onMariaDb;
            try (Source s = MariaDbSource.open(db.url(), null, null, OpenOptions.readOnly())) {
                onMariaDb = new Planner(s, PlannerTest.CLOCK).remove(List.of("vm")).plan();
            }
            assertThat(onMariaDb.steps()).isEqualTo(onSqlite.steps());
            assertThat(onMariaDb.deletes()).isEqualTo(onSqlite.deletes());
            assertThat(onMariaDb.hostWork()).isEqualTo(onSqlite.hostWork());
            assertThat(onMariaDb.kept()).isEqualTo(onSqlite.kept());
            assertThat(onMariaDb.fingerprint()).isEqualTo(onSqlite.fingerprint());
            assertThat(onMariaDb.source()).doesNotContain("password");
        }
    }

    @Test
    void aResetSeesALostProviderAlikeOnBothEngines(@TempDir Path dir) throws Exception {
        MariaDbTestDatabase.RowWriter rows = sink -> {
            vms("").write(sink);
            // the TPM's key refs: one names no provider any more (ON DELETE SET NULL), one a uuid no provider has,
            // one an existing provider's uuid in other letters (compared exactly, as the audit does: lost too); its
            // placeholder names the provider
            new Rows(sink).vm("lost", true).tpm("lost_tpm", "lost")
                    .keyRef(301, "TpmVO", "lost_tpm", null, "nkp-old", "kek")
                    .keyRef(302, "TpmVO", "lost_tpm", "prov", "nkp", null)
                    .keyRef(303, "TpmVO", "lost_tpm", "gone", "nkp", "kek")
                    .keyRef(304, "TpmVO", "lost_tpm", "PROV", "NKP", "kek");
        };
        Path snapshot = SqliteTestDatabase.create(dir.resolve("r.sqlite"), rows);
        try (MariaDbTestDatabase db = MariaDbTestDatabase.create(false)) {
            db.load(rows);
            Plan onSqlite;
            try (Source s = SqliteSnapshot.open(snapshot, OpenOptions.readOnly())) {
                onSqlite = new Planner(s, PlannerTest.CLOCK).reset(List.of("lost", "vm")).plan();
            }
            Plan onMariaDb;
            try (Source s = MariaDbSource.open(db.url(), null, null, OpenOptions.readOnly())) {
                onMariaDb = new Planner(s, PlannerTest.CLOCK).reset(List.of("lost", "vm")).plan();
            }
            assertThat(onMariaDb.kept()).isEqualTo(onSqlite.kept());
            assertThat(onMariaDb.kept()).filteredOn(k -> k.reason().contains("is gone")).extracting(Plan.Kept::key)
                    .containsExactly("lost_tpm", "301", "303", "304");
            // the provider of that name: nkp is prov's, NKP is nobody's (names compared exactly)
            assertThat(onMariaDb.kept()).filteredOn(k -> k.key().equals("304")).singleElement()
                    .satisfies(k -> assertThat(k.reason()).contains("no provider has that name"));
            assertThat(onMariaDb.kept()).filteredOn(k -> k.key().equals("303")).singleElement()
                    .satisfies(k -> assertThat(k.reason()).endsWith("the provider of that name, prov"));
        }
    }

    @Test
    void batchedReadsCountARowOnlyUnderItsExactKey(@TempDir Path dir) throws Exception {
        // MariaDB's IN compares by collation ('VM' and 'vm ' find 'vm'); fingerprints and dependants read in
        // batches must still name only the rows whose key is exactly the one asked for, as SQLite does
        MariaDbTestDatabase.RowWriter rows = vms("");
        Path snapshot = SqliteTestDatabase.create(dir.resolve("p.sqlite"), rows);
        List<Plan.RowRef> asked = List.of(new Plan.RowRef("VmInstanceEO", "VM"), new Plan.RowRef("TpmVO", "tpm"),
                new Plan.RowRef("VmInstanceEO", "vm "), new Plan.RowRef("VmInstanceEO", "vm"),
                new Plan.RowRef("TpmVO", "TPM"));
        try (MariaDbTestDatabase db = MariaDbTestDatabase.create(false)) {
            db.load(rows);
            for (Source s : List.of(SqliteSnapshot.open(snapshot, OpenOptions.writableOptions()),
                    MariaDbSource.open(db.url(), null, null, OpenOptions.writableOptions()))) {
                try (s; java.sql.Connection c = s.connection()) {
                    assertThat(RowFingerprints.read(c, new SqlDialect(s.kind(), s.layout()), asked).keySet())
                            .as(s.kind().toString()).containsExactly("TpmVO/tpm", "VmInstanceEO/vm");
                    JdbcDatabasePort port = new JdbcDatabasePort(s);
                    try {
                        assertThat(port.dependants("TpmVO", List.of("TPM", "tpm", "tpm "))).as(s.kind().toString())
                                .containsExactly(
                                        java.util.Map.entry("TPM", List.of()),
                                        java.util.Map.entry("tpm", List.of(new Plan.RowRef("EncryptedResourceKeyRefVO", "101"),
                                                new Plan.RowRef("EncryptedResourceKeyRefVO", "102"),
                                                new Plan.RowRef("SystemTagVO", "tag_tpm"))),
                                        java.util.Map.entry("tpm ", List.of()));
                    } finally {
                        port.close();
                    }
                }
            }
        }
    }
}
