package dev.tpmconsole.model.ssh;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.client.session.forward.ExplicitPortForwardingTracker;
import org.apache.sshd.common.session.SessionHeartbeatController;
import org.apache.sshd.common.util.net.SshdSocketAddress;
import org.apache.sshd.sftp.client.SftpClientFactory;

/**
 * An authenticated SSH connection to one host (and the jump hosts under it): SFTP sessions on it, and local
 * port forwards through it. Closing it closes them all.
 */
public final class SshConnection implements AutoCloseable {

    private final SshHosts hosts;
    private final SshConfig.Target target;
    private final ClientSession session;
    private final List<AutoCloseable> underneath;

    SshConnection(SshHosts hosts, SshConfig.Target target, ClientSession session, List<AutoCloseable> underneath) {
        this.hosts = hosts;
        this.target = target;
        this.session = session;
        this.underneath = List.copyOf(underneath);
    }

    /** Where the alias led. */
    public SshConfig.Target target() {
        return target;
    }

    ClientSession session() {
        return session;
    }

    List<AutoCloseable> underneath() {
        return underneath;
    }

    /** An SFTP session on the host. */
    public RemoteFiles files() throws SshFailure {
        try {
            return new RemoteFiles(SftpClientFactory.instance().createSftpClient(session), target.alias(),
                    hosts.settings().readTimeout());
        } catch (IOException e) {
            throw new SshFailure(SshFailure.Reason.PROTOCOL, target.alias() + " offers no SFTP (" + e.getMessage() + ")",
                    null, e);
        }
    }

    /**
     * A port on this machine's loopback that leads, through the host, to {@code host:port} as the host sees it
     * ({@code ssh -L}); the host keeps the connection alive while the forward is open.
     */
    public LocalForward forward(String host, int port) throws SshFailure {
        try {
            ExplicitPortForwardingTracker t = session.createLocalPortForwardingTracker(
                    new SshdSocketAddress("127.0.0.1", 0), new SshdSocketAddress(host, port));
            session.setSessionHeartbeat(SessionHeartbeatController.HeartbeatType.IGNORE, java.time.Duration.ofSeconds(30));
            SshdSocketAddress bound = t.getBoundAddress();
            return new LocalForward(new InetSocketAddress("127.0.0.1", bound.getPort()), t);
        } catch (IOException e) {
            throw new SshFailure(SshFailure.Reason.PROTOCOL, target.alias() + " does not forward to " + host + ":" + port
                    + " (" + e.getMessage() + ")", null, e);
        }
    }

    /** A local port forward; closing it stops listening. */
    public static final class LocalForward implements AutoCloseable {
        private final InetSocketAddress address;
        private final ExplicitPortForwardingTracker tracker;

        LocalForward(InetSocketAddress address, ExplicitPortForwardingTracker tracker) {
            this.address = address;
            this.tracker = tracker;
        }

        /** Where to connect on this machine: 127.0.0.1 and the port bound. */
        public InetSocketAddress address() {
            return address;
        }

        @Override
        public void close() {
            try {
                tracker.close();
            } catch (IOException ignored) {
                // the session's close ends it anyway
            }
        }
    }

    @Override
    public void close() {
        session.close(true);
        SshHosts.closeAll(underneath);
    }
}
