package dev.tpmconsole.model.demo;

import java.time.Duration;
import java.util.Map;

/**
 * What a demo generation wrote.
 *
 * @param rowsPerTable rows written per table
 * @param injected     dirty scenarios injected per kind (a scenario may leave more than one dirty row)
 * @param elapsed      wall time of the generation
 */
public record DemoResult(Map<String, Long> rowsPerTable, Map<DirtyKind, Integer> injected, Duration elapsed) {

    public long totalRows() {
        return rowsPerTable.values().stream().mapToLong(Long::longValue).sum();
    }
}
