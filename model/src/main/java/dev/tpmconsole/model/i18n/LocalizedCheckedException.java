package dev.tpmconsole.model.i18n;

/**
 * A checked failure a person reads, whose text is a {@link Message}: {@link #getMessage()} is English (what logs,
 * journals and JSON hold), {@link #getLocalizedMessage()} the process's current language. The checked counterpart
 * of {@link LocalizedException}, for the failures a caller must handle (a source that cannot be opened, a plan that
 * cannot be made, a refused run, a catalogue that cannot be used).
 */
public class LocalizedCheckedException extends Exception implements LocalizedFailure {

    private static final long serialVersionUID = 1L;
    private final transient Message message;

    public LocalizedCheckedException(Message message) {
        this(message, null);
    }

    public LocalizedCheckedException(Message message, Throwable cause) {
        this(message.english(), message, cause);
    }

    /** For a failure whose English text says more than its message (a refused run's problems). */
    protected LocalizedCheckedException(String english, Message message, Throwable cause) {
        super(english, cause);
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
}
