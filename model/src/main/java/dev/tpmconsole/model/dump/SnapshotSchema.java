package dev.tpmconsole.model.dump;

import dev.tpmconsole.model.schema.ColumnDef;
import dev.tpmconsole.model.schema.ForeignKeyDef;
import dev.tpmconsole.model.schema.TableDef;
import dev.tpmconsole.model.schema.ViewDef;
import dev.tpmconsole.model.schema.ZStackSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The schema of a snapshot imported from a dump: the tables of schema-mariadb.sql that the dump holds, each
 * with the columns of the DDL that the dump's CREATE TABLE has (so that the console detects the same layout
 * as on the database the dump came from), the keys and indexes of the DDL, and the foreign keys the dump
 * declares. Two layouts need more than an intersection:
 * <ul>
 *   <li>the early zsv 5.0.0 VmHostBackupFileVO owns its backups by {@code vmInstanceUuid} where the DDL has
 *       {@code resourceUuid}: the snapshot keeps the dump's column (in the DDL's place, with its keys), because
 *       the console tells the layouts apart by that column;</li>
 *   <li>the zsv 5.1.0 key-ref → ResourceVO foreign key is not in the DDL: when the dump declares it, the
 *       snapshot declares it too, because which orphans can exist depends on it and the console detects it
 *       from the schema.</li>
 * </ul>
 * Columns the DDL does not know (newer ZStack versions add some) are not kept. A NOT NULL of the DDL is kept
 * only where the dump's column is NOT NULL too, and a unique key only where the dump has it, so that every row
 * the database held can be imported.
 */
final class SnapshotSchema {

    private static final String BACKUP_TABLE = "VmHostBackupFileVO";
    private static final Pattern VIEW_SELECT =
            Pattern.compile("(?is)^SELECT\\s+(.*?)\\s+FROM\\s+\"?(\\w+)\"?(.*)$");

    private final ZStackSchema canonical = ZStackSchema.canonical();
    private final Map<String, String> byLowerName = new HashMap<>();
    private final Map<String, TableDef> tables = new LinkedHashMap<>();
    private final Map<String, List<String>> missingColumns = new LinkedHashMap<>();
    private final Map<String, List<String>> droppedColumns = new LinkedHashMap<>();

    SnapshotSchema() {
        for (String name : canonical.tableNames()) {
            byLowerName.put(name.toLowerCase(Locale.ROOT), name);
        }
    }

    /** The schema's name of a dump table (names compare without case, as on a server that folds them), or null. */
    String canonicalName(String dumpName) {
        return byLowerName.get(dumpName.toLowerCase(Locale.ROOT));
    }

    /** The snapshot table made from the dump's CREATE TABLE. */
    TableDef define(DumpTable dump) {
        String name = canonicalName(dump.name());
        TableDef ddl = canonical.requireTable(name);
        List<ColumnDef> columns = new ArrayList<>();
        Map<String, String> renamed = new HashMap<>();
        List<String> missing = new ArrayList<>();
        boolean[] used = new boolean[dump.columns().size()];
        for (ColumnDef c : ddl.columns()) {
            int at = dump.columnIndex(c.name());
            String kept = c.name();
            if (at < 0 && name.equals(BACKUP_TABLE) && c.name().equals(ZStackSchema.BACKUP_OWNER_NEW)) {
                at = dump.columnIndex(ZStackSchema.BACKUP_OWNER_OLD);
                kept = ZStackSchema.BACKUP_OWNER_OLD;
                renamed.put(c.name(), kept);
            }
            if (at < 0) {
                missing.add(c.name());
                continue;
            }
            used[at] = true;
            boolean notNull = c.notNull() && dump.notNull().get(at);
            columns.add(new ColumnDef(kept, c.mysqlType(), notNull, c.defaultValue()));
        }
        List<String> dropped = new ArrayList<>();
        for (int i = 0; i < used.length; i++) {
            if (!used[i]) {
                dropped.add(dump.columns().get(i));
            }
        }
        List<String> present = columns.stream().map(ColumnDef::name).toList();
        List<String> primaryKey = mapped(ddl.primaryKey(), renamed, present);
        List<TableDef.IndexDef> indexes = new ArrayList<>();
        for (TableDef.IndexDef idx : ddl.indexes()) {
            List<String> cols = mapped(idx.columns(), renamed, present);
            if (!cols.isEmpty()) {
                indexes.add(new TableDef.IndexDef(idx.name(), idx.unique() && dump.hasUniqueKey(cols), cols));
            }
        }
        List<ForeignKeyDef> foreignKeys = new ArrayList<>();
        for (DumpTable.ForeignKey fk : dump.foreignKeys()) {
            String column = present.stream().filter(p -> p.equalsIgnoreCase(fk.column())).findFirst().orElse(null);
            String parent = canonicalName(fk.parentTable());
            if (column == null || parent == null) {
                continue;
            }
            String parentColumn = canonical.requireTable(parent).columnNames().stream()
                    .filter(p -> p.equalsIgnoreCase(fk.parentColumn())).findFirst().orElse(fk.parentColumn());
            String fkName = fk.name().isEmpty() ? "fk" + name + column : fk.name();
            foreignKeys.add(new ForeignKeyDef(fkName, column, parent, parentColumn, fk.onDelete()));
        }
        TableDef def = new TableDef(name, columns, primaryKey, indexes, foreignKeys);
        put(def, missing, dropped);
        return def;
    }

