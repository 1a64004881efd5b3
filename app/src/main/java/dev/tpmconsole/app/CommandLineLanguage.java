package dev.tpmconsole.app;

import dev.tpmconsole.model.i18n.Language;
import java.util.Optional;

/**
 * The language given with {@code --lang} on the command line that started this process, if any: the window
 * uses it instead of the preference for this start (the preference itself does not change).
 */
public final class CommandLineLanguage {

    private static volatile Language given;

    private CommandLineLanguage() {
    }

    /** The {@code --lang} of the command being run; empty when it was not given. */
    public static Optional<Language> given() {
        return Optional.ofNullable(given);
    }

    static void set(Language language) {
        given = language;
    }
}
