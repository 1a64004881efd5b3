package dev.tpmconsole.model.dump;

/**
 * How to import a dump.
 *
 * @param overwrite replace the snapshot file if it exists (it is replaced only once the new one is complete)
 * @param database  the database whose tables to import when the dump holds several ({@code USE name}), or
 *                  null to take the one database that has ZStack's tables
 */
public record ImportOptions(boolean overwrite, String database) {

    public static ImportOptions defaults() {
        return new ImportOptions(false, null);
    }
}
