package dev.tpmconsole.app.commands;

import dev.tpmconsole.model.hosts.HostScanner;
import dev.tpmconsole.model.hosts.SshHostMover;
import dev.tpmconsole.model.pipeline.HostMover;
import dev.tpmconsole.model.pipeline.Runs;
import dev.tpmconsole.model.source.Source;
import dev.tpmconsole.model.source.SourceException;
import dev.tpmconsole.model.ssh.SshHosts;

/**
 * Host work over SSH for {@code apply} and {@code undo}: one SSH client for the command (the OpenSSH files of the
 * SSH options, checked before anything changes; passphrases asked on the terminal), a mover per run. The demo
 * snapshot is refused: its hosts do not exist.
 */
final class HostWorkOverSsh implements Runs.HostWork, AutoCloseable {

    private final SshHosts ssh;
    private final int parallelism;

    private HostWorkOverSsh(SshHosts ssh, int parallelism) {
        this.ssh = ssh;
        this.parallelism = parallelism;
    }

    static HostWorkOverSsh open(Source source, SshOptions options, int parallelism) throws SourceException {
        HostScanner.refuseDemo(source);
        return new HostWorkOverSsh((options != null ? options : new SshOptions()).hosts(), parallelism);
    }

    @Override
    public HostMover moverFor(String runId) {
        return new SshHostMover(ssh, runId, parallelism);
    }

    @Override
    public void close() {
        ssh.close();
    }
}
