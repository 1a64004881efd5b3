package dev.tpmconsole.model.dump;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tpmconsole.model.audit.AuditReport;
import dev.tpmconsole.model.audit.AuditRule;
import dev.tpmconsole.model.audit.Auditor;
import dev.tpmconsole.model.demo.DemoGenerator;
import dev.tpmconsole.model.demo.DemoOptions;
import dev.tpmconsole.model.snapshot.RowSink;
import dev.tpmconsole.model.source.MariaDbSource;
import dev.tpmconsole.model.source.OpenOptions;
import dev.tpmconsole.model.source.Source;
import dev.tpmconsole.model.source.SourceException;
import dev.tpmconsole.model.source.SqliteSnapshot;
import dev.tpmconsole.model.testing.MariaDbTestDatabase;
import dev.tpmconsole.model.testing.TableContents;
import dev.tpmconsole.model.testing.TestSnapshots;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dumps of this machine's MariaDB, made by its real mysqldump (plain, --hex-blob, gzip'd, with column lists,
 * compact), imported and compared with the live database value for value, every table; audits of both compared;
 * real dumps cut off and damaged. The database holds the demo cloud, hand-made rows with every awkward value
 * (blobs with every byte, quotes, backslashes, line breaks, non-ASCII names, empty strings and NULLs, large
 * numbers, the zero date) and other tables of the cloud that the import skips.
 */
class MariaDbDumpImportTest {

    static final byte[] AWKWARD = {0x00, 0x27, 0x5c, 0x0a, 0x0d, 0x1a, 0x22, (byte) 0xff, 0x25, 0x5f, 0x09, 0x08};
    static final String NAME = "it's \"quoted\" \\ back\\slash; -- not /* a */ comment é 中文 😀\nline\ttab\rcr";

    @TempDir
    static Path shared;
    static MariaDbTestDatabase db;
    static byte[] big;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() throws Exception {
        db = MariaDbTestDatabase.create(false);
        big = new byte[1 << 20];
        new SplittableRandom(5).nextBytes(big);
        db.load(sink -> {
            DemoGenerator.generate(new DemoOptions(300, 11), sink);
            awkwardRows(sink);
        });
        db.exec("CREATE TABLE VolumeEO (uuid varchar(32) NOT NULL PRIMARY KEY, name varchar(255), installPath text,"
                        + " size bigint unsigned, data blob)",
                "INSERT INTO VolumeEO VALUES ('v1', 'root; volume', 'it''s\\n/a;b', 1, X'00273b0a'),"
                        + " ('v2', NULL, ');', 18446744073709551615, NULL)",
                "CREATE TABLE `TpmVOHistory` (uuid char(32), note text)",
                "INSERT INTO TpmVOHistory VALUES ('x', 'INSERT INTO `TpmVO` VALUES (''no'')')");
    }

    static void awkwardRows(RowSink sink) throws Exception {
        String vm = "f00d0000000000000000000000000001";
        sink.table("ResourceVO").set("uuid", vm).set("resourceName", NAME).set("resourceType", "VmInstanceVO")
                .set("concreteResourceType", "org.zstack.header.vm.VmInstanceVO").add();
        sink.table("VmInstanceEO").set("uuid", vm).set("name", NAME).set("description", "").set("type", "UserVm")
                .set("state", "Stopped").set("createDate", "0000-00-00 00:00:00").set("lastOpDate", "2026-01-01 00:00:00")
                .add();
        Object[][] contents = {
            {"f00d00000000000000000000000000c1", AWKWARD},
            {"f00d00000000000000000000000000c2", allBytes()},
            {"f00d00000000000000000000000000c3", new byte[0]},
            {"f00d00000000000000000000000000c4", null},
            {"f00d00000000000000000000000000c5", big}};
        for (Object[] c : contents) {
            sink.table("ResourceVO").set("uuid", c[0]).set("resourceName", "content é").set("resourceType", "VmHostFileVO")
                    .set("concreteResourceType", "x").add();
            sink.table("VmHostFileContentVO").set("uuid", c[0]).set("content", c[1]).set("format", "Raw")
                    .set("createDate", "2026-01-01 00:00:00").set("lastOpDate", "2026-01-01 00:00:00").add();
        }
        sink.table("VmHostFileVO").set("uuid", "f00d00000000000000000000000000c1").set("vmInstanceUuid", vm)
                .set("hostUuid", "f00d000000000000000000000000000h").set("type", "TpmState")
                .set("path", "/var/lib/libvirt/swtpm/it's here\\/").set("lastSyncReason", "on «shutdown»")
                .set("changeDate", null).set("lastSyncDate", "2026-01-01 00:00:01")
                .set("createDate", "0000-00-00 00:00:00").set("lastOpDate", "2026-01-01 00:00:00").add();
        sink.table("KmsVO").set("uuid", "f00d000000000000000000000000kms1").set("endpoint", "kms.internal").set("port", 5696)
                .set("password", "p@ss'w\\rd\"").set("trustState", "MUTUAL_TRUSTED")
                .set("serverCertPem", "-----BEGIN CERTIFICATE-----\nMIIBszCCAV2gAwIBAgIU\r\n-----END CERTIFICATE-----\n")
                .add();
        sink.table("SystemTagVO").set("uuid", "f00d000000000000000000000000tag1").set("resourceUuid", vm)
                .set("resourceType", "VmInstanceVO").set("inherent", true).set("type", "System")
                .set("tag", "tpmKeyProviderName::nkp_100%\\_x").set("createDate", "2026-01-01 00:00:00")
                .set("lastOpDate", "2026-01-01 00:00:00").add();
        sink.table("EncryptedResourceKeyRefVO").set("id", 9_223_372_036_854_775_000L).set("resourceType", "TpmVO")
                .set("resourceUuid", "f00d00000000000000000000000000t1").set("providerUuid", null)
                .set("providerName", "gone ∅").set("keyVersion", 4_294_967_295L).set("kekRef", "kek/'x'")
                .set("wrappedDek", "").set("createDate", "2026-01-01 00:00:00").set("lastOpDate", "2026-01-01 00:00:00")
                .add();
        sink.table("ManagementNodeVO").set("uuid", "f00d0000000000000000000000000mn1").set("state", "RUNNING")
                .set("joinDate", "0000-00-00 00:00:00").set("heartBeat", "0000-00-00 00:00:00").add();
    }

