package dev.tpmconsole.views.hosts;

import dev.tpmconsole.model.ssh.SshPrompts;
import dev.tpmconsole.views.util.DialogService;
import dev.tpmconsole.views.util.I18n;
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
        return onFx(() -> dialogs.get().password(I18n.t("ui.ssh.passphrase.title"), attempt > 1
                ? I18n.t("ui.ssh.passphrase.wrong", keyFile) : I18n.t("ui.ssh.passphrase.message", keyFile),
                I18n.t("ui.ssh.passphrase.unlock")));
    }

    @Override
    public synchronized boolean trustUnknownHostKey(UnknownHostKey key) {
        String host = key.host().contains(key.alias()) ? key.host()
                : I18n.t("ui.ssh.hostKey.hostAlias", key.host(), key.alias());
        Boolean yes = onFx(() -> dialogs.get().confirm(I18n.t("ui.ssh.hostKey.title"),
                I18n.t("ui.ssh.hostKey.unknown", host, key.keyType()) + "\n\n    " + key.fingerprint() + "\n\n"
                        + (key.note() == null ? "" : key.note() + ".\n") + I18n.t("ui.ssh.hostKey.compare"),
                I18n.t("ui.ssh.hostKey.trust")));
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
