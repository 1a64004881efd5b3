package dev.tpmconsole.model.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tpmconsole.model.testing.OpenSshHosts;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SSH layer against the real OpenSSH server: configuration, host keys, keys, SFTP, forwards. */
class SshHostsTest {

    static final String A = "127.0.0.11";
    static final String B = "127.0.0.12";
    static final String C = "127.0.0.13";
    static final String NODE = "127.0.0.19";
    /** Nothing listens there. */
    static final String CLOSED = "127.0.0.18";

    static OpenSshHosts hosts;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() throws Exception {
        hosts = OpenSshHosts.start(List.of(A, B, C), NODE);
        hosts.stateFolder(A, "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0");
        hosts.stateSymlink(A, "11111111-2222-3333-4444-555555555555", "/etc");
    }

    @AfterAll
    static void stop() {
        if (hosts != null) {
            hosts.close();
        }
    }

    @Test
    void listsOverSftpWithoutFollowingLinks() throws Exception {
        try (SshHosts ssh = new SshHosts(hosts.settings(), SshPrompts.NONE);
             SshConnection c = ssh.connect(A); RemoteFiles files = c.files()) {
            assertThat(c.target().port()).isEqualTo(hosts.port());
            assertThat(c.target().user()).isEqualTo(OpenSshHosts.USER);
            List<RemoteEntry> entries = files.list("/var/lib/libvirt/swtpm").orElseThrow();
            assertThat(entries).extracting(RemoteEntry::name, RemoteEntry::kind).containsExactlyInAnyOrder(
                    org.assertj.core.groups.Tuple.tuple("0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0", RemoteEntry.Kind.FOLDER),
                    org.assertj.core.groups.Tuple.tuple("11111111-2222-3333-4444-555555555555", RemoteEntry.Kind.SYMLINK));
            assertThat(files.readLink("/var/lib/libvirt/swtpm/11111111-2222-3333-4444-555555555555")).isEqualTo("/etc");
            assertThat(files.lstat("/var/lib/libvirt/swtpm/nothing-here")).isEmpty();
            assertThat(files.list("/var/lib/libvirt/nothing")).isEmpty();
            assertThat(files.realpath("/var/lib/libvirt/swtpm/")).contains("/var/lib/libvirt/swtpm");
        }
    }

    @Test
    void anUnknownHostKeyIsRefusedWithItsFingerprintOrAskedAbout() throws Exception {
        Path known = tmp.resolve("known_hosts");
        Files.copy(hosts.knownHosts(), known);
        Files.writeString(known, "");
        SshSettings settings = hosts.settings().withKnownHosts(known);
        try (SshHosts ssh = new SshHosts(settings, SshPrompts.NONE)) {
            assertThatThrownBy(() -> ssh.connect(B)).isInstanceOfSatisfying(SshFailure.class, f -> {
                assertThat(f.reason()).isEqualTo(SshFailure.Reason.HOST_KEY);
                assertThat(f.fingerprint()).startsWith("SHA256:");
                assertThat(f.getMessage()).contains("unknown", f.fingerprint(), "[" + B + "]:" + hosts.port());
            });
        }
        List<SshPrompts.UnknownHostKey> asked = new ArrayList<>();
        SshPrompts yes = new SshPrompts() {
            @Override
            public boolean trustUnknownHostKey(UnknownHostKey key) {
                asked.add(key);
                return true;
            }
        };
        try (SshHosts ssh = new SshHosts(settings, yes); SshConnection c = ssh.connect(B)) {
            assertThat(asked).singleElement().satisfies(k -> {
                assertThat(k.host()).isEqualTo("[" + B + "]:" + hosts.port());
                assertThat(k.fingerprint()).startsWith("SHA256:");
            });
        }
        assertThat(Files.readString(known)).contains("[" + B + "]:" + hosts.port() + " ssh-ed25519 ");
        // known now: neither refused nor asked again
        try (SshHosts ssh = new SshHosts(settings, SshPrompts.NONE); SshConnection c = ssh.connect(B)) {
            assertThat(c.target().hostName()).isEqualTo(B);
        }
    }

