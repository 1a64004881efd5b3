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

    /**
     * The most characters a value of this column holds, where its type counts characters: {@code char(n)} and
     * {@code varchar(n)} (n, as MariaDB counts them: characters, not bytes), timestamps (26, for
     * {@code YYYY-MM-DD HH:MM:SS.ffffff}) and integers (21: bigint's 20 digits and a sign); -1 when the type's
     * limit is in bytes or it has none.
     */
    public long maxChars() {
        String t = mysqlType;
        if (t.startsWith("char") || t.startsWith("varchar")) {
            long n = length();
            return n >= 0 ? n : t.startsWith("char") ? 1 : -1;
        }
        return switch (kind()) {
            case TIMESTAMP -> 26;
            case INTEGER -> 21;
            default -> -1;
        };
    }

    /**
     * The most bytes a value of this column holds, where its type counts bytes, as MariaDB limits them:
     * {@code binary(n)} and {@code varbinary(n)} n, TINYBLOB and TINYTEXT 255, BLOB and TEXT 65,535, MEDIUMBLOB and
     * MEDIUMTEXT 16 MiB - 1, LONGBLOB and LONGTEXT 4 GiB - 1; -1 when the limit is in characters or there is none.
     */
    public long maxBytes() {
        String t = mysqlType;
        if (t.startsWith("binary") || t.startsWith("varbinary")) {
            long n = length();
            return n >= 0 ? n : t.startsWith("binary") ? 1 : -1;
        }
        if (t.startsWith("tinyblob") || t.startsWith("tinytext")) {
            return 255;
        }
        if (t.startsWith("blob") || t.startsWith("text")) {
            return 65_535;
        }
        if (t.startsWith("mediumblob") || t.startsWith("mediumtext")) {
            return (1L << 24) - 1;
        }
        if (t.startsWith("longblob") || t.startsWith("longtext") || t.startsWith("json")) {
            return (1L << 32) - 1;
        }
        return -1;
    }

    /** The n of {@code type(n)}, or -1. */
    private long length() {
        int open = mysqlType.indexOf('(');
        int close = mysqlType.indexOf(')', open + 1);
        if (open < 0 || close < 0) {
            return -1;
        }
        try {
            return Long.parseLong(mysqlType.substring(open + 1, close).strip());
        } catch (NumberFormatException e) {
            return -1;
        }
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
