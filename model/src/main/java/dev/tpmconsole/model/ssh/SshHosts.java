package dev.tpmconsole.model.ssh;

import dev.tpmconsole.model.i18n.Message;
import dev.tpmconsole.model.util.Texts;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.sshd.agent.SshAgent;
import org.apache.sshd.agent.SshAgentFactory;
import org.apache.sshd.agent.SshAgentKeyConstraint;
import org.apache.sshd.agent.SshAgentServer;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.auth.password.PasswordIdentityProvider;
import org.apache.sshd.client.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.future.AuthFuture;
import org.apache.sshd.client.future.ConnectFuture;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.FactoryManager;
import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.channel.ChannelFactory;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.common.session.ConnectionService;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionContext;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.common.signature.Signature;
import org.apache.sshd.common.util.net.SshdSocketAddress;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.forward.ForwardingFilter;
import org.apache.sshd.server.forward.RejectAllForwardingFilter;
import org.apache.sshd.sftp.SftpModuleProperties;

/**
 * Reaches hosts by SSH the way {@code ssh ALIAS} would (docs/hosts.md, "Reaching a host"): the alias's entry of the
 * OpenSSH client configuration ({@code HostName}, {@code Port}, {@code User}, {@code IdentityFile},
 * {@code ProxyJump}, {@code IdentityAgent}), host keys checked against known_hosts (an unknown key is refused
 * with its SHA256 fingerprint, or asked about, or added when new keys are accepted; a changed key is always
 * refused, naming the known_hosts line), public keys only (the ssh-agent's, then the identity files; never a
 * password, never keyboard-interactive). What is done on a host is done over SFTP ({@link RemoteFiles}); no
 * remote command is ever run. One instance serves many hosts at once (a scan reaches them in parallel) and
 * reads each key file once.
 *
 * <p>The configuration and known_hosts are read when the instance is made: a file that cannot be parsed is a
 * {@link SshConfigException} naming the file and line, before any host is tried.
 */
public final class SshHosts implements AutoCloseable {

    /** The default identities, in the order {@code ssh} tries them. */
    static final List<String> DEFAULT_IDENTITIES = List.of("id_ed25519", "id_ecdsa", "id_rsa");
    /** How many ProxyJump hops (jump hosts of jump hosts included) are followed. */
    private static final int MAX_HOPS = 8;

    private final SshSettings settings;
    private final SshPrompts prompts;
    private final SshConfig config;
    private final KnownHosts knownHosts;
    private final IdentityKeys identities;
    private final SshClient client;
    /** What each connection is for, by the address it connects to (a jump's forward has an address of its own). */
    private final Map<String, Connecting> connecting = new ConcurrentHashMap<>();
    private final Object trust = new Object();

    /** A connection under way: its target and, once known, why it failed. */
    private static final class Connecting {
        final SshConfig.Target target;
        volatile SshFailure failure;
        volatile boolean agentUsed;
        final java.util.Set<String> keyProblems = new java.util.LinkedHashSet<>();
        final java.util.Set<String> keysOffered = new java.util.LinkedHashSet<>();

        Connecting(SshConfig.Target target) {
            this.target = target;
        }
    }

