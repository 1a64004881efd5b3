package dev.tpmconsole.model.pipeline;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A run cannot keep its record: the journal or the quarantine bundle cannot be written (a full disk, a
 * folder gone), or the database cannot be written at all (its disk is full). The run stops before the next
 * item; what was done stays done and is consistent, and {@code apply --resume} finishes it once the cause is
 * gone.
 */
public final class RunStorageException extends IOException {

    private final Path file;

    public RunStorageException(String what, Path file, Throwable cause) {
        super(what + (file == null ? "" : " " + file) + ": " + reason(cause), cause);
        this.file = file;
    }

    /** SQLite's SQLITE_FULL; MariaDB's "table is full" and "disk full". */
    static boolean diskFull(Throwable e) {
        return e instanceof java.sql.SQLException sql && (sql.getErrorCode() == 13
                && String.valueOf(sql.getMessage()).contains("SQLITE_FULL") || sql.getErrorCode() == 1114
                || sql.getErrorCode() == 1021);
    }

    /** The file that could not be written, or null for the database. */
    public Path file() {
        return file;
    }

    static String reason(Throwable cause) {
        if (diskFull(cause)) {
            return "no space left on its disk (" + (cause.getMessage().contains("SQLITE_FULL") ? "SQLITE_FULL"
                    : "error " + ((java.sql.SQLException) cause).getErrorCode()) + ")";
        }
        String m = cause.getMessage();
        if (cause instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            m = f.getReason();
        }
        return m == null || m.isBlank() ? cause.getClass().getSimpleName() : m.strip().lines().findFirst().orElse(m);
    }
}
