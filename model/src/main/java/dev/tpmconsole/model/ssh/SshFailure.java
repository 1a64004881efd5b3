package dev.tpmconsole.model.ssh;

import java.io.IOException;

/**
 * A host that could not be reached or worked on, with the reason a person acts on: the connection was
 * refused, timed out, the keys were refused, the host key is unknown or changed, a permission was denied.
 */
public final class SshFailure extends IOException {

    /** The kinds of failure docs/hosts.md names; {@link #label()} starts the message. */
    public enum Reason {
        REFUSED("refused"), TIMEOUT("time-out"), AUTHENTICATION("authentication"), HOST_KEY("host key"),
        PERMISSION("permission"), NETWORK("network"), PROTOCOL("ssh");

        private final String label;

        Reason(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final Reason reason;
    private final String fingerprint;

    public SshFailure(Reason reason, String detail) {
        this(reason, detail, null, null);
    }

    public SshFailure(Reason reason, String detail, String fingerprint, Throwable cause) {
        super(reason.label() + ": " + detail, cause);
        this.reason = reason;
        this.fingerprint = fingerprint;
    }

    public Reason reason() {
        return reason;
    }

    /** The SHA256 fingerprint of the host key, for a host key failure; else null. */
    public String fingerprint() {
        return fingerprint;
    }
}
