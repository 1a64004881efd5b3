package dev.tpmconsole.model.i18n;

/**
 * A failure a person reads, whose text is a {@link Message}: {@link #getMessage()} is English (what logs,
 * journals and JSON hold), {@link #getLocalizedMessage()} the process's current language (what the command line
 * and the windows show). Checked failures extend {@link LocalizedCheckedException}; those that must keep their own
 * superclass (an {@code IOException}: {@link LocalizedIOException}) implement {@link LocalizedFailure} and override
 * {@code getLocalizedMessage()} the same way.
 */
public class LocalizedException extends RuntimeException implements LocalizedFailure {

    private final transient Message message;

    public LocalizedException(Message message) {
        this(message, null);
    }

    public LocalizedException(Message message, Throwable cause) {
        super(message.english(), cause);
        this.message = message;
    }

    public LocalizedException(String key, Object... args) {
        this(Message.of(key, args));
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

    /**
     * The text of any failure as a message: a {@link LocalizedFailure}'s own, or else the failure's message as it is
     * (words of a library or of the system, which have no translation) or its class's name.
     */
    public static Message messageOf(Throwable e) {
        if (e instanceof LocalizedFailure f && f.message() != null) {
            return f.message();
        }
        String m = e.getMessage();
        return verbatim(m == null || m.isBlank() ? e.getClass().getSimpleName() : m);
    }

    /** A text that has no translation (a library's or the system's words, a name): shown as it is in every language. */
    public static Message verbatim(String text) {
        return Message.of("text.verbatim", text);
    }
}
