package dev.tpmconsole.model.ssh;

import dev.tpmconsole.model.i18n.Message;
import dev.tpmconsole.model.util.Texts;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.apache.sshd.client.config.hosts.HostConfigEntry;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;

/**
 * The OpenSSH client configuration, read by MINA SSHD's parser: {@code HostName}, {@code Port}, {@code User},
 * {@code IdentityFile}, {@code IdentitiesOnly}, {@code IdentityAgent} and {@code ProxyJump} of the entry that
 * matches an alias apply as they do for {@code ssh}. A file the parser refuses is reported with the line it
 * stopped at; {@code Match} and {@code Include}, which it cannot follow, are refused with their line rather
 * than silently ignored.
 */
public final class SshConfig {

    /** A missing configuration file: every alias is its own host name, on port 22, as the local user. */
    static final SshConfig EMPTY = new SshConfig(null, List.of());

    private final Path file;
    private final HostConfigEntryResolver resolver;

    private SshConfig(Path file, List<HostConfigEntry> entries) {
        this.file = file;
        this.resolver = HostConfigEntry.toHostConfigEntryResolver(entries);
    }

    /** Reads a configuration file; a missing one is empty. */
    public static SshConfig read(Path file) throws SshConfigException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return EMPTY;
        } catch (IOException e) {
            throw new SshConfigException(file, 0, Message.of("ssh.config.unreadable", e.getMessage()));
        }
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String keyword = keyword(lines.get(i));
            if (keyword.equals("match") || keyword.equals("include")) {
                throw new SshConfigException(file, i + 1, Message.of("ssh.config.unsupported",
                        lines.get(i).strip().split("[\\s=]+")[0]));
            }
        }
        try {
            return new SshConfig(file, parse(text));
        } catch (IOException | RuntimeException e) {
            // the parser rarely says where it stopped: the first prefix of the file it refuses ends at that line
            int line = failingLine(lines);
            throw new SshConfigException(file, line, Message.of("ssh.config.unparsable",
                    Texts.escaped(message(e))));
        }
    }

    private static List<HostConfigEntry> parse(String text) throws IOException {
        return HostConfigEntry.readHostConfigEntries(new BufferedReader(new StringReader(text)));
    }

    private static int failingLine(List<String> lines) {
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            prefix.append(lines.get(i)).append('\n');
            try {
                parse(prefix.toString());
            } catch (IOException | RuntimeException e) {
                return i + 1;
            }
        }
        return 0;
    }

    private static String keyword(String line) {
        String s = line.strip();
        if (s.isEmpty() || s.startsWith("#")) {
            return "";
        }
        return s.split("[\\s=]+", 2)[0].toLowerCase(Locale.ROOT);
    }

    private static String message(Throwable e) {
        if (e instanceof NumberFormatException) {
            return "not a number: " + e.getMessage().replaceFirst("^For input string: ", "");
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** The file read, or null for a missing one. */
    public Path file() {
        return file;
    }

    /**
     * What {@code ssh ALIAS} would connect to: the alias's entry (or none) resolved as OpenSSH does. Identity
     * files are the configured ones, with {@code ~} and {@code %d %h %r %u} expanded.
     */
    public Target resolve(String alias) throws SshConfigException {
        HostConfigEntry e;
        try {
            e = resolver.resolveEffectiveHost(alias, 0, null, null, null, null);
        } catch (IOException | RuntimeException ex) {
            throw new SshConfigException(file, 0, Message.of("ssh.config.unusable", Texts.quoted(alias),
                    Texts.escaped(message(ex))));
        }
        String user = System.getProperty("user.name");
        if (e == null) {
            return new Target(alias, alias, 22, user, List.of(), false, null, null);
        }
        List<Path> ids = new ArrayList<>();
        Collection<String> configured = e.getIdentities();
        if (configured != null) {
            for (String id : configured) {
                ids.add(Path.of(id.startsWith("~/") ? System.getProperty("user.home") + id.substring(1) : id));
            }
        }
        String jump = e.getProxyJump();
        if (jump == null || jump.isBlank() || jump.equalsIgnoreCase("none")) {
            jump = e.getProperty(HostConfigEntry.PROXY_JUMP_CONFIG_PROP);
        }
        if (jump != null && (jump.isBlank() || jump.equalsIgnoreCase("none"))) {
            jump = null;
        }
        String agent = e.getProperty(HostConfigEntry.IDENTITY_AGENT);
        return new Target(alias, e.getHostName() == null || e.getHostName().isBlank() ? alias : e.getHostName(),
                e.getPort() > 0 ? e.getPort() : 22, e.getUsername() == null || e.getUsername().isBlank() ? user
                : e.getUsername(), List.copyOf(ids), e.isIdentitiesOnly(), jump, agent);
    }

    /**
     * Where an alias leads.
     *
     * @param identities     the IdentityFile entries (empty: the defaults apply)
     * @param identitiesOnly {@code IdentitiesOnly yes}: the agent's keys are not offered
     * @param proxyJump      {@code ProxyJump} hops, comma-separated, or null
     * @param identityAgent  {@code IdentityAgent} (a socket, {@code SSH_AUTH_SOCK} or {@code none}), or null
     */
    public record Target(String alias, String hostName, int port, String user, List<Path> identities,
                         boolean identitiesOnly, String proxyJump, String identityAgent) {

        /** The name known_hosts holds for this target: the host name, or {@code [host]:port} off port 22. */
        public String knownHostsName() {
            return port == 22 ? hostName : "[" + hostName + "]:" + port;
        }
    }
}
