package dev.tpmconsole.app.commands;

import dev.tpmconsole.model.source.JdbcUrls;
import dev.tpmconsole.model.source.OpenOptions;
import dev.tpmconsole.model.source.Source;
import dev.tpmconsole.model.source.SourceException;
import dev.tpmconsole.model.source.Sources;
import java.io.Console;

/**
 * Opens a command's source; for a live database without a password in the URL or in
 * {@code TPM_CONSOLE_DB_PASSWORD}, asks for it on the terminal (not echoed, never stored).
 */
final class CliSources {

    private CliSources() {
    }

    static Source open(String spec, OpenOptions options) throws SourceException {
        return Sources.open(spec, options, () -> {
            Console console = System.console();
            if (console == null) {
                return null;
            }
            char[] typed = console.readPassword("Password for %s: ", JdbcUrls.withoutPassword(spec));
            return typed == null || typed.length == 0 ? null : new String(typed);
        });
    }
}
