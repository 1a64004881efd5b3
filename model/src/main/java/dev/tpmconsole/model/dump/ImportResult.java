package dev.tpmconsole.model.dump;

import dev.tpmconsole.model.schema.SchemaLayout;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A finished import.
 *
 * @param snapshot        the snapshot written
 * @param rowsPerTable    rows imported per table of the schema, in schema order
 * @param dumpBytes       size of the dump file
 * @param sqlBytes        bytes of SQL read (more than {@code dumpBytes} for a gzip'd dump)
 * @param skippedTables   how many other tables' INSERTs were skipped
 * @param skippedBytes    bytes of SQL those INSERTs took
 * @param layout          the layout of the snapshot as the console detects it
 * @param droppedColumns  per table, the dump's columns that the schema does not have (not imported)
 * @param warnings        things the person should know (time zone of the timestamps, missing CREATE TABLEs)
 */
public record ImportResult(Path snapshot, Map<String, Long> rowsPerTable, long dumpBytes, long sqlBytes,
                           int skippedTables, long skippedBytes, SchemaLayout layout,
                           Map<String, List<String>> droppedColumns, List<String> warnings, Duration elapsed) {

    public ImportResult {
        rowsPerTable = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(rowsPerTable));
        droppedColumns = Map.copyOf(droppedColumns);
        warnings = List.copyOf(warnings);
    }

    public long totalRows() {
        return rowsPerTable.values().stream().mapToLong(Long::longValue).sum();
    }
}
