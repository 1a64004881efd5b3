package dev.tpmconsole.model.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.session.SessionContext;
import org.apache.sshd.common.util.security.SecurityUtils;

/**
 * The identity files of the hosts reached in one piece of work, each read once, however many hosts use it: an
 * encrypted key's passphrase is asked once (three tries), the key decrypted into memory, the passphrase
 * dropped. The keys live as long as this object, never on disk.
 */
final class IdentityKeys {

    private static final int TRIES = 3;

    private final SshPrompts prompts;
    private final Map<Path, Loaded> loaded = new ConcurrentHashMap<>();

    IdentityKeys(SshPrompts prompts) {
        this.prompts = prompts;
    }

    /** A key file read: its keys, or why it gave none. */
    record Loaded(Path file, List<KeyPair> keys, String problem) {
    }

    /** The keys of {@code file}, read on first use (one thread at a time per file, so that one prompt is shown). */
    Loaded load(SessionContext session, Path file, boolean defaultKey) {
        Loaded l = loaded.get(file);
        if (l != null) {
            return l;
        }
        synchronized (this) {
            return loaded.computeIfAbsent(file, f -> read(session, f, defaultKey));
        }
    }

    private Loaded read(SessionContext session, Path file, boolean defaultKey) {
        if (!Files.isRegularFile(file)) {
            return new Loaded(file, List.of(), defaultKey ? null : "no identity file " + file);
        }
        boolean[] asked = {false};
        boolean[] declined = {false};
        FilePasswordProvider passwords = new FilePasswordProvider() {
            @Override
            public String getPassword(SessionContext s, NamedResource resource, int retryIndex) {
                asked[0] = true;
                char[] typed = prompts.passphrase(file.toString(), retryIndex + 1);
                if (typed == null) {
                    declined[0] = true;
                    return null;
                }
                try {
                    return new String(typed);
                } finally {
                    Arrays.fill(typed, '\0');
                }
            }

            @Override
            public ResourceDecodeResult handleDecodeAttemptResult(SessionContext s, NamedResource resource, int retryIndex,
                                                                  String password, Exception err) {
                if (err == null) {
                    return ResourceDecodeResult.TERMINATE;
                }
                return password != null && retryIndex + 1 < TRIES ? ResourceDecodeResult.RETRY
                        : ResourceDecodeResult.TERMINATE;
            }
        };
        try (InputStream in = Files.newInputStream(file)) {
            Iterable<KeyPair> keys = SecurityUtils.loadKeyPairIdentities(session, NamedResource.ofName(file.toString()),
                    in, passwords);
            List<KeyPair> list = new ArrayList<>();
            if (keys != null) {
                keys.forEach(list::add);
            }
            return new Loaded(file, List.copyOf(list), list.isEmpty()
                    ? (asked[0] ? file + " is encrypted and no passphrase was given" : "no key in " + file) : null);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (declined[0]) {
                return new Loaded(file, List.of(), file + " is encrypted and no passphrase was given");
            }
            return new Loaded(file, List.of(), asked[0] ? file + ": wrong passphrase or unreadable key (" + why + ")"
                    : file + " cannot be read as a key (" + why + ")");
        }
    }
}
