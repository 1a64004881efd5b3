package dev.tpmconsole.model.pipeline;

import dev.tpmconsole.model.i18n.Message;
import java.nio.file.Path;

/**
 * A run cannot keep its record: the journal or the quarantine bundle cannot be written (a full disk, a
 * folder gone), or the database cannot be written at all (its disk is full). The run stops before the next
 * item; what was done stays done and is consistent, and {@code apply --resume} finishes it once the cause is
 * gone.
 */
public final class RunStorageException extends dev.tpmconsole.model.i18n.LocalizedIOException {

    private final Path file;

    /** @param what what could not be written: {@code run.storage.journal}, {@code .database}, {@code .quarantine} */
    public RunStorageException(Message what, Path file, Throwable cause) {
        this(file, cause, file == null ? Message.of("run.storage", what, dev.tpmconsole.model.util.Causes.message(cause))
                : Message.of("run.storage.file", what, file, dev.tpmconsole.model.util.Causes.message(cause)));
    }

    private RunStorageException(Path file, Throwable cause, Message message) {
        super(message, cause);
        this.file = file;
    }

    /** The file that could not be written, or null for the database. */
    public Path file() {
        return file;
    }

}
