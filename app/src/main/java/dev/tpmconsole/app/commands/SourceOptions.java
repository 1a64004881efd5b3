package dev.tpmconsole.app.commands;

import dev.tpmconsole.model.source.OpenOptions;
import dev.tpmconsole.model.source.Source;
import dev.tpmconsole.model.source.SourceException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * SOURCE, for a command that reads it without changing it, and its options: how to reach it ({@link SshOptions}),
 * and {@code --catalogue} / {@code --no-catalogue}, which every command accepts, those that do not use the
 * catalogue too ({@link CatalogueOption}).
 */
final class SourceOptions {

    /**
     * Picocli gives it the position after the command's own positional parameters: 0, or 1 after plan's
     * OPERATION (its help is then the bundle's {@code tpm-console.plan.SOURCE[1]}).
     */
    @Parameters(paramLabel = "SOURCE")
    String source;

    @Mixin
    SshOptions ssh;

    @Mixin
    CatalogueOption catalogue;

    /** SOURCE opened read-only (a live database's password asked on the terminal, if needed). */
    Source openReadOnly() throws SourceException {
        return CliSources.open(source, OpenOptions.readOnly(), ssh);
    }
}