    public SshHosts(SshSettings settings, SshPrompts prompts) throws SshConfigException {
        this.settings = settings;
        this.prompts = prompts == null ? SshPrompts.NONE : prompts;
        this.config = SshConfig.read(settings.config());
        this.knownHosts = KnownHosts.read(settings.knownHosts());
        this.identities = new IdentityKeys(this.prompts);
        this.client = SshClient.setUpDefaultClient();
        client.setUserAuthFactories(List.of(UserAuthPublicKeyFactory.INSTANCE));
        // Key exchange: the ML-KEM hybrid first (post-quantum, and quick), then curve25519, then the others MINA
        // offers (sntrup761 among them: its Java implementation costs about 100 ms of CPU per host, which a scan of
        // many hosts feels). Ciphers: AES-GCM first (the JDK's AES has CPU intrinsics), ChaCha20 after.
        client.setKeyExchangeFactories(prefer(client.getKeyExchangeFactories(),
                List.of("mlkem768x25519-sha256", "curve25519-sha256", "curve25519-sha256@libssh.org")));
        client.setCipherFactories(prefer(client.getCipherFactories(),
                List.of("aes128-gcm@openssh.com", "aes256-gcm@openssh.com", "aes128-ctr")));
        client.setPasswordIdentityProvider(PasswordIdentityProvider.EMPTY_PASSWORDS_PROVIDER);
        client.setUserInteraction(null);
        client.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
        client.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
        client.setServerKeyVerifier(this::verify);
        client.setAgentFactory(new Agents());
        client.setForwardingFilter(localForwardsOnly());
        // MINA's own limits a little later than the console's, so that the console's, which say what timed out, fire first
        Duration read = settings.readTimeout().plusSeconds(5);
        CoreModuleProperties.IO_CONNECT_TIMEOUT.set(client, settings.connectTimeout());
        CoreModuleProperties.AUTH_TIMEOUT.set(client, read);
        CoreModuleProperties.CHANNEL_OPEN_TIMEOUT.set(client, read);
        CoreModuleProperties.KEX_PROPOSAL_SETUP_TIMEOUT.set(client, read);
        // read time-outs are per request (RemoteFiles); a tunnel may be idle for long, kept alive by heartbeats
        CoreModuleProperties.IDLE_TIMEOUT.set(client, Duration.ZERO);
        CoreModuleProperties.NIO2_READ_TIMEOUT.set(client, Duration.ZERO);
        SftpModuleProperties.SFTP_CHANNEL_OPEN_TIMEOUT.set(client, read);
        client.addSessionListener(new SessionListener() {
            @Override
            public void sessionEstablished(Session session) {
                preferKnownHostKeyTypes(session);
            }
        });
        // MINA's stop can leave an error nobody catches on a JDK thread (ShutdownRace): dropped, not shown
        ShutdownRace.filter();
        client.start();
    }

    /** {@code factories} with {@code first} (those present) moved to the front, in that order. */
    private static <T extends org.apache.sshd.common.NamedResource> List<T> prefer(List<T> factories, List<String> first) {
        List<T> out = new ArrayList<>(factories);
        out.sort(Comparator.comparingInt(f -> first.contains(f.getName()) ? first.indexOf(f.getName()) : first.size()));
        return out;
    }

    /** The configuration read (for what an alias leads to). */
    public SshConfig config() {
        return config;
    }

    public SshSettings settings() {
        return settings;
    }

    /**
     * Connects to {@code alias} (through its ProxyJump hosts, if any), checks its host key and authenticates.
     * A failure says why, with the reason a person acts on.
     */
    public SshConnection connect(String alias) throws SshFailure, SshConfigException {
        return connect(config.resolve(alias), 0);
    }

    private SshConnection connect(SshConfig.Target target, int depth) throws SshFailure, SshConfigException {
        if (depth > MAX_HOPS) {
            throw new SshFailure(SshFailure.Reason.NETWORK, "more than " + MAX_HOPS + " ProxyJump hops to reach "
                    + target.alias());
        }
        if (target.proxyJump() == null) {
            InetSocketAddress address = address(target.hostName(), target.port());
            return new SshConnection(this, target, open(target, address), List.of());
        }
        List<AutoCloseable> underneath = new ArrayList<>();
        try {
            SshConnection via = null;
            for (String hop : target.proxyJump().split(",")) {
                SshConfig.Target t = hop(hop.strip());
                SshConnection next = via == null ? connect(t, depth + 1) : through(via, t);
                underneath.add(next);
                via = next;
            }
            SshConnection last = through(via, target);
            List<AutoCloseable> all = new ArrayList<>(underneath);
            all.addAll(last.underneath());
            return new SshConnection(this, target, last.session(), all);
        } catch (SshFailure | SshConfigException | RuntimeException e) {
            closeAll(underneath);
            throw e;
        }
    }

