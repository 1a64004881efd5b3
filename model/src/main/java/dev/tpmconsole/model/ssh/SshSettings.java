package dev.tpmconsole.model.ssh;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * How hosts are reached by SSH (docs/hosts.md, "Reaching a host"): the OpenSSH client configuration and known_hosts
 * files, the folder of the default identities, the ssh-agent's socket, and the time-outs.
 *
 * @param config            the OpenSSH client configuration ({@code ~/.ssh/config}); a missing file is an empty one
 * @param knownHosts        the known_hosts file ({@code ~/.ssh/known_hosts}); a missing file knows no host
 * @param acceptNewHostKeys append an unknown host's key to {@code knownHosts} instead of refusing it (a changed
 *                          key is always refused)
 * @param sshDir            where the default identities are ({@code id_ed25519}, {@code id_ecdsa}, {@code id_rsa}),
 *                          used when the configuration names no IdentityFile
 * @param agentSocket       the ssh-agent's socket ({@code SSH_AUTH_SOCK}), or null; {@code IdentityAgent} in the
 *                          configuration overrides it ({@code none} turns the agent off)
 * @param connectTimeout    how long a TCP connection may take
 * @param readTimeout       how long the server may take to answer (key exchange, authentication, each SFTP request)
 * @param mayConnect        which addresses a connection may be opened to (tests and benchmarks: loopback only)
 */
public record SshSettings(Path config, Path knownHosts, boolean acceptNewHostKeys, Path sshDir, String agentSocket,
                          Duration connectTimeout, Duration readTimeout, Predicate<InetSocketAddress> mayConnect) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);

    public SshSettings {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(knownHosts, "knownHosts");
        Objects.requireNonNull(sshDir, "sshDir");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        mayConnect = mayConnect == null ? a -> true : mayConnect;
    }

    /** The person's own setup: {@code ~/.ssh/config}, {@code ~/.ssh/known_hosts}, {@code SSH_AUTH_SOCK}. */
    public static SshSettings defaults() {
        Path dir = Path.of(System.getProperty("user.home"), ".ssh");
        String agent = System.getenv("SSH_AUTH_SOCK");
        return new SshSettings(dir.resolve("config"), dir.resolve("known_hosts"), false, dir,
                agent == null || agent.isBlank() ? null : agent, DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT, null);
    }

    public SshSettings withConfig(Path file) {
        return new SshSettings(file, knownHosts, acceptNewHostKeys, sshDir, agentSocket, connectTimeout, readTimeout,
                mayConnect);
    }

    public SshSettings withKnownHosts(Path file) {
        return new SshSettings(config, file, acceptNewHostKeys, sshDir, agentSocket, connectTimeout, readTimeout,
                mayConnect);
    }

    public SshSettings withAcceptNewHostKeys(boolean accept) {
        return new SshSettings(config, knownHosts, accept, sshDir, agentSocket, connectTimeout, readTimeout, mayConnect);
    }

    public SshSettings withTimeouts(Duration connect, Duration read) {
        return new SshSettings(config, knownHosts, acceptNewHostKeys, sshDir, agentSocket, connect, read, mayConnect);
    }

    public SshSettings withAgentSocket(String socket) {
        return new SshSettings(config, knownHosts, acceptNewHostKeys, sshDir, socket, connectTimeout, readTimeout,
                mayConnect);
    }

    public SshSettings withSshDir(Path dir) {
        return new SshSettings(config, knownHosts, acceptNewHostKeys, dir, agentSocket, connectTimeout, readTimeout,
                mayConnect);
    }

    /** Only connections to addresses {@code allowed} accepts are opened (the others fail as refused). */
    public SshSettings withMayConnect(Predicate<InetSocketAddress> allowed) {
        return new SshSettings(config, knownHosts, acceptNewHostKeys, sshDir, agentSocket, connectTimeout, readTimeout,
                allowed);
    }

    /** Loopback only (127.0.0.0/8 and ::1): what tests and benchmarks may connect to. */
    public static boolean loopback(InetSocketAddress address) {
        return address.getAddress() != null && address.getAddress().isLoopbackAddress();
    }
}
