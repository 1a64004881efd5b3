package dev.tpmconsole.model.ssh;

import dev.tpmconsole.model.i18n.LocalizedException;
import dev.tpmconsole.model.i18n.Message;
import dev.tpmconsole.model.i18n.Messages;

/**
 * A host that could not be reached or worked on, with the reason a person acts on: the connection was
 * refused, timed out, the keys were refused, the host key is unknown or changed, a permission was denied.
 */
public final class SshFailure extends dev.tpmconsole.model.i18n.LocalizedIOException {

    /** The kinds of failure docs/hosts.md names; {@link #label()} starts the message. */
    public enum Reason implements Messages.Localized {
        REFUSED("refused"), TIMEOUT("time-out"), AUTHENTICATION("authentication"), HOST_KEY("host key"),
        PERMISSION("permission"), NETWORK("network"), PROTOCOL("ssh");

        private final String label;

        Reason(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** The label for a person, in the language being read ({@code ssh.reason.<NAME>}). */
        @Override
        public Message message() {
            return Message.of("ssh.reason." + name());
        }
    }

    private final Reason reason;
    private final String fingerprint;

    /** A detail with no translation (a library's words). */
    public SshFailure(Reason reason, String detail) {
        this(reason, LocalizedException.verbatim(detail), null, null);
    }

    /** A detail with no translation (a library's words). */
    public SshFailure(Reason reason, String detail, String fingerprint, Throwable cause) {
        this(reason, LocalizedException.verbatim(detail), fingerprint, cause);
    }

    public SshFailure(Reason reason, Message detail) {
        this(reason, detail, null, null);
    }

    /** The message is the reason's label, then the detail: {@code refused: connection refused by ...}. */
    public SshFailure(Reason reason, Message detail, String fingerprint, Throwable cause) {
        this(Message.of("ssh.failure", reason, detail), reason, fingerprint, cause);
    }

    private SshFailure(Message message, Reason reason, String fingerprint, Throwable cause) {
        super(message, cause);
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
