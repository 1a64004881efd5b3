package dev.tpmconsole.model.dump;

import dev.tpmconsole.model.i18n.LocalizedException;
import dev.tpmconsole.model.i18n.Message;
import dev.tpmconsole.model.source.SourceException;

/**
 * What is wrong with a dump, said for the person who named it (the path is added by the importer). The message
 * is one line whatever the dump holds: control characters taken from it are shown escaped.
 */
class DumpFormatException extends Exception {

    private final SourceException.Reason reason;
    private final transient Message message;

    DumpFormatException(SourceException.Reason reason, String message) {
        this(reason, message, null);
    }

    DumpFormatException(SourceException.Reason reason, String message, Throwable cause) {
        super(oneLine(message), cause);
        this.reason = reason;
        this.message = LocalizedException.verbatim(getMessage());
    }

    /** A message from the bundle; its arguments taken from the dump are to be one line already. */
    DumpFormatException(SourceException.Reason reason, Message message) {
        super(oneLine(message.english()));
        this.reason = reason;
        this.message = message;
    }

    SourceException.Reason reason() {
        return reason;
    }

    /** What is wrong, to be shown in the reader's language (the words of the reader are English). */
    Message message() {
        return message;
    }

    static DumpFormatException truncated(String message) {
        return new DumpFormatException(SourceException.Reason.TRUNCATED, message);
    }

    static DumpFormatException truncated(Message message) {
        return new DumpFormatException(SourceException.Reason.TRUNCATED, message);
    }

    static DumpFormatException notADump(String message) {
        return new DumpFormatException(SourceException.Reason.UNSUPPORTED, message);
    }

    static DumpFormatException notADump(Message message) {
        return new DumpFormatException(SourceException.Reason.UNSUPPORTED, message);
    }

    /** {@code text} with its control characters (line breaks among them) written as escapes. */
    static String oneLine(String text) {
        if (text == null || text.chars().noneMatch(DumpFormatException::isControl)) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        text.chars().forEach(c -> {
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> sb.append(isControl(c) ? String.format("\\x%02x", c) : String.valueOf((char) c));
            }
        });
        return sb.toString();
    }

    private static boolean isControl(int c) {
        return c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0x2028 || c == 0x2029;
    }
}
