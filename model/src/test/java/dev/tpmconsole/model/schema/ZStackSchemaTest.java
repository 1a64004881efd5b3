package dev.tpmconsole.model.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tpmconsole.model.testing.TestSnapshots;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZStackSchemaTest {

    @TempDir
    Path dir;

    @Test
    void parsesEveryTableKeyAndView() {
        ZStackSchema s = ZStackSchema.canonical();
        assertThat(s.tableNames()).containsExactly("ResourceVO", "ManagementNodeVO", "HostEO", "VmInstanceEO",
                "VolumeSnapshotGroupVO", "TpmVO", "VmHostFileVO", "VmHostBackupFileVO", "VmHostFileContentVO",
                "KeyProviderVO", "NkpVO", "KmsVO", "EncryptedResourceKeyRefVO", "TpmKeyBackupVO", "SystemTagVO");
        assertThat(s.tableNames()).containsAll(ZStackSchema.REQUIRED_TABLES);
        assertThat(s.views()).extracting(ViewDef::name).containsExactly("HostVO", "VmInstanceVO");

        TableDef file = s.requireTable("VmHostFileVO");
        assertThat(file.primaryKey()).containsExactly("uuid");
        assertThat(file.indexes()).contains(
                new TableDef.IndexDef("ukVmHostFileVO", true, List.of("vmInstanceUuid", "hostUuid", "type")),
                new TableDef.IndexDef("idxVmHostFileVOHostUuid", false, List.of("hostUuid")));
        assertThat(file.column("changeDate").orElseThrow())
                .isEqualTo(new ColumnDef("changeDate", "timestamp", false, "NULL"));
        assertThat(s.requireTable("VmHostFileContentVO").column("content").orElseThrow().kind())
                .isEqualTo(ColumnDef.ValueKind.BLOB);
        assertThat(s.requireTable("KmsVO").column("trustState").orElseThrow().defaultValue())
                .isEqualTo("'MUTUAL_UNTRUSTED'");
        assertThat(s.requireTable("KeyProviderVO").column("connected").orElseThrow().kind())
                .isEqualTo(ColumnDef.ValueKind.INTEGER);
        assertThat(s.requireTable("EncryptedResourceKeyRefVO").foreignKeys()).containsExactly(
                new ForeignKeyDef("fkEncryptedResourceKeyRefVOProviderUuid", "providerUuid", "KeyProviderVO", "uuid",
                        "SET NULL"));
        assertThat(s.requireTable("TpmVO").foreignKeys()).extracting(ForeignKeyDef::onDelete).containsExactly("CASCADE");
    }

    @Test
    void rejectsStatementsItDoesNotUnderstand() {
        assertThatThrownBy(() -> MariaDbDdlParser.parse("DROP TABLE x;")).hasMessageContaining("DROP TABLE x");
        assertThatThrownBy(() -> MariaDbDdlParser.parse("CREATE TABLE `a` (`x` int")).hasMessageContaining("ends inside");
    }

    @Test
    void sqliteDdlBuildsTheSnapshotFormat() throws Exception {
        Path db = TestSnapshots.fromDdl(dir.resolve("schema.sqlite"), true);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            Set<String> objects = new HashSet<>();
            try (ResultSet rs = st.executeQuery("SELECT type || ':' || name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")) {
                while (rs.next()) {
                    objects.add(rs.getString(1));
                }
            }
            assertThat(objects).contains("table:TpmVO", "view:VmInstanceVO", "view:HostVO",
                    "index:ukVmHostBackupFileVO", "index:idxEncryptedResourceKeyRefVOResource", "index:ukKeyProviderVOName",
                    "index:fkTpmVOVmInstanceVO");
            assertThat(objects).filteredOn(o -> o.startsWith("index:fk")).containsExactly("index:fkTpmVOVmInstanceVO");
            // Column types are the three affinities, timestamps as text, with MySQL's defaults.
            List<String> cols = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("PRAGMA table_info(VmInstanceEO)")) {
                while (rs.next()) {
                    cols.add(rs.getString("name") + " " + rs.getString("type") + " " + rs.getInt("notnull") + " "
                            + rs.getString("dflt_value") + " " + rs.getInt("pk"));
                }
            }
            assertThat(cols).contains("uuid TEXT 1 null 1", "createDate TEXT 1 '0000-00-00 00:00:00' 0",
                    "lastOpDate TEXT 1 CURRENT_TIMESTAMP 0", "deleted TEXT 0 NULL 0");
            st.execute("INSERT INTO VmInstanceEO (uuid, name, type, state) VALUES ('a', 'vm', 'UserVm', 'Running')");
            try (ResultSet rs = st.executeQuery("SELECT createDate, lastOpDate FROM VmInstanceEO")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("0000-00-00 00:00:00");
                assertThat(rs.getString(2)).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
            }
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM VmInstanceVO")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
            // The key-ref PK is SQLite's rowid, so ids are assigned like AUTO_INCREMENT.
            st.execute("INSERT INTO EncryptedResourceKeyRefVO (resourceType, resourceUuid, providerName, wrappedDek)"
                    + " VALUES ('TpmVO', 'x', 'p', '')");
            try (ResultSet rs = st.executeQuery("SELECT id FROM EncryptedResourceKeyRefVO")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(1);
            }
        }
    }

    @Test
    void inspectorReportsLayout() throws Exception {
        Path db = TestSnapshots.fromDdl(dir.resolve("a.sqlite"), false);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            SchemaLayout layout = SchemaInspector.inspect(c, DatabaseKind.SQLITE);
            assertThat(layout.isZStack()).isTrue();
            assertThat(layout.backupOwnerColumn()).isEqualTo("resourceUuid");
            assertThat(layout.keyRefResourceFk()).isFalse();
            assertThat(layout.missingOptional()).isEmpty();
            assertThat(layout.missingColumns()).isEmpty();
        }
    }
}
