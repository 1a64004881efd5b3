package dev.tpmconsole.model.testing;

import dev.tpmconsole.model.ssh.SshSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Fake KVM hosts served by the real OpenSSH server (Debian's openssh-server), as docs/hosts.md's "Tests and
 * figures" describes: one sshd listening on a loopback address per host (127.0.0.11, ...), each address a
 * {@code Match LocalAddress} block with its own {@code ChrootDirectory} under a root-owned folder in /srv and
 * {@code ForceCommand internal-sftp}; host and client keys made for the run; an unprivileged user made for the
 * tests (so that a folder of mode 000 really refuses it); an ssh config and a known_hosts file written for the
 * run (the real ~/.ssh is never touched). One address may let a local forward through to MariaDB (a management
 * node for the tunnel). Needs root, sshd and ssh-keygen: where they are missing the test is skipped with a
 * visible message, except under {@code CI=true}, where it fails.
 */
public final class OpenSshHosts implements AutoCloseable {

    /** The unprivileged user the hosts are logged into. */
    public static final String USER = "tpmconsole-scan";
    /** The passphrase of {@link #encryptedKey()}. */
    public static final String PASSPHRASE = "correct horse battery";
    private static final Path SSHD = Path.of("/usr/sbin/sshd");
    private static final Path BASE = Path.of("/srv/tpm-console-test-hosts");

    private final Path run;
    private final Path client;
    private final int port;
    private final List<String> addresses;
    private final String tunnelAddress;
    private final Map<String, String> knownLines = new LinkedHashMap<>();
    private final Map<String, Integer> lineOf = new LinkedHashMap<>();
    private final StringBuffer log = new StringBuffer();
    /** Addresses per sshd (it listens on 16 at most). */
    private static final int GROUP = 15;
    private final List<Path> configs = new ArrayList<>();
    private final List<Process> sshds = new ArrayList<>();
    private Thread shutdownHook;

    private OpenSshHosts(Path run, Path client, int port, List<String> addresses, String tunnelAddress) {
        this.run = run;
        this.client = client;
        this.port = port;
        this.addresses = List.copyOf(addresses);
        this.tunnelAddress = tunnelAddress;
    }

    /** Hosts on these loopback addresses, none of them forwarding. */
    public static OpenSshHosts start(List<String> addresses) throws Exception {
        return start(addresses, null);
    }

    /**
     * Hosts on these loopback addresses; {@code tunnelAddress} (one more, or null) is a management node that
     * lets local forwards through to 127.0.0.1:3306 only.
     */
    public static OpenSshHosts start(List<String> addresses, String tunnelAddress) throws Exception {
        for (String a : addresses) {
            if (!InetAddress.getByName(a).isLoopbackAddress()) {
                throw new IllegalArgumentException("fake hosts live on loopback addresses only, not " + a);
            }
        }
        requireTools();
        String runId = Long.toHexString(System.nanoTime()) + "-" + ProcessHandle.current().pid();
        Path run = BASE.resolve(runId);
        Files.createDirectories(run);
        for (Path p = run; p.startsWith(Path.of("/srv")) && !p.equals(Path.of("/")); p = p.getParent()) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Path client = Files.createTempDirectory("tpm-console-ssh-client");
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = s.getLocalPort();
        }
        OpenSshHosts h = new OpenSshHosts(run, client, port, addresses, tunnelAddress);
        try {
            h.prepare();
            h.launch();
        } catch (Exception | AssertionError e) {
            h.close();
            throw e;
        }
        return h;
    }

    private static void requireTools() throws Exception {
        String missing = null;
        if (!Files.isExecutable(SSHD)) {
            missing = "no OpenSSH server at " + SSHD + " (apt-get install openssh-server)";
        } else if (!isRoot()) {
            missing = "the fake SSH hosts need root (chroots under /srv, a test user)";
        } else if (run("ssh-keygen", "-V").exitCode() == 127) {
            missing = "no ssh-keygen";
        }
        if (missing != null) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(missing + ": CI=true requires it");
            }
            System.err.println("SKIPPED: " + missing);
            Assumptions.abort(missing + ": test skipped");
        }
    }

    private static boolean isRoot() {
        try {
            return run("id", "-u").out().strip().equals("0");
        } catch (Exception e) {
            return false;
        }
    }

    private void prepare() throws Exception {
        ensureUser();
        Path etc = run.resolve("etc");
        Files.createDirectories(etc);
        keygen(etc.resolve("ssh_host_ed25519_key"), "", "host");
        keygen(client.resolve("id_ed25519"), "", "client");
        keygen(client.resolve("refused_ed25519"), "", "refused");
        keygen(client.resolve("encrypted_ed25519"), PASSPHRASE, "encrypted");
        keygen(client.resolve("other_host_key"), "", "other host");
        Path authorized = etc.resolve("authorized_keys");
        Files.writeString(authorized, Files.readString(client.resolve("id_ed25519.pub"))
                + Files.readString(client.resolve("encrypted_ed25519.pub")));
        Files.setPosixFilePermissions(authorized, PosixFilePermissions.fromString("rw-r--r--"));
        for (String a : allAddresses()) {
            fakeRoot(a);
        }
        // sshd listens on at most 16 addresses: one sshd per group of them, all with the same keys
        List<String> all = allAddresses();
        for (int g = 0; g * GROUP < all.size(); g++) {
            List<String> group = all.subList(g * GROUP, Math.min(all.size(), (g + 1) * GROUP));
            Path config = etc.resolve("sshd_config-" + g);
            Files.writeString(config, sshdConfig(group, etc, authorized));
            Files.createDirectories(Path.of("/run/sshd")); // sshd's privilege separation folder
            Result check = run(SSHD.toString(), "-t", "-f", config.toString());
            if (check.exitCode() != 0) {
                throw new IllegalStateException("sshd -t refuses the test configuration: " + check.out());
            }
            configs.add(config);
        }
        // the client side: an ssh config and a known_hosts file of this run only
        Files.writeString(sshConfig(), "Host 127.0.0.*\n"
                + "    Port " + port + "\n"
                + "    User " + USER + "\n"
                + "    IdentityFile " + client.resolve("id_ed25519") + "\n"
                + "    IdentityAgent none\n"
                + "    UserKnownHostsFile " + knownHosts() + "\n"
                + "    GlobalKnownHostsFile /dev/null\n"
                + "    StrictHostKeyChecking yes\n"
                + "    BatchMode yes\n");
        String hostKey = Files.readString(etc.resolve("ssh_host_ed25519_key.pub")).strip();
        String key = hostKey.substring(0, hostKey.lastIndexOf(' '));
        for (String a : allAddresses()) {
            knownLines.put(a, "[" + a + "]:" + port + " " + key);
        }
        writeKnownHosts();
    }

    private String sshdConfig(List<String> group, Path etc, Path authorized) {
        StringBuilder cfg = new StringBuilder()
                .append("Port ").append(port).append('\n');
        for (String a : group) {
            cfg.append("ListenAddress ").append(a).append('\n');
        }
        cfg.append("HostKey ").append(etc.resolve("ssh_host_ed25519_key")).append('\n')
                .append("PidFile none\n")
                .append("UsePAM no\n")
                .append("PasswordAuthentication no\n")
                .append("KbdInteractiveAuthentication no\n")
                .append("PubkeyAuthentication yes\n")
                .append("AuthorizedKeysFile ").append(authorized).append('\n')
                .append("AllowUsers ").append(USER).append('\n')
                .append("PermitRootLogin no\n")
                .append("StrictModes yes\n")
                .append("MaxStartups 200\n")
                .append("MaxSessions 50\n")
                // DEBUG1 logs port forwards (the tunnel tests look for them); the benchmark asks for INFO (which
                // still logs "Server listening", what the start waits for)
                .append("LogLevel ").append(System.getProperty("tpm.sshd.loglevel", "DEBUG1")).append('\n')
                .append("Subsystem sftp internal-sftp\n")
                .append("AllowTcpForwarding no\n")
                .append("AllowAgentForwarding no\n")
                .append("X11Forwarding no\n")
                .append("PermitTTY no\n");
        for (String a : group) {
            cfg.append("Match LocalAddress ").append(a).append('\n')
                    .append("    ChrootDirectory ").append(root(a)).append('\n')
                    .append("    ForceCommand internal-sftp\n");
            if (a.equals(tunnelAddress)) {
                // a management node: MariaDB behind it, and the other hosts (a jump host for ProxyJump)
                cfg.append("    AllowTcpForwarding local\n").append("    PermitOpen 127.0.0.1:3306");
                for (String other : addresses) {
                    cfg.append(' ').append(other).append(':').append(port);
                }
                cfg.append('\n');
            }
        }
        return cfg.toString();
    }

    private List<String> allAddresses() {
        List<String> all = new ArrayList<>(addresses);
        if (tunnelAddress != null) {
            all.add(tunnelAddress);
        }
        return all;
    }

    /** Every other line hashed ({@code |1|salt|hash}, by ssh-keygen -H), as Debian's ssh writes them. */
    private void writeKnownHosts() throws Exception {
        Path hashed = client.resolve("known_hosts.hashed");
        List<String> plain = new ArrayList<>();
        List<String> hashedHosts = new ArrayList<>();
        List<String> plainHosts = new ArrayList<>();
        StringBuilder toHash = new StringBuilder();
        int i = 0;
        for (Map.Entry<String, String> e : knownLines.entrySet()) {
            if (i++ % 2 == 0) {
                toHash.append(e.getValue()).append('\n');
                hashedHosts.add(e.getKey());
            } else {
                plain.add(e.getValue());
                plainHosts.add(e.getKey());
            }
        }
        lineOf.clear();
        int n = 2; // after the comment line
        for (String h : hashedHosts) {
            lineOf.put(h, n++);
        }
        for (String h : plainHosts) {
            lineOf.put(h, n++);
        }
        Files.writeString(hashed, toHash.toString());
        if (toHash.length() > 0) {
            Result r = run("ssh-keygen", "-q", "-H", "-f", hashed.toString());
            if (r.exitCode() != 0) {
                throw new IllegalStateException("ssh-keygen -H failed: " + r.out());
            }
        }
        StringBuilder all = new StringBuilder("# known_hosts of a test run\n");
        all.append(Files.readString(hashed));
        plain.forEach(l -> all.append(l).append('\n'));
        Files.writeString(knownHosts(), all.toString());
        Files.deleteIfExists(Path.of(hashed + ".old"));
    }

    private void launch() throws Exception {
        CountDownLatch listening = new CountDownLatch(allAddresses().size());
        for (Path config : configs) {
            // the benchmarks run the hosts' sshd niced: real hosts are other machines, not this one's CPU
            List<String> command = new ArrayList<>(List.of(SSHD.toString(), "-D", "-e", "-f", config.toString()));
            String nice = System.getProperty("tpm.sshd.nice");
            if (nice != null) {
                command.addAll(0, List.of("nice", "-n", nice));
            }
            Process p = new ProcessBuilder(command)
                    .redirectErrorStream(true).start();
            sshds.add(p);
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        log.append(line).append('\n');
                        if (line.startsWith("Server listening on ")) {
                            listening.countDown();
                        }
                    }
                } catch (IOException ignored) {
                    // sshd ended
                }
            }, "test sshd log");
            reader.setDaemon(true);
            reader.start();
        }
        // a JVM ended without close() (a benchmark stopped by a signal) still stops sshd and leaves no folder
        shutdownHook = new Thread(() -> {
            sshds.forEach(Process::destroyForcibly);
            deleteTree(run);
            deleteTree(client);
        }, "stop test sshd");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        if (!listening.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("sshd did not listen on " + allAddresses() + ": " + log);
        }
    }

    private void ensureUser() throws Exception {
        if (run("id", "-u", USER).exitCode() != 0) {
            Result r = run("useradd", "--system", "--no-create-home", "--home-dir", "/nonexistent", "--shell",
                    "/usr/sbin/nologin", USER);
            if (r.exitCode() != 0 && run("id", "-u", USER).exitCode() != 0) {
                throw new IllegalStateException("cannot create the test user " + USER + ": " + r.out());
            }
        }
        // not locked ('!'): with UsePAM no, sshd refuses locked accounts even for public keys
        run("usermod", "-p", "*", USER);
    }

    private void fakeRoot(String address) throws IOException {
        Path root = root(address);
        Files.createDirectories(root);
        Files.setPosixFilePermissions(root.getParent(), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path libvirt = Files.createDirectories(root.resolve("var/lib/libvirt"));
        Files.createDirectories(libvirt.resolve("swtpm"));
        Files.createDirectories(libvirt.resolve("qemu/nvram"));
        chown(libvirt.resolve("swtpm"));
        chown(libvirt.resolve("qemu/nvram"));
    }

    private static void keygen(Path file, String passphrase, String comment) throws Exception {
        Result r = run("ssh-keygen", "-q", "-t", "ed25519", "-N", passphrase, "-C", comment, "-f", file.toString());
        if (r.exitCode() != 0) {
            throw new IllegalStateException("ssh-keygen failed: " + r.out());
        }
    }

    /** A fake host's root (its "/"), which holds {@code var/lib/libvirt/swtpm/...}. */
    public Path root(String address) {
        return run.resolve("hosts").resolve(address);
    }

    public int port() {
        return port;
    }

    /** The ssh config of the run: {@code Host 127.0.0.*} with the port, the user, the client key, no agent. */
    public Path sshConfig() {
        return client.resolve("config");
    }

    public Path knownHosts() {
        return client.resolve("known_hosts");
    }

    /** The client key every host accepts. */
    public Path clientKey() {
        return client.resolve("id_ed25519");
    }

    /** A key no host accepts. */
    public Path refusedKey() {
        return client.resolve("refused_ed25519");
    }

    /** A key every host accepts, encrypted with {@link #PASSPHRASE}. */
    public Path encryptedKey() {
        return client.resolve("encrypted_ed25519");
    }

    /** The client folder (keys, config, known_hosts): what stands in for ~/.ssh. */
    public Path clientDir() {
        return client;
    }

    /** Settings for the model: the run's files, no agent, short time-outs, loopback only. */
    public SshSettings settings() {
        return new SshSettings(sshConfig(), knownHosts(), false, client, null, Duration.ofSeconds(5),
                Duration.ofSeconds(10), SshSettings::loopback);
    }

    /** What sshd logged so far. */
    public String log() {
        return log.toString();
    }

    /** Takes a host's line out of known_hosts: its key becomes unknown. */
    public void forgetHostKey(String address) throws Exception {
        knownLines.remove(address);
        writeKnownHosts();
    }

    /** Puts another key in a host's known_hosts line: the host's real key is then a changed key. */
    public void changeHostKey(String address) throws Exception {
        String other = Files.readString(client.resolve("other_host_key.pub")).strip();
        knownLines.put(address, "[" + address + "]:" + port + " " + other.substring(0, other.lastIndexOf(' ')));
        writeKnownHosts();
    }

    /** The line number of a host's entry in known_hosts (hashed or not), from 1; -1 when it has none. */
    public int knownHostsLine(String address) {
        return lineOf.getOrDefault(address, -1);
    }

    // ------------------------------------------------------------------ the hosts' files

    /** A TPM state folder {@code var/lib/libvirt/swtpm/<name>/tpm2/tpm2-00.permall}, owned by the test user. */
    public Path stateFolder(String address, String name) throws IOException {
        Path folder = root(address).resolve("var/lib/libvirt/swtpm").resolve(name);
        Path tpm2 = Files.createDirectories(folder.resolve("tpm2"));
        Files.write(tpm2.resolve("tpm2-00.permall"), ("permanent state of " + name).getBytes(StandardCharsets.UTF_8));
        chown(folder);
        chown(tpm2);
        chown(tpm2.resolve("tpm2-00.permall"));
        return folder;
    }

    /**
     * A TPM state folder {@code <name>} with its file in the console's trash of run {@code runId}
     * ({@code var/lib/libvirt/swtpm/.tpm-console-trash/<runId>/<name>/}), owned by the test user as the console
     * would have made it.
     */
    public Path trashedStateFolder(String address, String runId, String name) throws IOException {
        Path trash = root(address).resolve("var/lib/libvirt/swtpm/.tpm-console-trash");
        Path run = trash.resolve(runId);
        Path tpm2 = Files.createDirectories(run.resolve(name).resolve("tpm2"));
        Files.write(tpm2.resolve("tpm2-00.permall"), ("trashed state of " + name + " in " + runId)
                .getBytes(StandardCharsets.UTF_8));
        for (Path p : List.of(trash, run, run.resolve(name), tpm2, tpm2.resolve("tpm2-00.permall"))) {
            chown(p);
        }
        return run.resolve(name);
    }

    /** An NvRam file {@code var/lib/libvirt/qemu/nvram/<name>}. */
    public Path nvram(String address, String name) throws IOException {
        Path file = root(address).resolve("var/lib/libvirt/qemu/nvram").resolve(name);
        Files.write(file, new byte[128]);
        chown(file);
        return file;
    }

    /** A symbolic link in the swtpm folder, pointing where {@code target} says (never followed by a scan). */
    public Path stateSymlink(String address, String name, String target) throws IOException {
        Path link = root(address).resolve("var/lib/libvirt/swtpm").resolve(name);
        Files.createSymbolicLink(link, Path.of(target));
        return link;
    }

    /** A plain file in the swtpm folder, where only folders belong. */
    public Path stateFile(String address, String name) throws IOException {
        Path file = root(address).resolve("var/lib/libvirt/swtpm").resolve(name);
        Files.writeString(file, "not a folder");
        chown(file);
        return file;
    }

    /** Makes a host's swtpm folder unreadable to the test user (mode 000). */
    public void lockStateFolder(String address) throws IOException {
        Files.setPosixFilePermissions(root(address).resolve("var/lib/libvirt/swtpm"), PosixFilePermissions.fromString("---------"));
    }

    /** Gives a host's swtpm folder back to the test user (after {@link #lockStateFolder}). */
    public void unlockStateFolder(String address) throws IOException {
        Files.setPosixFilePermissions(root(address).resolve("var/lib/libvirt/swtpm"), PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static void chown(Path p) throws IOException {
        UserPrincipal u = p.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(USER);
        Files.setOwner(p, u);
    }

    @Override
    public void close() {
        for (Process sshd : sshds) {
            sshd.destroy();
            try {
                if (!sshd.waitFor(10, TimeUnit.SECONDS)) {
                    sshd.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        {
            if (shutdownHook != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(shutdownHook);
                } catch (IllegalStateException ignored) {
                    // shutting down already
                }
            }
        }
        deleteTree(run);
        deleteTree(client);
    }

    private static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // root deletes whatever the mode
                }
            });
        } catch (IOException ignored) {
            // what is left is under /srv/tpm-console-test-hosts or the temp folder
        }
    }

    /** The output and exit code of a command; 127 when it cannot be started. */
    public record Result(int exitCode, String out) {
    }

    public static Result run(String... command) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Result(p.waitFor(), out);
        } catch (IOException e) {
            return new Result(127, e.getMessage());
        }
    }
}
