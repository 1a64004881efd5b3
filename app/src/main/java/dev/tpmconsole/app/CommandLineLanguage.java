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

    /** A system property that chooses the language of this start, as {@code --lang} does (for launchers and tests). */
    public static final String PROPERTY = "tpm.console.lang";

    /** The language chosen for this start: {@link #PROPERTY}'s, else the command line's; empty for none. */
    static Optional<Language> forThisStart() {
        String tag = System.getProperty(PROPERTY);
        if (tag == null || tag.isBlank()) {
            return given();
        }
        try {
            return Optional.of(Language.of(tag));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    static void set(Language language) {
        given = language;
    }
}
