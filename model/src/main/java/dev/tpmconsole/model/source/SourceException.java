package dev.tpmconsole.model.source;

/**
 * A source that cannot be opened or read, with a message meant for the person who named it. Whenever
 * this is thrown, nothing has been written anywhere.
 */
public class SourceException extends Exception {

    /** Why a source was refused; the command line maps every reason to exit status 1. */
    public enum Reason {
        NOT_FOUND, NOT_A_FILE, UNREADABLE, NOT_SQLITE, NOT_ZSTACK, TRUNCATED, CORRUPT, LOCKED, READ_ONLY,
        CONNECTION_FAILED, UNSUPPORTED, CANCELLED
    }

    private final Reason reason;

    public SourceException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public SourceException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
