package dev.tpmconsole.model.ssh;

import dev.tpmconsole.model.i18n.LocalizedException;
import dev.tpmconsole.model.i18n.LocalizedFailure;
import dev.tpmconsole.model.i18n.Message;
import java.io.IOException;
import java.nio.file.Path;

/** An OpenSSH client configuration or known_hosts file that cannot be used: the file, the line and why. */
public final class SshConfigException extends IOException implements LocalizedFailure {

    private final Path file;
    private final int line;
    private final transient Message message;

    /** A reason with no translation. */
    public SshConfigException(Path file, int line, String reason) {
        this(file, line, LocalizedException.verbatim(reason));
    }

    public SshConfigException(Path file, int line, Message reason) {
        this(line > 0 ? Message.of("ssh.config.line", file, line, reason) : Message.of("ssh.config.file", file, reason),
                file, line);
    }

    private SshConfigException(Message message, Path file, int line) {
        super(message.english());
        this.file = file;
        this.line = line;
        this.message = message;
    }

    @Override
    public Message message() {
        return message;
    }

    /** In the process's current language. */
    @Override
    public String getLocalizedMessage() {
        return message.toString();
    }

    public Path file() {
        return file;
    }

    /** The line (from 1), or 0 when the file as a whole is the problem. */
    public int line() {
        return line;
    }
}
