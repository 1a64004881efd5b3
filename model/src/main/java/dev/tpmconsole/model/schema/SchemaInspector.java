package dev.tpmconsole.model.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Detects the {@link SchemaLayout} of a database from its catalogue (sqlite_master and PRAGMAs on SQLite,
 * information_schema on MariaDB). Reads only.
 */
public final class SchemaInspector {

    private SchemaInspector() {
    }

    public static SchemaLayout inspect(Connection connection, DatabaseKind kind) throws SQLException {
        ZStackSchema schema = ZStackSchema.canonical();
        Map<String, Set<String>> columnsByTable = kind == DatabaseKind.SQLITE
                ? sqliteColumns(connection, schema) : mariadbColumns(connection, schema);

        List<String> present = new ArrayList<>();
        List<String> missingRequired = new ArrayList<>();
        List<String> missingOptional = new ArrayList<>();
        Map<String, List<String>> missingColumns = new TreeMap<>();
        Map<String, List<String>> essentialMissing = new TreeMap<>();
        for (TableDef t : schema.tables()) {
            Set<String> actual = columnsByTable.get(t.name());
            boolean required = ZStackSchema.REQUIRED_TABLES.contains(t.name());
            if (actual == null) {
                (required ? missingRequired : missingOptional).add(t.name());
                continue;
            }
            present.add(t.name());
            List<String> lacking = new ArrayList<>();
            List<String> essential = new ArrayList<>();
            for (ColumnDef c : t.columns()) {
                if (actual.contains(c.name())) {
                    continue;
                }
                boolean backupOwner = t.name().equals("VmHostBackupFileVO")
                        && c.name().equals(ZStackSchema.BACKUP_OWNER_NEW)
                        && actual.contains(ZStackSchema.BACKUP_OWNER_OLD);
                if (backupOwner) {
                    continue;
                }
                lacking.add(c.name());
                if (required && (t.primaryKey().contains(c.name()) || (c.notNull() && c.defaultValue() == null))) {
                    essential.add(c.name());
                }
            }
            if (!lacking.isEmpty()) {
                missingColumns.put(t.name(), lacking);
            }
            if (!essential.isEmpty()) {
                essentialMissing.put(t.name(), essential);
            }
        }

        String owner = null;
        Set<String> backupColumns = columnsByTable.get("VmHostBackupFileVO");
        if (backupColumns != null) {
            if (backupColumns.contains(ZStackSchema.BACKUP_OWNER_NEW)) {
                owner = ZStackSchema.BACKUP_OWNER_NEW;
            } else if (backupColumns.contains(ZStackSchema.BACKUP_OWNER_OLD)) {
                owner = ZStackSchema.BACKUP_OWNER_OLD;
            }
        }
        boolean keyRefFk = columnsByTable.containsKey("EncryptedResourceKeyRefVO")
                && (kind == DatabaseKind.SQLITE ? sqliteKeyRefFk(connection) : mariadbKeyRefFk(connection));
        return new SchemaLayout(owner, keyRefFk, present, missingRequired, missingOptional, missingColumns,
                essentialMissing);
    }

    /** Names of every table and view in the database (not only ZStack's). */
    public static Set<String> allTableNames(Connection connection, DatabaseKind kind) throws SQLException {
        Set<String> names = new HashSet<>();
        String sql = kind == DatabaseKind.SQLITE
                ? "SELECT name FROM sqlite_master WHERE type IN ('table', 'view')"
                : "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()";
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static Map<String, Set<String>> sqliteColumns(Connection c, ZStackSchema schema) throws SQLException {
        Set<String> existing = new HashSet<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
            while (rs.next()) {
                existing.add(rs.getString(1));
            }
        }
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (TableDef t : schema.tables()) {
            if (!existing.contains(t.name())) {
                continue;
            }
            Set<String> cols = new HashSet<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("PRAGMA table_info(" + ZStackSchema.q(t.name()) + ")")) {
                while (rs.next()) {
                    cols.add(rs.getString("name"));
                }
            }
            out.put(t.name(), cols);
        }
        return out;
    }

    private static Map<String, Set<String>> mariadbColumns(Connection c, ZStackSchema schema) throws SQLException {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT c.TABLE_NAME, c.COLUMN_NAME FROM information_schema.COLUMNS c "
                        + "JOIN information_schema.TABLES t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME "
                        + "WHERE c.TABLE_SCHEMA = DATABASE() AND t.TABLE_TYPE = 'BASE TABLE'");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String table = rs.getString(1);
                if (schema.table(table).isPresent()) {
                    out.computeIfAbsent(table, k -> new HashSet<>()).add(rs.getString(2));
                }
            }
        }
        return out;
    }

    private static boolean sqliteKeyRefFk(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA foreign_key_list(\"EncryptedResourceKeyRefVO\")")) {
            while (rs.next()) {
                if ("ResourceVO".equals(rs.getString("table")) && "resourceUuid".equals(rs.getString("from"))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean mariadbKeyRefFk(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE() "
                        + "AND TABLE_NAME = 'EncryptedResourceKeyRefVO' AND REFERENCED_TABLE_NAME = 'ResourceVO'");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() && rs.getLong(1) > 0;
        }
    }
}
