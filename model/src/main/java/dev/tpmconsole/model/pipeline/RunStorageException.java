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
        super(what + (file == null ? "" : " " + file) + ": " + dev.tpmconsole.model.util.Causes.reason(cause), cause);
        this.file = file;
    }


    /** The file that could not be written, or null for the database. */
    public Path file() {
        return file;
    }

}
