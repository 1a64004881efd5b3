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

    /** The column of that name. A loop, not a stream: the run looks a column up for each value it reads or binds. */
    public Optional<ColumnDef> column(String columnName) {
        for (ColumnDef c : columns) {
            if (c.name().equals(columnName)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
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
