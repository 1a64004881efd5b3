package dev.tpmconsole.model.pipeline;

import dev.tpmconsole.model.i18n.LocalizedCheckedException;
import dev.tpmconsole.model.i18n.LocalizedException;
import dev.tpmconsole.model.i18n.Message;
import dev.tpmconsole.model.i18n.Messages;
import java.util.List;

/**
 * A run refused before any change (a stale plan, a plan this console cannot apply); nothing was written. The
 * message and the problems are English in {@link #getMessage()} and {@link #problems()}, in the process's current
 * language in {@link #getLocalizedMessage()}.
 */
public class RefusedException extends LocalizedCheckedException {

    private final transient List<Message> problems;

    /** Texts with no translation. */
    public RefusedException(String message, List<String> problems) {
        this(LocalizedException.verbatim(message), problems.stream().map(LocalizedException::verbatim).toList());
    }

    public RefusedException(Message message, List<Message> problems) {
        super(text(Messages.english(), message, problems), message, null);
        this.problems = List.copyOf(problems);
    }

    public RefusedException(Message message) {
        this(message, List.of());
    }

    /** The problems, in English. */
    public List<String> problems() {
        return problems.stream().map(Message::english).toList();
    }

    /** The problems, to show in the reader's language. */
    public List<Message> problemMessages() {
        return problems;
    }

    /** The headline and the problems, in the process's current language ({@link #message()}: the headline alone). */
    @Override
    public String getLocalizedMessage() {
        return text(Messages.current(), message(), problems);
    }

    private static String text(Messages m, Message message, List<Message> problems) {
        return m.format(message) + (problems.isEmpty() ? ""
                : ":\n  " + String.join("\n  ", problems.stream().map(m::format).toList()));
    }
}