    /** A ProxyJump hop {@code [user@]host[:port]}, itself an alias of the configuration. */
    private SshConfig.Target hop(String spec) throws SshConfigException {
        String user = null;
        String rest = spec;
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            user = rest.substring(0, at);
            rest = rest.substring(at + 1);
        }
        Integer port = null;
        if (rest.startsWith("[") && rest.contains("]")) {
            int end = rest.indexOf(']');
            if (rest.length() > end + 2 && rest.charAt(end + 1) == ':') {
                port = Integer.valueOf(rest.substring(end + 2));
            }
            rest = rest.substring(1, end);
        } else if (rest.indexOf(':') > 0 && rest.indexOf(':') == rest.lastIndexOf(':')) {
            port = Integer.valueOf(rest.substring(rest.indexOf(':') + 1));
            rest = rest.substring(0, rest.indexOf(':'));
        }
        SshConfig.Target t = config.resolve(rest);
        return new SshConfig.Target(t.alias(), t.hostName(), port != null ? port : t.port(),
                user != null ? user : t.user(), t.identities(), t.identitiesOnly(), t.proxyJump(), t.identityAgent());
    }

    /** Connects to {@code target} through a local forward over {@code via}. */
    private SshConnection through(SshConnection via, SshConfig.Target target) throws SshFailure {
        SshConnection.LocalForward forward = via.forward(target.hostName(), target.port());
        try {
            ClientSession s = open(target, forward.address());
            return new SshConnection(this, target, s, List.of(forward));
        } catch (SshFailure | RuntimeException e) {
            forward.close();
            throw e;
        }
    }

    private InetSocketAddress address(String host, int port) throws SshFailure {
        InetSocketAddress a = new InetSocketAddress(host, port);
        if (a.isUnresolved()) {
            throw new SshFailure(SshFailure.Reason.NETWORK, "the host name " + Texts.quoted(host) + " is not known");
        }
        return a;
    }

    private ClientSession open(SshConfig.Target target, InetSocketAddress address) throws SshFailure {
        String where = target.hostName() + ":" + target.port()
                + (target.alias().equals(target.hostName()) ? "" : " (" + target.alias() + ")");
        if (!settings.mayConnect().test(address)) {
            throw new SshFailure(SshFailure.Reason.REFUSED, "connections to " + address.getAddress().getHostAddress()
                    + " are not allowed here");
        }
        String key = key(address);
        Connecting c = new Connecting(target);
        connecting.put(key, c);
        ClientSession session = null;
        try {
            ConnectFuture cf;
            try {
                cf = client.connect(target.user(), address, (AttributeRepository) null, (SocketAddress) null);
            } catch (IOException e) {
                throw connectFailure(where, e);
            }
            if (!cf.await(settings.connectTimeout())) {
                cf.cancel();
                throw new SshFailure(SshFailure.Reason.TIMEOUT, Message.of("ssh.connect.timeoutIn", where,
                        settings.connectTimeout().toSeconds()));
            }
            if (cf.getException() != null) {
                throw connectFailure(where, cf.getException());
            }
            session = cf.getSession();
            ClientSession s = session;
            s.setKeyIdentityProvider(ctx -> keys(c, ctx));
            AuthFuture af;
            try {
                af = s.auth();
            } catch (IOException e) {
                throw c.failure != null ? c.failure : new SshFailure(SshFailure.Reason.PROTOCOL, where + ": "
                        + e.getMessage(), null, e);
            }
            if (!af.await(settings.readTimeout())) {
                throw c.failure != null ? c.failure : new SshFailure(SshFailure.Reason.TIMEOUT,
                        Message.of("ssh.connect.authTimeout", where, settings.readTimeout().toSeconds()));
            }
            if (!af.isSuccess()) {
                if (c.failure != null) {
                    throw c.failure;
                }
                Throwable e = af.getException();
                if (e != null && String.valueOf(e.getMessage()).contains("timed out")) {
                    throw new SshFailure(SshFailure.Reason.TIMEOUT, Message.of("ssh.connect.noAnswer", where,
                            e.getMessage()), null, e);
                }
                if (e != null && (s.isClosed() || s.isClosing()) && !(String.valueOf(e.getMessage())
                        .contains("authentication"))) {
                    throw new SshFailure(SshFailure.Reason.NETWORK, Message.of("ssh.connect.closed", where,
                            e.getMessage()), null, e);
                }
                throw new SshFailure(SshFailure.Reason.AUTHENTICATION, Message.of("ssh.connect.keysRefused",
                        target.user() + "@" + where, offered(c)), null, e);
            }
            return s;
        } catch (SshFailure e) {
            if (session != null) {
                session.close(true);
            }
            throw e;
        } catch (IOException | RuntimeException e) {
            if (session != null) {
                session.close(true);
            }
            throw new SshFailure(SshFailure.Reason.PROTOCOL, where + ": " + e.getMessage(), null, e);
        } finally {
            connecting.remove(key, c);
        }
    }

    private static String offered(Connecting c) {
        List<String> parts = new ArrayList<>();
        if (c.agentUsed) {
            parts.add("the ssh-agent's keys");
        }
        parts.addAll(c.keysOffered);
        String s = parts.isEmpty() ? "no key to offer" : String.join(", ", parts);
        return c.keyProblems.isEmpty() ? s : s + "; " + String.join("; ", c.keyProblems);
    }

    private static SshFailure connectFailure(String where, Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t && !(t instanceof ConnectException)
                && !(t instanceof SocketTimeoutException) && !(t instanceof UnknownHostException)
                && !(t instanceof NoRouteToHostException)) {
            t = t.getCause();
        }
        if (t instanceof ConnectException) {
            return new SshFailure(SshFailure.Reason.REFUSED, Message.of("ssh.connect.refused", where), null, e);
        }
        if (t instanceof SocketTimeoutException) {
            return new SshFailure(SshFailure.Reason.TIMEOUT, Message.of("ssh.connect.timeout", where), null, e);
        }
        if (t instanceof UnknownHostException) {
            return new SshFailure(SshFailure.Reason.NETWORK, Message.of("ssh.connect.unknownHost", where), null, e);
        }
        if (t instanceof NoRouteToHostException) {
            return new SshFailure(SshFailure.Reason.NETWORK, Message.of("ssh.connect.noRoute", where), null, e);
        }
        return new SshFailure(SshFailure.Reason.NETWORK, Message.of("ssh.connect.failed", where, e.getMessage()),
                null, e);
    }

    private static String key(SocketAddress address) {
        if (address instanceof InetSocketAddress i) {
            return (i.getAddress() != null ? i.getAddress().getHostAddress() : i.getHostString()) + ":" + i.getPort();
        }
        if (address instanceof SshdSocketAddress s) {
            return key(s.toInetSocketAddress());
        }
        return String.valueOf(address);
    }

    private Connecting connectingOf(Session session) {
        SocketAddress a = session instanceof ClientSession cs ? cs.getConnectAddress() : null;
        if (a == null) {
            a = session.getIoSession().getRemoteAddress();
        }
        return a == null ? null : connecting.get(key(a));
    }

    /** The keys to offer: the target's identity files, or the default ones when it names none. */
    private Iterable<KeyPair> keys(Connecting c, SessionContext ctx) {
        SshConfig.Target t = c.target;
        List<Path> files = new ArrayList<>(t.identities());
        boolean defaults = files.isEmpty();
        if (defaults) {
            DEFAULT_IDENTITIES.forEach(n -> files.add(settings.sshDir().resolve(n)));
        }
        List<KeyPair> keys = new ArrayList<>();
        for (Path f : files) {
            IdentityKeys.Loaded l = identities.load(ctx, f, defaults);
            if (l.problem() != null) {
                synchronized (c.keyProblems) {
                    c.keyProblems.add(l.problem());
                }
            }
            if (!l.keys().isEmpty()) {
                synchronized (c.keysOffered) {
                    c.keysOffered.add(f + " (" + KeyUtils.getKeyType(l.keys().get(0)) + ")");
                }
            }
            keys.addAll(l.keys());
        }
        return keys;
    }

    /** The server key verifier: known_hosts, then the person (or {@code acceptNewHostKeys}). */
    private boolean verify(ClientSession session, SocketAddress remote, PublicKey key) {
        Connecting c = connectingOf(session);
        if (c == null) {
            return false;
        }
        SshConfig.Target t = c.target;
        String fingerprint = KeyUtils.getFingerPrint(key);
        String type = KeyUtils.getKeyType(key);
        KnownHosts.Verdict v = knownHosts.verify(t.hostName(), t.port(), key);
        if (v instanceof KnownHosts.Known) {
            return true;
        }
        if (v instanceof KnownHosts.Changed ch) {
            c.failure = new SshFailure(SshFailure.Reason.HOST_KEY, Message.of(ch.revoked() ? "ssh.hostKey.revoked"
                    : "ssh.hostKey.changed", type, t.knownHostsName(), fingerprint, knownHosts.file(), ch.line()),
                    fingerprint, null);
            return false;
        }
        Set<String> others = ((KnownHosts.Unknown) v).otherTypes();
        String note = others.isEmpty() ? null : "known_hosts has keys of another type for it: " + String.join(", ", others);
        boolean trusted = settings.acceptNewHostKeys();
        if (!trusted) {
            synchronized (trust) {
                // asked one host at a time; a key accepted for this host meanwhile is known now
                if (knownHosts.verify(t.hostName(), t.port(), key) instanceof KnownHosts.Known) {
                    return true;
                }
                trusted = prompts.trustUnknownHostKey(new SshPrompts.UnknownHostKey(t.alias(), t.knownHostsName(), type,
                        fingerprint, note));
            }
        }
        if (!trusted) {
            c.failure = new SshFailure(SshFailure.Reason.HOST_KEY, Message.of(others.isEmpty() ? "ssh.hostKey.unknown"
                    : "ssh.hostKey.unknownOtherTypes", type, t.knownHostsName(), fingerprint, knownHosts.file(),
                    String.join(", ", others)), fingerprint, null);
            return false;
        }
        try {
            knownHosts.append(t.hostName(), t.port(), key);
            return true;
        } catch (IOException e) {
            c.failure = new SshFailure(SshFailure.Reason.HOST_KEY, "cannot add the key of " + t.knownHostsName()
                    + " to " + knownHosts.file() + ": " + e.getMessage(), fingerprint, e);
            return false;
        }
    }

    /** Offers first the host key types known_hosts has for the target, as {@code ssh} does. */
    private void preferKnownHostKeyTypes(Session session) {
        Connecting c = connectingOf(session);
        if (c == null) {
            return;
        }
        Set<String> known = knownHosts.typesFor(c.target.hostName(), c.target.port());
        if (known.isEmpty()) {
            return;
        }
        List<NamedFactory<Signature>> factories = new ArrayList<>(session.getSignatureFactories());
        factories.sort(Comparator.comparingInt(f -> known.contains(KeyUtils.getCanonicalKeyType(f.getName())) ? 0 : 1));
        session.setSignatureFactories(factories);
    }

    /** The ssh-agent of each connection: {@code IdentityAgent}, else {@code SSH_AUTH_SOCK}; none when off. */
    private final class Agents implements SshAgentFactory {
        @Override
        public List<ChannelFactory> getChannelForwardingFactories(FactoryManager manager) {
            return List.of();
        }

        @Override
        public SshAgent createClient(Session session, FactoryManager manager) throws IOException {
            Connecting c = connectingOf(session);
            String socket = settings.agentSocket();
            if (c != null && c.target.identityAgent() != null) {
                String a = c.target.identityAgent();
                socket = a.equalsIgnoreCase("none") ? null : a.equals("SSH_AUTH_SOCK") ? System.getenv("SSH_AUTH_SOCK")
                        : a.startsWith("~/") ? System.getProperty("user.home") + a.substring(1) : a;
            }
            if (socket == null || c != null && c.target.identitiesOnly()) {
                return new NoAgent();
            }
            try {
                SshAgent agent = UnixAgent.connect(socket, settings.readTimeout());
                if (c != null) {
                    c.agentUsed = true;
                }
                return agent;
            } catch (IOException e) {
                if (c != null) {
                    synchronized (c.keyProblems) {
                        c.keyProblems.add(e.getMessage());
                    }
                }
                return new NoAgent();
            }
        }

        @Override
        public SshAgentServer createServer(ConnectionService service) {
            throw new UnsupportedOperationException("the console never serves an agent");
        }
    }

    /** An agent with no keys: where none is set, or it cannot be reached. */
    private static final class NoAgent implements SshAgent {
        private volatile boolean open = true;

        @Override
        public Iterable<? extends Map.Entry<PublicKey, String>> getIdentities() {
            return List.of();
        }

        @Override
        public Map.Entry<String, byte[]> sign(SessionContext session, PublicKey key, String algo, byte[] data)
                throws IOException {
            throw new IOException("no ssh-agent");
        }

        @Override
        public void addIdentity(KeyPair key, String comment, SshAgentKeyConstraint... constraints) throws IOException {
            throw new IOException("no ssh-agent");
        }

        @Override
        public void removeIdentity(PublicKey key) throws IOException {
            throw new IOException("no ssh-agent");
        }

        @Override
        public void removeAllIdentities() throws IOException {
            throw new IOException("no ssh-agent");
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public void close() {
            open = false;
        }
    }

    /** Local forwards bound to loopback only; nothing is ever forwarded from the hosts to this machine. */
    private static ForwardingFilter localForwardsOnly() {
        return new RejectAllForwardingFilter() {
            @Override
            public boolean canListen(SshdSocketAddress address, Session session) {
                return SshdSocketAddress.isLoopback(address.getHostName());
            }
        };
    }

    static void closeAll(List<? extends AutoCloseable> things) {
        for (int i = things.size() - 1; i >= 0; i--) {
            try {
                things.get(i).close();
            } catch (Exception ignored) {
                // best effort: the rest still closes
            }
        }
    }

    @Override
    public void close() {
        try {
            client.stop();
        } catch (RuntimeException ignored) {
            // stopping is best effort
        }
    }
}
