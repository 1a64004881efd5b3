package dev.tpmconsole.model.ssh;

/**
 * What only the person at the console can answer while hosts are reached: the passphrase of an encrypted key
 * (asked without echo, used to decrypt the key and then forgotten) and whether to trust a host key that
 * known_hosts does not have. Called from the threads that connect, never from a UI thread.
 */
public interface SshPrompts {

    /** Answers nothing: encrypted keys are skipped and unknown host keys refused. */
    SshPrompts NONE = new SshPrompts() {
    };

    /**
     * The passphrase of {@code keyFile}, or null to skip the key. {@code attempt} counts from 1; a wrong
     * passphrase is asked again up to three times. The caller wipes the array after use.
     */
    default char[] passphrase(String keyFile, int attempt) {
        return null;
    }

    /** Whether to trust (and add to known_hosts) a key that known_hosts does not have for this host. */
    default boolean trustUnknownHostKey(UnknownHostKey key) {
        return false;
    }

    /**
     * A host key known_hosts does not have.
     *
     * @param host        the name known_hosts would hold: the host name, or {@code [host]:port} off port 22
     * @param keyType     e.g. {@code ssh-ed25519}
     * @param fingerprint {@code SHA256:...}, as {@code ssh} shows it
     * @param note        what else known_hosts says about the host (keys of another type), or null
     */
    record UnknownHostKey(String alias, String host, String keyType, String fingerprint, String note) {
    }
}
