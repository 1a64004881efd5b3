package dev.tpmconsole.app.commands;

import dev.tpmconsole.model.i18n.Language;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code --lang en|zh_CN}, on every command: the language of what the command says to a person and of its help
 * (default: the desktop's, from LC_ALL, LC_MESSAGES or LANG). JSON, CSV, journals, plans and exit codes are the
 * same in every language. The command line reads it before picocli does ({@code TpmConsoleCommand}), so that the
 * help is already in that language; this option makes it known to picocli, checked and listed in the help.
 */
public final class LanguageOption {

    @Option(names = "--lang", paramLabel = "LANG", converter = Converter.class)
    Language language;

    /** The language given, or null. */
    public Language language() {
        return language;
    }

    /** {@link Language#of}: a tag that is neither language is a usage error naming the two. */
    public static final class Converter implements CommandLine.ITypeConverter<Language> {
        @Override
        public Language convert(String value) {
            try {
                return Language.of(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(dev.tpmconsole.model.i18n.Messages.text(
                        "cli.lang.unknown", value));
            }
        }
    }
}
