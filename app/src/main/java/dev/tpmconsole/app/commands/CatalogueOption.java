package dev.tpmconsole.app.commands;

import dev.tpmconsole.app.AppDirs;
import dev.tpmconsole.model.catalogue.Catalogue;
import dev.tpmconsole.model.i18n.Messages;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code --catalogue FILE} and {@code --no-catalogue}, on every command (docs/catalogue.md). Commands that
 * neither read nor write the catalogue accept them too, so that a script can pass them to any command.
 */
public final class CatalogueOption {

    /** The environment variable that names the catalogue file when {@code --catalogue} does not. */
    public static final String VARIABLE = "TPM_CONSOLE_CATALOGUE";

    @Option(names = "--catalogue", paramLabel = "FILE")
    Path file;

    @Option(names = "--no-catalogue")
    boolean none;

    /** The catalogue file to use, or null with {@code --no-catalogue}. */
    public Path file(CommandLine.Model.CommandSpec spec) {
        if (none && file != null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    Messages.text("cli.catalogue.both"));
        }
        if (none) {
            return null;
        }
        if (file != null) {
            return file;
        }
        String env = System.getenv(VARIABLE);
        return env != null && !env.isBlank() ? Path.of(env) : AppDirs.dataDir().resolve(Catalogue.FILE_NAME);
    }
}
