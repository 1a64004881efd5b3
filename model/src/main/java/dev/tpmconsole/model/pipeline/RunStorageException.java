package dev.tpmconsole.model.pipeline;

import dev.tpmconsole.model.i18n.LocalizedFailure;
import dev.tpmconsole.model.i18n.Message;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A run cannot keep its record: the journal or the quarantine bundle cannot be written (a full disk, a
 * folder gone), or the database cannot be written at all (its disk is full). The run stops before the next
 * item; what was done stays done and is consistent, and {@code apply --resume} finishes it once the cause is
 * gone.
 */
public final class RunStorageException extends IOException implements LocalizedFailure {

    private final Path file;
    private final transient Message message;

    /** @param what what could not be written: {@code run.storage.journal}, {@code .database}, {@code .quarantine} */
    public RunStorageException(Message what, Path file, Throwable cause) {
        this(file, cause, file == null ? Message.of("run.storage", what, dev.tpmconsole.model.util.Causes.message(cause))
                : Message.of("run.storage.file", what, file, dev.tpmconsole.model.util.Causes.message(cause)));
    }

    private RunStorageException(Path file, Throwable cause, Message message) {
        super(message.english(), cause);
        this.file = file;
        this.message = message;
    }

    @Override
    public Message message() {
        return message;
    }

    /** In the process's current language. */
    @Override
    public String getLocalizedMessage() {
        return message.toString();
    }


    /** The file that could not be written, or null for the database. */
    public Path file() {
        return file;
    }

}