    /**
     * The snapshot table for rows whose dump has no CREATE TABLE (made with --no-create-info): the DDL's
     * table without foreign keys (the dump does not say which it has).
     */
    TableDef defineFromDdl(String name) {
        TableDef ddl = canonical.requireTable(name);
        TableDef def = new TableDef(name, ddl.columns(), ddl.primaryKey(), ddl.indexes(), List.of());
        put(def, List.of(), List.of());
        return def;
    }

    private void put(TableDef def, List<String> missing, List<String> dropped) {
        tables.put(def.name(), def);
        missingColumns.remove(def.name());
        droppedColumns.remove(def.name());
        if (!missing.isEmpty()) {
            missingColumns.put(def.name(), List.copyOf(missing));
        }
        if (!dropped.isEmpty()) {
            droppedColumns.put(def.name(), List.copyOf(dropped));
        }
    }

    /** The key columns with the dump's names; empty when one of them is not in the table. */
    private static List<String> mapped(List<String> columns, Map<String, String> renamed, List<String> present) {
        List<String> out = new ArrayList<>();
        for (String c : columns) {
            String n = renamed.getOrDefault(c, c);
            if (!present.contains(n)) {
                return List.of();
            }
            out.add(n);
        }
        return out;
    }

    TableDef table(String name) {
        return tables.get(name);
    }

    boolean has(String name) {
        return tables.containsKey(name);
    }

    /** Tables made so far, in the order of schema-mariadb.sql. */
    List<String> tableNames() {
        return canonical.tableNames().stream().filter(tables::containsKey).toList();
    }

    Map<String, List<String>> missingColumns() {
        return missingColumns;
    }

    Map<String, List<String>> droppedColumns() {
        return droppedColumns;
    }

    /** The CREATE TABLE of a snapshot table (with the foreign keys it carries). */
    static String tableDdl(TableDef def) {
        return ZStackSchema.sqliteTableDdl(def, true);
    }

    /**
     * The indexes of a table, built once its rows are in (faster than keeping them up to date row by row).
     */
    List<String> indexDdl(String name) {
        return ZStackSchema.sqliteIndexDdl(tables.get(name));
    }

    /** The views of the schema, over the columns their table has; none for a table the snapshot lacks. */
    List<String> viewDdl() {
        List<String> out = new ArrayList<>();
        for (ViewDef view : canonical.views()) {
            Matcher m = VIEW_SELECT.matcher(view.selectSql());
            if (!m.matches()) {
                out.add(ZStackSchema.sqliteViewDdl(view));
                continue;
            }
            TableDef base = tables.get(m.group(2));
            if (base == null) {
                continue;
            }
            List<String> columns = new ArrayList<>();
            for (String c : m.group(1).split(",")) {
                String column = c.strip().replace("\"", "");
                if (base.column(column).isPresent()) {
                    columns.add(c.strip());
                }
            }
            out.add(ZStackSchema.sqliteViewDdl(new ViewDef(view.name(), "SELECT " + String.join(", ", columns)
                    + " FROM " + ZStackSchema.q(base.name()) + m.group(3))));
        }
        return out;
    }
}
