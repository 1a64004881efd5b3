package dev.tpmconsole.model.events;

import dev.tpmconsole.model.i18n.Message;
import dev.tpmconsole.model.i18n.Messages;
import dev.tpmconsole.model.util.Texts;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * One thing the console did or ran into: opened a source, ran an audit, deleted rows, failed to save the
 * preferences, caught an error nobody handled.
 *
 * @param time     when
 * @param level    how much it matters
 * @param category what part of the console: source, audit, preview, run, repair, import, preferences, app
 * @param message  one line for a person, in English (what the log file holds)
 * @param details  more (a stack trace, the rows of a failure), or null
 * @param text     the same line to show in the reader's language ({@link #shown()}), or null when the event was
 *                 logged as plain text
 */
public record Event(Instant time, Level level, String category, String message, String details, Message text) {

    /** How much an event matters. */
    public enum Level implements Messages.Localized {
        INFO, WARNING, ERROR;

        /** The level for a person, in the language being read ({@code events.level.<NAME>}). */
        @Override
        public Message message() {
            return Message.of("events.level." + name());
        }
    }

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    public Event {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(level, "level");
        category = category == null || category.isBlank() ? "app" : category;
        message = message == null ? (text == null ? "" : text.english().strip()) : message.strip();
        details = details == null || details.isBlank() ? null : details.stripTrailing();
    }

    /** An event logged as plain text (shown as it is in every language). */
    public Event(Instant time, Level level, String category, String message, String details) {
        this(time, level, category, message, details, null);
    }

    /** An event whose line is a message: English in the file, the reader's language when shown. */
    public Event(Instant time, Level level, String category, Message text, String details) {
        this(time, level, category, null, details, text);
    }

    /** The line in the process's current language: what the event log window and the command line show. */
    public String shown() {
        return text == null ? message : text.toString().strip();
    }

    /** The time in the machine's zone, to the second, as the event log window and the file show it. */
    public String localTime() {
        return LOCAL.format(time);
    }

    /**
     * The event as text: one line (local time, level, category, message), then the details indented by
     * four spaces. What Copy puts on the clipboard and what the log file holds; control characters (from the
     * database, in a message) are escaped, so that reading the file in a terminal never acts on them.
     */
    public String toText() {
        StringBuilder b = new StringBuilder()
                .append(localTime()).append("  ").append(String.format("%-7s", level)).append(' ')
                .append(String.format("%-11s", category)).append(' ').append(Texts.escaped(message));
        if (details != null) {
            details.lines().forEach(l -> b.append("\n    ").append(Texts.escaped(l)));
        }
        return b.toString();
    }
}
