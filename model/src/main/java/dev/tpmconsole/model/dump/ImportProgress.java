package dev.tpmconsole.model.dump;

import java.util.Map;

/**
 * Where an import stands: bytes of the dump file read (compressed bytes for a gzip'd dump) out of its size,
 * the table being read, and the rows read so far per table of the schema. Sent about ten times a second,
 * whenever a table starts, and once per phase.
 *
 * @param rowsPerTable rows read per table, in the order the dump holds them (unmodifiable)
 */
public record ImportProgress(Phase phase, long bytesRead, long totalBytes, String table,
                             Map<String, Long> rowsPerTable) {

    /** What the import is doing. */
    public enum Phase {
        /** Reading the dump and writing rows. */
        READING,
        /** Every row is in; building the indexes and views. */
        INDEXING,
        /** The snapshot is complete and in place. */
        DONE
    }

    /** Fraction of the file read, 0 to 1. */
    public double fraction() {
        return totalBytes <= 0 ? 0 : Math.min(1.0, (double) bytesRead / totalBytes);
    }

    public long totalRows() {
        return rowsPerTable.values().stream().mapToLong(Long::longValue).sum();
    }
}
