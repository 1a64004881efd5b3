package dev.tpmconsole.app.commands;

import dev.tpmconsole.model.i18n.Message;
import dev.tpmconsole.model.i18n.Messages;
import dev.tpmconsole.model.source.JdbcUrls;
import dev.tpmconsole.model.source.OpenOptions;
import dev.tpmconsole.model.source.Source;
import dev.tpmconsole.model.source.SourceException;
import dev.tpmconsole.model.source.Sources;
import dev.tpmconsole.model.source.TunnelledSource;
import java.io.Console;
import java.util.function.Supplier;

/**
 * Opens a command's source; for a live database without a password in the URL or in
 * {@code TPM_CONSOLE_DB_PASSWORD}, asks for it on the terminal (not echoed, never stored). With
 * {@code --ssh-tunnel}, a {@code jdbc:} source is reached through SSH.
 */
final class CliSources {

    /**
     * What SOURCE is, in English, as the help of every command that takes one says it (one wording, so that none
     * says less): the help bundle's text for SOURCE.
     */
    static final String SOURCE_HELP = dev.tpmconsole.app.TpmConsoleCommand.helpBundle(
            dev.tpmconsole.model.i18n.Language.EN).getString("SOURCE[0]");

    private CliSources() {
    }

    static Source open(String spec, OpenOptions options) throws SourceException {
        return open(spec, options, null);
    }

    static Source open(String spec, OpenOptions options, SshOptions ssh) throws SourceException {
        String asked = spec;
        Supplier<String> ask = () -> {
            Console console = System.console();
            if (console == null) {
                return null;
            }
            char[] typed = console.readPassword("%s", Messages.text("cli.password", JdbcUrls.withoutPassword(asked)));
            return typed == null || typed.length == 0 ? null : new String(typed);
        };
        String tunnel = ssh == null ? null : ssh.tunnel;
        // a journal names a tunnelled database as "URL through ssh ALIAS": the same tunnel again
        java.util.regex.Matcher through = java.util.regex.Pattern.compile("^(jdbc:\\S+) through ssh (\\S+)$")
                .matcher(spec == null ? "" : spec);
        if (through.matches()) {
            spec = through.group(1);
            tunnel = tunnel != null ? tunnel : through.group(2);
        }
        if (tunnel != null) {
            if (spec == null || !spec.startsWith("jdbc:")) {
                throw new SourceException(SourceException.Reason.UNSUPPORTED,
                        Message.of("cli.source.tunnelNotJdbc"));
            }
            return TunnelledSource.open(spec, options, ask, (ssh != null ? ssh : new SshOptions()).settings(),
                    SshOptions.terminal(), tunnel);
        }
        return Sources.open(spec, options, ask);
    }
}
