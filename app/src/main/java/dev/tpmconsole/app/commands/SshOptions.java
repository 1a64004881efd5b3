package dev.tpmconsole.app.commands;

import dev.tpmconsole.model.i18n.Messages;
import dev.tpmconsole.model.source.SourceException;
import dev.tpmconsole.model.ssh.SshConfigException;
import dev.tpmconsole.model.ssh.SshHosts;
import dev.tpmconsole.model.ssh.SshPrompts;
import dev.tpmconsole.model.ssh.SshSettings;
import java.io.Console;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * The SSH options of every command that reaches a host or a database through SSH (docs/hosts.md, "Reaching a
 * host"): the OpenSSH files, new host keys, the time-outs and {@code --ssh-tunnel}. Passphrases are asked on the
 * terminal without echo; without a terminal an encrypted key is skipped. Unknown host keys are never asked on
 * the command line: refused, or added with {@code --accept-new-host-keys}.
 */
public final class SshOptions {

    @Option(names = "--ssh-tunnel", paramLabel = "ALIAS")
    String tunnel;

    @Option(names = "--ssh-config", paramLabel = "FILE")
    Path config;

    @Option(names = "--known-hosts", paramLabel = "FILE")
    Path knownHosts;

    @Option(names = "--accept-new-host-keys")
    boolean acceptNewHostKeys;

    @Option(names = "--connect-timeout", paramLabel = "SECONDS", defaultValue = "10")
    int connectTimeout = 10;

    @Option(names = "--read-timeout", paramLabel = "SECONDS", defaultValue = "30")
    int readTimeout = 30;

    SshSettings settings() {
        SshSettings s = SshSettings.defaults();
        if (config != null) {
            s = s.withConfig(config);
        }
        if (knownHosts != null) {
            s = s.withKnownHosts(knownHosts);
        }
        return s.withAcceptNewHostKeys(acceptNewHostKeys).withTimeouts(Duration.ofSeconds(Math.max(1, connectTimeout)),
                Duration.ofSeconds(Math.max(1, readTimeout)));
    }

    /**
     * The SSH client of a command that reaches the hosts, with these options and passphrases asked on the terminal;
     * an OpenSSH file that cannot be read is the source's failure (exit 1), as every such command says it.
     */
    SshHosts hosts() throws SourceException {
        try {
            return new SshHosts(settings(), terminal());
        } catch (SshConfigException e) {
            throw new SourceException(SourceException.Reason.UNSUPPORTED,
                    Messages.text("cli.ssh.badConfiguration", e.getLocalizedMessage()), e);
        }
    }

    /** Passphrases on the terminal (not echoed, never stored); unknown host keys refused. */
    static SshPrompts terminal() {
        return new SshPrompts() {
            @Override
            public synchronized char[] passphrase(String keyFile, int attempt) {
                Console console = System.console();
                if (console == null) {
                    return null;
                }
                return console.readPassword("%s", Messages.text(attempt > 1 ? "cli.ssh.passphraseAgain" : "cli.ssh.passphrase",
                        keyFile));
            }
        };
    }
}
