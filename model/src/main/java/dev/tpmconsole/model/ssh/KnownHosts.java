package dev.tpmconsole.model.ssh;

import dev.tpmconsole.model.i18n.Message;
import dev.tpmconsole.model.util.Texts;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;

/**
 * A known_hosts file as OpenSSH writes it: plain and hashed ({@code |1|salt|hash}) host names, {@code [host]:port}
 * entries, comma-separated names, wildcards and {@code @revoked} markers, each line parsed and matched by MINA
 * SSHD. Lines are kept with their number, so that a changed key names the line that holds the old one. Keys of
 * a type this console cannot read are skipped, as {@code ssh} skips them; a line that cannot be parsed at all
 * is an error naming it.
 */
public final class KnownHosts {

    private final Path file;
    private final List<Line> lines = new ArrayList<>();

    private KnownHosts(Path file) {
        this.file = file;
    }

    /** One usable line. */
    private record Line(int number, KnownHostEntry entry, PublicKey key, boolean revoked) {
    }

    /** Reads a known_hosts file; a missing one knows no host. */
    public static KnownHosts read(Path file) throws SshConfigException {
        KnownHosts k = new KnownHosts(file);
        List<String> text;
        try {
            text = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return k;
        } catch (IOException e) {
            throw new SshConfigException(file, 0, Message.of("ssh.config.unreadable", e.getMessage()));
        }
        for (int i = 0; i < text.size(); i++) {
            String s = text.get(i).strip();
            if (s.isEmpty() || s.startsWith("#")) {
                continue;
            }
            k.add(i + 1, s);
        }
        return k;
    }

    private void add(int number, String line) throws SshConfigException {
        KnownHostEntry entry;
        try {
            entry = KnownHostEntry.parseKnownHostEntry(line);
        } catch (RuntimeException e) {
            throw new SshConfigException(file, number, Message.of("ssh.config.badLine",
                    Texts.escaped(e.getMessage())));
        }
        if (entry == null || entry.getKeyEntry() == null) {
            throw new SshConfigException(file, number, Message.of("ssh.config.noHostKey"));
        }
        String marker = entry.getMarker();
        if (marker != null && !marker.equals("revoked")) {
            return; // @cert-authority: certificates are not used here
        }
        AuthorizedKeyEntry keyEntry = entry.getKeyEntry();
        PublicKey key;
        try {
            key = keyEntry.resolvePublicKey(null, null, PublicKeyEntryResolver.IGNORING);
        } catch (IOException | java.security.GeneralSecurityException | RuntimeException e) {
            throw new SshConfigException(file, number, Message.of("ssh.config.badKey",
                    Texts.escaped(keyEntry.getKeyType()), Texts.escaped(e.getMessage())));
        }
        if (key != null) {
            lines.add(new Line(number, entry, key, "revoked".equals(marker)));
        }
    }

    public Path file() {
        return file;
    }

    /** What known_hosts says about a key a host presented. */
    public sealed interface Verdict {
    }

    /** The key is known for this host. */
    public record Known(int line) implements Verdict {
    }

    /** known_hosts has no key of this type for this host; {@code otherTypes} lists the types it has. */
    public record Unknown(Set<String> otherTypes) implements Verdict {
    }

    /** known_hosts has another key of this type for this host (or marks this one revoked), at {@code line}. */
    public record Changed(int line, boolean revoked) implements Verdict {
    }

    /** Checks the key {@code host} (a host name, on {@code port}) presented. */
    public synchronized Verdict verify(String host, int port, PublicKey key) {
        String type = KeyUtils.getKeyType(key);
        List<String> sameType = KeyUtils.getAllEquivalentKeyTypes(type);
        Line changed = null;
        Set<String> others = new LinkedHashSet<>();
        for (Line l : lines) {
            if (!l.entry().isHostMatch(host, port)) {
                continue;
            }
            boolean equal = KeyUtils.compareKeys(l.key(), key);
            if (l.revoked()) {
                if (equal) {
                    return new Changed(l.number(), true);
                }
                continue;
            }
            if (equal) {
                return new Known(l.number());
            }
            String known = KeyUtils.getKeyType(l.key());
            if (sameType.contains(known) || known.equals(type)) {
                if (changed == null) {
                    changed = l;
                }
            } else {
                others.add(known);
            }
        }
        return changed != null ? new Changed(changed.number(), false) : new Unknown(others);
    }

    /** The key types known for a host, in the order of the file (to prefer them when the keys are exchanged). */
    public synchronized Set<String> typesFor(String host, int port) {
        Set<String> types = new LinkedHashSet<>();
        for (Line l : lines) {
            if (!l.revoked() && l.entry().isHostMatch(host, port)) {
                types.add(KeyUtils.getKeyType(l.key()));
            }
        }
        return types;
    }

    /**
     * Appends a key for a host, as {@code ssh} does when a new key is accepted ({@code [host]:port} off port 22),
     * creating the file (owner-only) when there is none.
     */
    public synchronized void append(String host, int port, PublicKey key) throws IOException {
        String name = port == 22 ? host : "[" + host + "]:" + port;
        String line = name + " " + PublicKeyEntry.toString(key);
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        if (!Files.exists(file)) {
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file);
            }
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = ch.size();
            boolean newline = true;
            if (size > 0) {
                java.nio.ByteBuffer last = java.nio.ByteBuffer.allocate(1);
                ch.read(last, size - 1);
                newline = last.get(0) != '\n';
            }
            ch.position(size);
            ch.write(java.nio.ByteBuffer.wrap(((newline && size > 0 ? "\n" : "") + line + "\n")
                    .getBytes(StandardCharsets.UTF_8)));
        }
        int number;
        try (var all = Files.lines(file, StandardCharsets.UTF_8)) {
            number = (int) all.count();
        }
        lines.add(new Line(number, KnownHostEntry.parseKnownHostEntry(line), key, false));
    }
}