    @Test
    void acceptNewHostKeysAppendsThemButAChangedKeyIsRefusedNamingItsLine() throws Exception {
        Path known = tmp.resolve("known_hosts");
        Files.writeString(known, "# mine\n");
        try (SshHosts ssh = new SshHosts(hosts.settings().withKnownHosts(known).withAcceptNewHostKeys(true),
                SshPrompts.NONE); SshConnection c = ssh.connect(C)) {
            assertThat(Files.readAllLines(known)).hasSize(2);
        }
        Path changed = tmp.resolve("changed");
        Files.writeString(changed, "# mine\n" + "[" + C + "]:" + hosts.port() + " "
                + Files.readString(hosts.clientKey().resolveSibling("other_host_key.pub")).strip() + "\n");
        try (SshHosts ssh = new SshHosts(hosts.settings().withKnownHosts(changed).withAcceptNewHostKeys(true),
                SshPrompts.NONE)) {
            assertThatThrownBy(() -> ssh.connect(C)).isInstanceOfSatisfying(SshFailure.class, f -> {
                assertThat(f.reason()).isEqualTo(SshFailure.Reason.HOST_KEY);
                assertThat(f.getMessage()).contains("CHANGED", changed + " line 2");
            });
        }
        assertThat(Files.readAllLines(changed)).hasSize(2);
    }

    @Test
    void hashedAndPlainKnownHostsEntriesBothMatch() throws Exception {
        assertThat(Files.readString(hosts.knownHosts())).contains("|1|").contains("[" + B + "]:");
        try (SshHosts ssh = new SshHosts(hosts.settings(), SshPrompts.NONE)) {
            for (String h : List.of(A, B, C)) {
                try (SshConnection c = ssh.connect(h)) {
                    assertThat(c.target().hostName()).isEqualTo(h);
                }
            }
        }
    }

