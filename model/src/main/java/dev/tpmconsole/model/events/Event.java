package dev.tpmconsole.model.events;

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
 * @param message  one line for a person
 * @param details  more (a stack trace, the rows of a failure), or null
 */
public record Event(Instant time, Level level, String category, String message, String details) {

    /** How much an event matters. */
    public enum Level { INFO, WARNING, ERROR }

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    public Event {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(level, "level");
        category = category == null || category.isBlank() ? "app" : category;
        message = message == null ? "" : message.strip();
        details = details == null || details.isBlank() ? null : details.stripTrailing();
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
