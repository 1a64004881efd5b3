package dev.tpmconsole.model.i18n;

import java.io.IOException;

/**
 * An {@link IOException} a person reads, whose text is a {@link Message}: {@link #getMessage()} in English,
 * {@link #getLocalizedMessage()} in the process's current language. For the callers that catch IOException.
 */
public class LocalizedIOException extends IOException implements LocalizedFailure {

    private final transient Message message;

    public LocalizedIOException(Message message, Throwable cause) {
        super(message.english(), cause);
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
