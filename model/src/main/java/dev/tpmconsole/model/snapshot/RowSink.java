package dev.tpmconsole.model.snapshot;

import dev.tpmconsole.model.schema.TableDef;
import dev.tpmconsole.model.schema.ZStackSchema;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Where generated or imported rows go: one reusable {@link Row} per table, whose values are set by ZStack's
 * column names and then added. The JDBC implementation batches inserts; the same generator fills an SQLite
 * snapshot or a MariaDB test database.
 */
public interface RowSink {

    /** The builder of rows of this table (reused: set the values of one row, then {@link Row#add()}). */
    Row table(String table);

    /** A row under construction; unset columns are NULL. */
    abstract class Row {
        private final TableDef table;
        private final Map<String, Integer> index = new HashMap<>();
        protected final Object[] values;

        protected Row(TableDef table) {
            this.table = table;
            this.values = new Object[table.columns().size()];
            for (int i = 0; i < values.length; i++) {
                index.put(table.columns().get(i).name(), i);
            }
        }

        protected Row(String table) {
            this(ZStackSchema.canonical().requireTable(table));
        }

        public TableDef definition() {
            return table;
        }

        public Row set(String column, Object value) {
            Integer i = index.get(column);
            if (i == null) {
                throw new IllegalArgumentException("table " + table.name() + " has no column " + column);
            }
            values[i] = value;
            return this;
        }

        /** Writes the row and clears the builder for the next one. */
        public void add() throws SQLException {
            write(values);
            Arrays.fill(values, null);
        }

        protected abstract void write(Object[] values) throws SQLException;
    }
}
