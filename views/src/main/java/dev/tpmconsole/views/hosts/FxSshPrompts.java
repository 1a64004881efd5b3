package dev.tpmconsole.views.hosts;

import dev.tpmconsole.model.ssh.SshPrompts;
import dev.tpmconsole.views.util.DialogService;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import javafx.application.Platform;

/**
 * Asks the person in the window, from the threads that reach hosts: a key's passphrase in a password field (used
 * to decrypt the key, then dropped), and whether to trust a host key known_hosts does not have, showing its
 * SHA256 fingerprint. The thread waits for the answer; the dialogs come one at a time.
 */
public final class FxSshPrompts implements SshPrompts {

    private final Supplier<DialogService> dialogs;

    public FxSshPrompts(Supplier<DialogService> dialogs) {
        this.dialogs = dialogs;
    }

    @Override
    public synchronized char[] passphrase(String keyFile, int attempt) {
        return onFx(() -> dialogs.get().password("Passphrase for an SSH key", (attempt > 1 ? "Wrong passphrase. " : "")
                + "The key " + keyFile + " is encrypted. Its passphrase decrypts it for this work only: it is not"
                + " saved, logged or shown.", "Unlock"));
    }

    @Override
    public synchronized boolean trustUnknownHostKey(UnknownHostKey key) {
        Boolean yes = onFx(() -> dialogs.get().confirm("Unknown host key",
                "The host " + key.host() + (key.host().contains(key.alias()) ? "" : " (" + key.alias() + ")")
                        + " is not in known_hosts. Its " + key.keyType() + " key has the fingerprint\n\n    "
                        + key.fingerprint() + "\n\n" + (key.note() == null ? "" : key.note() + ".\n")
                        + "Compare it with the host's own (ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub on the host)"
                        + " before you trust it. Trusting adds it to known_hosts.", "Trust this key"));
        return Boolean.TRUE.equals(yes);
    }

    private static <T> T onFx(Supplier<T> ask) {
        if (Platform.isFxApplicationThread()) {
            return ask.get();
        }
        CompletableFuture<T> answer = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                answer.complete(ask.get());
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            return null;
        }
    }
}
