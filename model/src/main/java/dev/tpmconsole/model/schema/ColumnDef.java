package dev.tpmconsole.model.schema;

/**
 * One column of a ZStack table as the MariaDB DDL declares it.
 *
 * @param name         ZStack's column name
 * @param mysqlType    the declared type, lower case, e.g. {@code varchar(32)}, {@code int(10) unsigned}
 * @param notNull      whether the column is NOT NULL
 * @param defaultValue the DEFAULT clause as written (e.g. {@code '0000-00-00 00:00:00'}, {@code NULL},
 *                     {@code CURRENT_TIMESTAMP}), or null when there is none
 */
public record ColumnDef(String name, String mysqlType, boolean notNull, String defaultValue) {

    /** How a value of this column is stored in a snapshot (and read from a dump). */
    public ValueKind kind() {
        String t = mysqlType;
        if (t.contains("blob") || t.startsWith("binary") || t.startsWith("varbinary")) {
            return ValueKind.BLOB;
        }
        if (t.startsWith("timestamp") || t.startsWith("datetime") || t.startsWith("date")) {
            return ValueKind.TIMESTAMP;
        }
        if (t.startsWith("tinyint") || t.startsWith("smallint") || t.startsWith("int") || t.startsWith("bigint")
                || t.startsWith("mediumint") || t.startsWith("bit")) {
            return ValueKind.INTEGER;
        }
        return ValueKind.TEXT;
    }

    /** The SQLite column type of a snapshot: one of TEXT, INTEGER, BLOB (affinity names, nothing else). */
    public String sqliteType() {
        return switch (kind()) {
            case BLOB -> "BLOB";
            case INTEGER -> "INTEGER";
            case TEXT, TIMESTAMP -> "TEXT";
        };
    }

    /** How values are stored; timestamps are text {@code YYYY-MM-DD HH:MM:SS} in a snapshot. */
    public enum ValueKind { TEXT, INTEGER, TIMESTAMP, BLOB }
}