    static byte[] allBytes() {
        byte[] b = new byte[512];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) i;
        }
        return b;
    }

    @AfterAll
    static void drop() throws Exception {
        if (db != null) {
            db.close();
        }
    }

    static Path gzip(Path plain) throws Exception {
        Path gz = plain.resolveSibling(plain.getFileName() + ".gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(plain, out);
        }
        return gz;
    }

    static ImportResult importInto(Path dump, Path snapshot) throws Exception {
        return new DumpImporter(ImportOptions.defaults(), null).run(dump, snapshot);
    }

    /** Every table of the snapshot, and the same columns of the live database, value for value. */
    static void assertSameRows(MariaDbTestDatabase live, Path snapshot) throws Exception {
        Map<String, List<String>> columns;
        Map<String, List<String>> imported;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + snapshot)) {
            columns = TableContents.sqliteColumns(c);
            imported = TableContents.fromSqlite(c, columns);
        }
        Map<String, List<String>> original;
        try (Source s = MariaDbSource.open(live.url(), null, null, OpenOptions.readOnly()); Connection c = s.connection()) {
            assertThat(TableContents.mariaDbTables(c)).containsAll(columns.keySet());
            original = TableContents.fromMariaDb(c, columns);
        }
        for (String table : columns.keySet()) {
            assertThat(imported.get(table)).as(table).containsExactlyElementsOf(original.get(table));
        }
    }

    @Test
    void everyKindOfDumpImportsTheSameRowsValueForValue() throws Exception {
        Path plain = db.dump(shared.resolve("plain.sql"));
        Path hex = db.dump(shared.resolve("hex.sql"), "--hex-blob");
        Path columns = db.dump(shared.resolve("columns.sql"), "--skip-extended-insert", "--complete-insert");
        Path compact = db.dump(shared.resolve("compact.sql"), "--compact");
        assertThat(Files.readString(plain, StandardCharsets.ISO_8859_1)).startsWith("/*M!999999\\- enable the sandbox mode")
                .contains("-- MariaDB dump").contains("INSERT INTO `VmHostFileContentVO` VALUES\n");
        // the awkward blob: raw (escaped) bytes in the plain dump, hex in the --hex-blob one
        assertThat(Files.readString(hex, StandardCharsets.ISO_8859_1)).contains("0x00275C0A0D1A22FF255F0908");
        assertThat(Files.readString(plain, StandardCharsets.ISO_8859_1)).contains("'\\0\\'\\\\\\n\\r\\Z\\\"\u00ff%_\t\b'");
        for (Path dump : List.of(plain, hex, gzip(plain), gzip(hex), columns, compact)) {
            Path out = dir.resolve(dump.getFileName() + ".sqlite");
            ImportResult r = importInto(dump, out);
            assertSameRows(db, out);
            assertThat(r.rowsPerTable()).as(dump.toString()).hasSize(15);
            assertThat(r.rowsPerTable().get("VmHostFileContentVO")).isEqualTo(count("VmHostFileContentVO"));
            assertThat(r.skippedTables()).isEqualTo(2);
            assertThat(r.warnings()).isEmpty();
            assertThat(r.layout().isZStack()).isTrue();
        }
        assertThat(TestSnapshots.listing(dir)).as("nothing but the snapshots").allMatch(n -> n.endsWith(".sqlite"));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("hex.sql.sqlite"));
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT content FROM VmHostFileContentVO WHERE uuid LIKE 'f00d%c1'")) {
            rs.next();
            assertThat(rs.getBytes(1)).isEqualTo(AWKWARD);
        }
    }

    static long count(String table) throws Exception {
        try (Connection c = db.connection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void theAuditOfTheLiveDatabaseAndOfItsImportedSnapshotAreTheSame() throws Exception {
        Path snapshot = dir.resolve("zstack.sqlite");
        importInto(gzip(db.dump(dir.resolve("zstack.sql"))), snapshot);
        AuditReport live;
        try (Source s = MariaDbSource.open(db.url(), null, null, OpenOptions.readOnly())) {
            live = new Auditor(s).run(List.of(AuditRule.values()));
        }
        AuditReport imported;
        try (Source s = SqliteSnapshot.open(snapshot, OpenOptions.readOnly())) {
            imported = new Auditor(s).run(List.of(AuditRule.values()));
        }
        assertThat(imported.findings()).isEqualTo(live.findings());
        assertThat(imported.counts()).isEqualTo(live.counts());
        assertThat(imported.backupOwnerColumn()).isEqualTo(live.backupOwnerColumn());
        assertThat(imported.keyRefResourceFk()).isEqualTo(live.keyRefResourceFk());
        assertThat(live.findings()).hasSizeGreaterThan(20);
    }

    @Test
    void anOlderLayoutIsKeptAsTheDumpHasIt() throws Exception {
        // zsv 5.0.0 backups (vmInstanceUuid), the zsv 5.1.0 key-ref foreign key, VmHostFileVO without its sync
        // columns, a VmInstanceEO column the schema does not know, no TpmKeyBackupVO
        try (MariaDbTestDatabase old = MariaDbTestDatabase.create(true)) {
            old.exec("ALTER TABLE VmHostBackupFileVO DROP INDEX ukVmHostBackupFileVO, CHANGE resourceUuid vmInstanceUuid"
                            + " char(32) NOT NULL AFTER uuid, ADD UNIQUE KEY ukVmHostBackupFileVO (vmInstanceUuid, type),"
                            + " ADD KEY idxVmHostBackupFileVOVmInstanceUuid (vmInstanceUuid)",
                    "ALTER TABLE VmHostFileVO DROP COLUMN lastSyncReason, DROP COLUMN changeDate, DROP COLUMN lastSyncDate",
                    "ALTER TABLE VmInstanceEO ADD COLUMN bootTime timestamp NULL DEFAULT NULL AFTER state",
                    "DROP TABLE TpmKeyBackupVO",
                    "INSERT INTO ResourceVO VALUES ('vm1', 'vm one', 'VmInstanceVO', 'x'), ('vm2', 'vm two', 'VmInstanceVO',"
                            + " 'x'), ('t1', NULL, 'TpmVO', 'x'), ('b1', NULL, 'VmHostBackupFileVO', 'x'),"
                            + " ('b2', NULL, 'VmHostBackupFileVO', 'x'), ('b3', NULL, 'VmHostBackupFileVO', 'x'),"
                            + " ('p1', 'nkp', 'KeyProviderVO', 'x'), ('f1', NULL, 'VmHostFileVO', 'x')",
                    "INSERT INTO VmInstanceEO (uuid, name, type, state, bootTime, createDate, lastOpDate, deleted) VALUES"
                            + " ('vm1', 'vm one', 'UserVm', 'Running', '2026-05-01 10:00:00', '2026-01-01 00:00:00',"
                            + " '2026-01-02 00:00:00', NULL), ('vm2', 'vm two', 'UserVm', 'Stopped', NULL,"
                            + " '2026-01-01 00:00:00', '2026-01-02 00:00:00', NULL)",
                    "INSERT INTO TpmVO VALUES ('t1', 'vm1', '2026-01-01 00:00:00', '2026-01-01 00:00:00')",
                    "INSERT INTO KeyProviderVO VALUES ('p1', 'nkp', NULL, 'NKP', 1, '2026-01-01 00:00:00',"
                            + " '2026-01-01 00:00:00')",
                    "INSERT INTO EncryptedResourceKeyRefVO (id, resourceType, resourceUuid, providerUuid, providerName,"
                            + " wrappedDek, createDate, lastOpDate) VALUES (1, 'TpmVO', 't1', 'p1', 'nkp', '',"
                            + " '2026-01-01 00:00:00', '2026-01-01 00:00:00'), (2, 'VmHostBackupFileVO', 'b1', 'p1',"
                            + " 'nkp', 'd2s=', '2026-01-01 00:00:00', '2026-01-01 00:00:00')",
                    "INSERT INTO VmHostBackupFileVO VALUES ('b1', 'vm1', 'TpmState', '2026-01-01 00:00:00',"
                            + " '2026-01-01 00:00:00'), ('b2', 'vm2', 'TpmState', '2026-01-01 00:00:00', '2026-01-01 00:00:00'),"
                            + " ('b3', 'vm-gone', 'TpmState', '2026-01-01 00:00:00', '2026-01-01 00:00:00')",
                    "INSERT INTO VmHostFileVO VALUES ('f1', 'vm1', 'h1', 'TpmState', '/var/lib/libvirt/swtpm/vm1/',"
                            + " '2026-01-01 00:00:00', '2026-01-01 00:00:00')");
            Path snapshot = dir.resolve("zsv500.sqlite");
            ImportResult r = importInto(old.dump(dir.resolve("zsv500.sql")), snapshot);
            assertThat(r.droppedColumns()).containsEntry("VmInstanceEO", List.of("bootTime"));
            assertSameRows(old, snapshot);
            try (Source live = MariaDbSource.open(old.url(), null, null, OpenOptions.readOnly());
                 Source imported = SqliteSnapshot.open(snapshot, OpenOptions.readOnly())) {
                assertThat(imported.layout().backupOwnerColumn()).isEqualTo("vmInstanceUuid")
                        .isEqualTo(live.layout().backupOwnerColumn());
                assertThat(imported.layout().keyRefResourceFk()).isTrue().isEqualTo(live.layout().keyRefResourceFk());
                assertThat(imported.layout().missingOptional()).containsExactly("TpmKeyBackupVO")
                        .isEqualTo(live.layout().missingOptional());
                assertThat(imported.layout().missingColumns()).isEqualTo(live.layout().missingColumns())
                        .containsEntry("VmHostFileVO", List.of("lastSyncReason", "changeDate", "lastSyncDate"));
                AuditReport a = new Auditor(live).run(List.of(AuditRule.values()));
                AuditReport b = new Auditor(imported).run(List.of(AuditRule.values()));
                assertThat(b.findings()).isEqualTo(a.findings()).isNotEmpty();
                assertThat(b.counts()).isEqualTo(a.counts());
            }
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + snapshot); Statement st = c.createStatement()) {
                List<String> fks = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("PRAGMA foreign_key_list(\"EncryptedResourceKeyRefVO\")")) {
                    while (rs.next()) {
                        fks.add(rs.getString("from") + "->" + rs.getString("table") + " " + rs.getString("on_delete"));
                    }
                }
                assertThat(fks).containsExactlyInAnyOrder("providerUuid->KeyProviderVO SET NULL",
                        "resourceUuid->ResourceVO CASCADE");
                List<String> indexes = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("PRAGMA index_list(\"VmHostBackupFileVO\")")) {
                    while (rs.next()) {
                        indexes.add(rs.getString("name") + (rs.getInt("unique") == 1 ? " unique" : ""));
                    }
                }
                assertThat(indexes).contains("ukVmHostBackupFileVO unique");
            }
        }
    }

    @Test
    void timestampsReadTheSameLiveAndImportedWhateverTheSessionTimeZone() throws Exception {
        try (MariaDbTestDatabase tz = MariaDbTestDatabase.create(false)) {
            try (Connection c = tz.connection(); Statement st = c.createStatement()) {
                st.execute("SET time_zone = '+08:00'");
                st.execute("INSERT INTO ResourceVO VALUES ('h1', 'host', 'HostVO', 'x')");
                st.execute("INSERT INTO HostEO (uuid, zoneUuid, clusterUuid, name, managementIp, hypervisorType, state,"
                        + " status, createDate, lastOpDate) VALUES ('h1', 'z', 'c', 'host', '192.0.2.1', 'KVM', 'Enabled',"
                        + " 'Connected', '2026-01-01 08:00:00', '2026-01-01 09:30:00')");
            }
            Path snapshot = dir.resolve("tz.sqlite");
            importInto(tz.dump(dir.resolve("tz.sql")), snapshot);
            assertSameRows(tz, snapshot);
            assertThat(TestSnapshots.count(snapshot, "SELECT count(*) FROM HostEO WHERE createDate = '2026-01-01 00:00:00'"
                    + " AND lastOpDate = '2026-01-01 01:30:00'")).isEqualTo(1);
            ImportResult local = importInto(tz.dump(dir.resolve("local.sql"), "--skip-tz-utc"), dir.resolve("local.sqlite"));
            assertThat(local.warnings()).singleElement().asString().contains("--skip-tz-utc");
        }
    }

    @Test
    void aDumpOfAnotherDatabaseIsRefused() throws Exception {
        Path dump = db.dumpTables(dir.resolve("other.sql"), List.of("VolumeEO", "TpmVOHistory"));
        Path out = dir.resolve("other.sqlite");
        assertThatThrownBy(() -> importInto(dump, out)).isInstanceOf(SourceException.class)
                .hasMessage(dump + " is not a dump of ZStack's database: it holds none of the tables ResourceVO,"
                        + " VmInstanceEO, HostEO, TpmVO, VmHostFileVO, VmHostBackupFileVO, VmHostFileContentVO,"
                        + " EncryptedResourceKeyRefVO, KeyProviderVO")
                .extracting(e -> ((SourceException) e).reason()).isEqualTo(SourceException.Reason.NOT_ZSTACK);
        Path some = db.dumpTables(dir.resolve("some.sql"), List.of("TpmVO", "VmInstanceEO", "VolumeEO"));
        assertThatThrownBy(() -> importInto(some, out)).hasMessageContaining("missing tables: ResourceVO, HostEO");
        assertThat(TestSnapshots.listing(dir)).containsExactly("other.sql", "some.sql");
    }

    @Test
    void aRealDumpCutOffOrDamagedLeavesNothingBehind() throws Exception {
        Path whole = db.dump(shared.resolve("whole.sql"));
        byte[] bytes = Files.readAllBytes(whole);
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        Path midRow = Files.write(dir.resolve("mid-row.sql"), Arrays.copyOf(bytes, bytes.length * 3 / 5));
        int boundary = text.lastIndexOf("UNLOCK TABLES;\n") + "UNLOCK TABLES;\n".length();
        Path atStatement = Files.write(dir.resolve("at-statement.sql"), Arrays.copyOf(bytes, boundary));
        Path gz = gzip(whole);
        byte[] gzBytes = Files.readAllBytes(gz);
        Path gzCut = Files.write(dir.resolve("cut.sql.gz"), Arrays.copyOf(gzBytes, gzBytes.length * 7 / 10));
        byte[] badCrc = gzBytes.clone();
        badCrc[badCrc.length - 6] ^= 0x55;
        Path gzCrc = Files.write(dir.resolve("crc.sql.gz"), badCrc);
        byte[] badData = gzBytes.clone();
        for (int i = gzBytes.length / 2; i < gzBytes.length / 2 + 64; i++) {
            badData[i] ^= (byte) 0xa5;
        }
        Path gzData = Files.write(dir.resolve("data.sql.gz"), badData);
        Path existing = Files.writeString(dir.resolve("existing.sqlite"), "an older snapshot, kept");
        Object[][] cases = {
            {midRow, SourceException.Reason.TRUNCATED, " is cut off: it ends inside the INSERT into "},
            {atStatement, SourceException.Reason.TRUNCATED, " is cut off: it lacks mysqldump's closing \"-- Dump completed\""},
            {gzCut, SourceException.Reason.TRUNCATED, " is cut off: the gzip data ends early"},
            {gzCrc, SourceException.Reason.CORRUPT, " is damaged: gzip reports \"Corrupt GZIP trailer\""},
            {gzData, SourceException.Reason.CORRUPT, " is "}};
        List<String> before = TestSnapshots.listing(dir);
        for (Object[] c : cases) {
            Path dump = (Path) c[0];
            for (boolean overwrite : new boolean[] {false, true}) {
                Path target = overwrite ? existing : dir.resolve("new.sqlite");
                assertThatThrownBy(() -> new DumpImporter(new ImportOptions(overwrite, null), null).run(dump, target))
                        .as(dump.toString()).isInstanceOf(SourceException.class)
                        .hasMessageStartingWith(dump + (String) c[2])
                        .extracting(e -> ((SourceException) e).reason()).isEqualTo(c[1]);
                assertThat(TestSnapshots.listing(dir)).as("no snapshot, no partial file").isEqualTo(before);
                assertThat(Files.readString(existing)).isEqualTo("an older snapshot, kept");
            }
        }
    }
}