    @Test
    void aRefusedKeyAClosedPortAndASilentServerEachSayWhy() throws Exception {
        Path config = tmp.resolve("config");
        Files.writeString(config, Files.readString(hosts.sshConfig()).replace(hosts.clientKey().toString(),
                hosts.refusedKey().toString()));
        try (SshHosts ssh = new SshHosts(hosts.settings().withConfig(config), SshPrompts.NONE)) {
            assertThatThrownBy(() -> ssh.connect(A)).isInstanceOfSatisfying(SshFailure.class, f -> {
                assertThat(f.reason()).isEqualTo(SshFailure.Reason.AUTHENTICATION);
                assertThat(f.getMessage()).contains(hosts.refusedKey().toString());
            });
        }
        try (SshHosts ssh = new SshHosts(hosts.settings(), SshPrompts.NONE)) {
            assertThatThrownBy(() -> ssh.connect(CLOSED)).isInstanceOfSatisfying(SshFailure.class,
                    f -> assertThat(f.reason()).isEqualTo(SshFailure.Reason.REFUSED));
        }
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.17"))) {
            List<Socket> accepted = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept());
                    }
                } catch (java.io.IOException closed) {
                    // the test is over
                }
            });
            acceptor.start();
            Path cfg = tmp.resolve("silent");
            Files.writeString(cfg, "Host silent\n  HostName 127.0.0.17\n  Port " + silent.getLocalPort()
                    + "\n  IdentityAgent none\n");
            SshSettings settings = hosts.settings().withConfig(cfg).withTimeouts(java.time.Duration.ofSeconds(2),
                    java.time.Duration.ofSeconds(2));
            try (SshHosts ssh = new SshHosts(settings, SshPrompts.NONE)) {
                assertThatThrownBy(() -> ssh.connect("silent")).isInstanceOfSatisfying(SshFailure.class,
                        f -> assertThat(f.reason()).isEqualTo(SshFailure.Reason.TIMEOUT));
            }
            silent.close();
            acceptor.join();
            for (Socket s : accepted) {
                s.close();
            }
        }
    }

    @Test
    void anEncryptedKeyAsksItsPassphraseOnceForAllHosts() throws Exception {
        Path config = tmp.resolve("config");
        Files.writeString(config, Files.readString(hosts.sshConfig()).replace(hosts.clientKey().toString(),
                hosts.encryptedKey().toString()));
        AtomicInteger asked = new AtomicInteger();
        SshPrompts prompts = new SshPrompts() {
            @Override
            public char[] passphrase(String keyFile, int attempt) {
                asked.incrementAndGet();
                return attempt == 1 ? "wrong".toCharArray() : OpenSshHosts.PASSPHRASE.toCharArray();
            }
        };
        try (SshHosts ssh = new SshHosts(hosts.settings().withConfig(config), prompts);
             SshConnection a = ssh.connect(A); SshConnection b = ssh.connect(B)) {
            assertThat(asked).hasValue(2);
        }
        try (SshHosts ssh = new SshHosts(hosts.settings().withConfig(config), SshPrompts.NONE)) {
            assertThatThrownBy(() -> ssh.connect(A)).isInstanceOfSatisfying(SshFailure.class, f -> {
                assertThat(f.reason()).isEqualTo(SshFailure.Reason.AUTHENTICATION);
                assertThat(f.getMessage()).contains("no passphrase");
            });
        }
    }

    @Test
    void theSshAgentSignsWithItsKeysOverAUnixSocket() throws Exception {
        Path socket = tmp.resolve("agent.sock");
        Process agent = new ProcessBuilder("ssh-agent", "-D", "-a", socket.toString()).redirectErrorStream(true).start();
        try {
            // ssh-agent -D says where it listens once the socket is there
            String first = new java.io.BufferedReader(new java.io.InputStreamReader(agent.getInputStream())).readLine();
            assertThat(first).contains(socket.toString());
            ProcessBuilder add = new ProcessBuilder("ssh-add", hosts.clientKey().toString()).redirectErrorStream(true);
            add.environment().put("SSH_AUTH_SOCK", socket.toString());
            Process p = add.start();
            p.getInputStream().readAllBytes();
            assertThat(p.waitFor()).isZero();
            Path config = tmp.resolve("config");
            // no IdentityFile, and an empty folder for the default ones: only the agent has the key
            Files.writeString(config, "Host 127.0.0.*\n  Port " + hosts.port() + "\n  User " + OpenSshHosts.USER + "\n");
            Path noKeys = Files.createDirectories(tmp.resolve("empty-ssh-dir"));
            SshSettings settings = hosts.settings().withConfig(config).withSshDir(noKeys);
            try (SshHosts ssh = new SshHosts(settings.withAgentSocket(socket.toString()), SshPrompts.NONE);
                 SshConnection c = ssh.connect(A); RemoteFiles f = c.files()) {
                assertThat(f.list("/var/lib/libvirt/swtpm")).isPresent();
            }
            try (SshHosts ssh = new SshHosts(settings.withAgentSocket(null), SshPrompts.NONE)) {
                assertThatThrownBy(() -> ssh.connect(A)).isInstanceOfSatisfying(SshFailure.class,
                        e -> assertThat(e.reason()).isEqualTo(SshFailure.Reason.AUTHENTICATION));
            }
        } finally {
            agent.destroy();
            agent.waitFor();
        }
    }

    @Test
    void proxyJumpReachesAHostThroughAnother() throws Exception {
        Path config = tmp.resolve("config");
        Files.writeString(config, "Host behind\n  HostName " + B + "\n  Port " + hosts.port() + "\n  User "
                + OpenSshHosts.USER + "\n  IdentityFile " + hosts.clientKey() + "\n  IdentityAgent none\n  ProxyJump "
                + NODE + "\n" + Files.readString(hosts.sshConfig()));
        try (SshHosts ssh = new SshHosts(hosts.settings().withConfig(config), SshPrompts.NONE);
             SshConnection c = ssh.connect("behind"); RemoteFiles f = c.files()) {
            assertThat(f.list("/var/lib/libvirt/swtpm")).isPresent();
        }
        assertThat(hosts.log()).contains("direct-tcpip").contains(B);
    }

    @Test
    void anUnparsableConfigOrKnownHostsNamesFileAndLine() throws Exception {
        Path config = tmp.resolve("config");
        Files.writeString(config, "Host a\n  HostName 127.0.0.11\n  Port twenty-two\n");
        assertThatThrownBy(() -> new SshHosts(hosts.settings().withConfig(config), SshPrompts.NONE))
                .isInstanceOfSatisfying(SshConfigException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.getMessage()).startsWith(config + ":3: ");
                });
        Files.writeString(config, "Host a\n  User x\nMatch host b\n  User y\n");
        assertThatThrownBy(() -> new SshHosts(hosts.settings().withConfig(config), SshPrompts.NONE))
                .isInstanceOfSatisfying(SshConfigException.class, e -> assertThat(e.line()).isEqualTo(3));
        Path known = tmp.resolve("known");
        Files.writeString(known, "# fine\n127.0.0.11 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI\n");
        assertThatThrownBy(() -> new SshHosts(hosts.settings().withKnownHosts(known), SshPrompts.NONE))
                .isInstanceOfSatisfying(SshConfigException.class, e -> assertThat(e.line()).isEqualTo(2));
    }

    @Test
    void aLocalForwardReachesWhatTheNodeReaches() throws Exception {
        try (SshHosts ssh = new SshHosts(hosts.settings(), SshPrompts.NONE); SshConnection c = ssh.connect(NODE);
             SshConnection.LocalForward f = c.forward(A, hosts.port());
             Socket s = new Socket(f.address().getAddress(), f.address().getPort())) {
            byte[] banner = new byte[7];
            assertThat(s.getInputStream().readNBytes(banner, 0, 7)).isEqualTo(7);
            assertThat(new String(banner, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("SSH-2.0");
        }
    }
}
