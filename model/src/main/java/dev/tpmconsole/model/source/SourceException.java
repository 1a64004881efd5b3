package dev.tpmconsole.model.source;

import dev.tpmconsole.model.i18n.LocalizedCheckedException;
import dev.tpmconsole.model.i18n.LocalizedException;
import dev.tpmconsole.model.i18n.Message;

/**
 * A source that cannot be opened or read, with a message meant for the person who named it: {@link #getMessage()}
 * in English, {@link #getLocalizedMessage()} in the process's current language. Whenever this is thrown, nothing
 * has been written anywhere.
 */
public class SourceException extends LocalizedCheckedException {

    /** Why a source was refused; the command line maps every reason to exit status 1. */
    public enum Reason {
        NOT_FOUND, NOT_A_FILE, UNREADABLE, NOT_SQLITE, NOT_ZSTACK, TRUNCATED, CORRUPT, LOCKED, READ_ONLY,
        CONNECTION_FAILED, UNSUPPORTED, CANCELLED
    }

    private final Reason reason;

    public SourceException(Reason reason, Message message) {
        this(reason, message, null);
    }

    public SourceException(Reason reason, Message message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** A message with no translation (a library's words): the same in every language. */
    public SourceException(Reason reason, String message) {
        this(reason, LocalizedException.verbatim(message));
    }

    /** A message with no translation (a library's words): the same in every language. */
    public SourceException(Reason reason, String message, Throwable cause) {
        this(reason, LocalizedException.verbatim(message), cause);
    }

    public Reason reason() {
        return reason;
    }
}
