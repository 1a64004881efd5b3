package dev.tpmconsole.model.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * ZStack's TPM subset of the {@code zstack} database: the tables and views of the canonical MariaDB DDL
 * ({@code schema-mariadb.sql}, shipped as a resource; docs/zstack-tpm-model.md describes its tables),
 * and the SQLite DDL of a snapshot derived from it.
 */
public final class ZStackSchema {

    /** Tables without which a database is "not a ZStack database" (docs/audit-rules.md). */
    public static final List<String> REQUIRED_TABLES = List.of(
            "ResourceVO", "VmInstanceEO", "HostEO", "TpmVO", "VmHostFileVO", "VmHostBackupFileVO",
            "VmHostFileContentVO", "EncryptedResourceKeyRefVO", "KeyProviderVO");

    /** Names of the VmHostBackupFileVO owner column in the newer and in the early zsv 5.0.0 layout. */
    public static final String BACKUP_OWNER_NEW = "resourceUuid";
    public static final String BACKUP_OWNER_OLD = "vmInstanceUuid";

    /** The zsv 5.1.0 key-ref → ResourceVO foreign key, which a database may or may not have. */
    public static final String KEY_REF_RESOURCE_FK = "fkEncryptedResourceKeyRefResourceVO";

    public static final String RESOURCE = "/dev/tpmconsole/model/schema/schema-mariadb.sql";

    private static volatile ZStackSchema canonical;

    private final Map<String, TableDef> tables = new LinkedHashMap<>();
    private final List<ViewDef> views;

    ZStackSchema(List<TableDef> tables, List<ViewDef> views) {
        tables.forEach(t -> this.tables.put(t.name(), t));
        this.views = List.copyOf(views);
    }

    /** The schema of schema-mariadb.sql, parsed once. */
    public static ZStackSchema canonical() {
        ZStackSchema s = canonical;
        if (s == null) {
            s = MariaDbDdlParser.parse(canonicalDdl());
            canonical = s;
        }
        return s;
    }

    /** The text of schema-mariadb.sql as shipped with the console. */
    public static String canonicalDdl() {
        try (InputStream in = ZStackSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<TableDef> tables() {
        return List.copyOf(tables.values());
    }

    public Set<String> tableNames() {
        return Collections.unmodifiableSet(tables.keySet());
    }

    public Optional<TableDef> table(String name) {
        return Optional.ofNullable(tables.get(name));
    }

    public TableDef requireTable(String name) {
        TableDef t = tables.get(name);
        if (t == null) {
            throw new IllegalArgumentException("not a table of the ZStack TPM schema: " + name);
        }
        return t;
    }

    public List<ViewDef> views() {
        return views;
    }

    /**
     * The SQLite DDL of a snapshot: every table with its primary key, unique keys and indexes, the
     * views, and (optionally) the foreign keys the MariaDB DDL declares. Types are TEXT, INTEGER or BLOB;
     * timestamps are text; defaults are kept ({@code CURRENT_TIMESTAMP} yields the same text format).
     */
    public List<String> sqliteDdl(boolean withForeignKeys) {
        List<String> out = new ArrayList<>();
        for (TableDef t : tables.values()) {
            out.add(sqliteTableDdl(t, withForeignKeys));
            out.addAll(sqliteIndexDdl(t));
        }
        for (ViewDef v : views) {
            out.add(sqliteViewDdl(v));
        }
        return out;
    }

    /**
     * The SQLite CREATE TABLE of one table: its columns (TEXT, INTEGER or BLOB, NOT NULL and DEFAULT as
     * declared), its primary key and, when asked, the foreign keys it declares.
     */
    public static String sqliteTableDdl(TableDef t, boolean withForeignKeys) {
        StringBuilder sb = new StringBuilder("CREATE TABLE ").append(q(t.name())).append(" (\n");
        List<String> lines = new ArrayList<>();
        for (ColumnDef c : t.columns()) {
            StringBuilder line = new StringBuilder("  ").append(q(c.name())).append(' ').append(c.sqliteType());
            if (c.notNull()) {
                line.append(" NOT NULL");
            }
            if (c.defaultValue() != null) {
                line.append(" DEFAULT ").append(c.defaultValue());
            }
            lines.add(line.toString());
        }
        if (!t.primaryKey().isEmpty()) {
            lines.add("  PRIMARY KEY (" + joinQuoted(t.primaryKey()) + ")");
        }
        if (withForeignKeys) {
            for (ForeignKeyDef fk : t.foreignKeys()) {
                lines.add("  CONSTRAINT " + q(fk.name()) + " FOREIGN KEY (" + q(fk.column()) + ") REFERENCES "
                        + q(fk.parentTable()) + " (" + q(fk.parentColumn()) + ") ON DELETE " + fk.onDelete());
            }
        }
        sb.append(String.join(",\n", lines)).append("\n)");
        return sb.toString();
    }

    /** The CREATE INDEX statements of one table: its keys and the indexes InnoDB adds for its foreign keys. */
    public static List<String> sqliteIndexDdl(TableDef t) {
        List<String> out = new ArrayList<>();
        for (TableDef.IndexDef idx : t.indexes()) {
            out.add("CREATE " + (idx.unique() ? "UNIQUE " : "") + "INDEX " + q(idx.name()) + " ON " + q(t.name())
                    + " (" + joinQuoted(idx.columns()) + ")");
        }
        for (TableDef.IndexDef idx : implicitForeignKeyIndexes(t)) {
            out.add("CREATE INDEX " + q(idx.name()) + " ON " + q(t.name()) + " (" + joinQuoted(idx.columns()) + ")");
        }
        return out;
    }

    public static String sqliteViewDdl(ViewDef v) {
        return "CREATE VIEW " + q(v.name()) + " AS " + v.selectSql();
    }

    /**
     * The indexes InnoDB creates by itself for a foreign key whose column leads no other index (named after
     * the constraint). They exist in every ZStack MariaDB (TpmVO's on vmInstanceUuid, for instance), so a
     * snapshot has them too, whether or not it declares the foreign keys.
     */
    public static List<TableDef.IndexDef> implicitForeignKeyIndexes(TableDef t) {
        List<TableDef.IndexDef> out = new ArrayList<>();
        for (ForeignKeyDef fk : t.foreignKeys()) {
            boolean covered = (!t.primaryKey().isEmpty() && t.primaryKey().get(0).equals(fk.column()))
                    || t.indexes().stream().anyMatch(i -> i.columns().get(0).equals(fk.column()));
            if (!covered) {
                out.add(new TableDef.IndexDef(fk.name(), false, List.of(fk.column())));
            }
        }
        return out;
    }

    private static String joinQuoted(List<String> names) {
        return String.join(", ", names.stream().map(ZStackSchema::q).toList());
    }

    /** Quotes an identifier for SQLite and standard SQL. */
    public static String q(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
