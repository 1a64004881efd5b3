package dev.tpmconsole.model.ssh;

import java.io.IOException;
import java.nio.file.Path;

/** An OpenSSH client configuration or known_hosts file that cannot be used: the file, the line and why. */
public final class SshConfigException extends IOException {

    private final Path file;
    private final int line;

    public SshConfigException(Path file, int line, String reason) {
        super(file + (line > 0 ? ":" + line : "") + ": " + reason);
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
