package dev.tpmconsole.model.dump;

import dev.tpmconsole.model.source.SourceException;

/** What is wrong with a dump, said for the person who named it (the path is added by the importer). */
class DumpFormatException extends Exception {

    private final SourceException.Reason reason;

    DumpFormatException(SourceException.Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    DumpFormatException(SourceException.Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    SourceException.Reason reason() {
        return reason;
    }

    static DumpFormatException truncated(String message) {
        return new DumpFormatException(SourceException.Reason.TRUNCATED, message);
    }

    static DumpFormatException notADump(String message) {
        return new DumpFormatException(SourceException.Reason.UNSUPPORTED, message);
    }
}
