package dev.tpmconsole.model.i18n;

/**
 * A failure that carries its text as a {@link Message}: its {@code getMessage()} is the English text, its
 * {@code getLocalizedMessage()} the text in the process's current language. {@link LocalizedException} is the
 * unchecked one; checked failures that keep their own superclass implement this interface.
 */
public interface LocalizedFailure {

    /** The failure's text, rendered when shown. */
    Message message();
}
