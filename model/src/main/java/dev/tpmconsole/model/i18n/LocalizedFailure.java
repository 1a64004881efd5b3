package dev.tpmconsole.model.i18n;

/**
 * A failure that carries its text as a {@link Message}: its {@code getMessage()} is the English text, its
 * {@code getLocalizedMessage()} the text in the process's current language. {@link LocalizedException} is the
 * unchecked one, {@link LocalizedCheckedException} the checked one; failures that keep their own superclass
 * ({@link LocalizedIOException}, an {@code IllegalArgumentException}) implement this interface.
 */
public interface LocalizedFailure {

    /** The failure's text, rendered when shown. */
    Message message();
}
