package dev.tpmconsole.model.ssh;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.List;
import org.apache.sshd.agent.SshAgent;
import org.apache.sshd.agent.SshAgentFactory;
import org.apache.sshd.agent.SshAgentServer;
import org.apache.sshd.agent.common.AbstractAgentProxy;
import org.apache.sshd.common.FactoryManager;
import org.apache.sshd.common.channel.ChannelFactory;
import org.apache.sshd.common.session.ConnectionService;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;

/**
 * The ssh-agent at {@code SSH_AUTH_SOCK}, reached with Java's own UNIX-domain socket channel (no native library):
 * MINA SSHD's agent proxy encodes and decodes the agent protocol, this class only carries its messages. Keys
 * stay in the agent; the console asks it to sign.
 */
final class UnixAgent extends AbstractAgentProxy {

    /** The agent protocol's messages are small; a larger length means a broken peer. */
    private static final int MAX_MESSAGE = 256 * 1024;

    private final SocketChannel channel;
    private final Selector selector;
    private final Duration timeout;

    private UnixAgent(SocketChannel channel, Selector selector, Duration timeout) {
        super(null);
        this.channel = channel;
        this.selector = selector;
        this.timeout = timeout;
    }

    static UnixAgent connect(String socket, Duration timeout) throws IOException {
        SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            ch.connect(UnixDomainSocketAddress.of(socket));
            ch.configureBlocking(false);
            Selector selector = Selector.open();
            ch.register(selector, SelectionKey.OP_READ);
            return new UnixAgent(ch, selector, timeout);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw new IOException("cannot reach the ssh-agent at " + socket + ": " + e.getMessage(), e);
        }
    }

    @Override
    protected synchronized Buffer request(Buffer buffer) throws IOException {
        ByteBuffer out = ByteBuffer.wrap(buffer.array(), buffer.rpos(), buffer.available());
        while (out.hasRemaining()) {
            if (channel.write(out) == 0) {
                Thread.onSpinWait();
            }
        }
        ByteBuffer length = ByteBuffer.allocate(4);
        read(length);
        int n = length.flip().getInt();
        if (n < 0 || n > MAX_MESSAGE) {
            throw new IOException("the ssh-agent answered a message of " + n + " bytes");
        }
        ByteBuffer body = ByteBuffer.allocate(n);
        read(body);
        return new ByteArrayBuffer(body.array());
    }

    private void read(ByteBuffer into) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (into.hasRemaining()) {
            int n = channel.read(into);
            if (n < 0) {
                throw new IOException("the ssh-agent closed the connection");
            }
            if (n == 0) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    throw new IOException("the ssh-agent did not answer in " + timeout.toSeconds() + " s");
                }
                selector.select(left);
                selector.selectedKeys().clear();
            }
        }
    }

    @Override
    public boolean isOpen() {
        return channel.isOpen();
    }

    @Override
    public void close() throws IOException {
        try {
            selector.close();
        } finally {
            channel.close();
        }
    }

    /** Gives MINA SSHD's public-key authentication the agent at {@code socket}, one connection per session. */
    static SshAgentFactory factory(String socket, Duration timeout) {
        return new SshAgentFactory() {
            @Override
            public List<ChannelFactory> getChannelForwardingFactories(FactoryManager manager) {
                return List.of(); // agent forwarding is never offered to a host
            }

            @Override
            public SshAgent createClient(Session session, FactoryManager manager) throws IOException {
                return connect(socket, timeout);
            }

            @Override
            public SshAgentServer createServer(ConnectionService service) {
                throw new UnsupportedOperationException("the console never serves an agent");
            }
        };
    }
}
