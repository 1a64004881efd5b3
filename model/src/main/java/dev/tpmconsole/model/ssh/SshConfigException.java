package dev.tpmconsole.model.ssh;

import dev.tpmconsole.model.i18n.LocalizedException;
import dev.tpmconsole.model.i18n.Message;
import java.nio.file.Path;

/** An OpenSSH client configuration or known_hosts file that cannot be used: the file, the line and why. */
public final class SshConfigException extends dev.tpmconsole.model.i18n.LocalizedIOException {

    private final Path file;
    private final int line;

    /** A reason with no translation. */
    public SshConfigException(Path file, int line, String reason) {
        this(file, line, LocalizedException.verbatim(reason));
    }

    public SshConfigException(Path file, int line, Message reason) {
        this(line > 0 ? Message.of("ssh.config.line", file, line, reason) : Message.of("ssh.config.file", file, reason),
                file, line);
    }

    private SshConfigException(Message message, Path file, int line) {
        super(message, null);
        this.file = file;
        this.line = line;
    }

    public Path file() {
        return file;
    }

    /** The line (from 1), or 0 when the file as a whole is the problem. */
    public int line() {
        return line;
    }
}
