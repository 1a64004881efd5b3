package dev.tpmconsole.model.schema;

import java.util.List;
import java.util.Optional;

/**
 * A table of ZStack's TPM subset: columns, primary key, unique keys, plain indexes and foreign keys,
 * as parsed from the canonical MariaDB DDL.
 */
public record TableDef(String name, List<ColumnDef> columns, List<String> primaryKey,
                       List<IndexDef> indexes, List<ForeignKeyDef> foreignKeys) {

    public TableDef {
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
        indexes = List.copyOf(indexes);
        foreignKeys = List.copyOf(foreignKeys);
    }

    public Optional<ColumnDef> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    public List<String> columnNames() {
        return columns.stream().map(ColumnDef::name).toList();
    }

    /** A KEY or UNIQUE KEY of the table. */
    public record IndexDef(String name, boolean unique, List<String> columns) {
        public IndexDef {
            columns = List.copyOf(columns);
        }
    }
}
