package dev.tpmconsole.app.commands;

import dev.tpmconsole.model.source.OpenOptions;
import dev.tpmconsole.model.source.Source;
import dev.tpmconsole.model.source.SourceException;
import picocli.CommandLine.Mixin;

/**
 * The options of a command that reads SOURCE without changing it: how to reach it ({@link SshOptions}), and
 * {@code --catalogue} / {@code --no-catalogue}, which every command accepts, those that do not use the catalogue
 * too ({@link CatalogueOption}).
 */
final class SourceOptions {

    @Mixin
    SshOptions ssh;

    @Mixin
    CatalogueOption catalogue;

    /** SOURCE opened read-only (a live database's password asked on the terminal, if needed). */
    Source openReadOnly(String source) throws SourceException {
        return CliSources.open(source, OpenOptions.readOnly(), ssh);
    }
}
