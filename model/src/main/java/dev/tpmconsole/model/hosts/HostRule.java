package dev.tpmconsole.model.hosts;

import dev.tpmconsole.model.audit.Severity;
import dev.tpmconsole.model.i18n.Message;
import dev.tpmconsole.model.i18n.Messages;

/**
 * The rules of a host scan (docs/hosts.md, "Scan"): what is on a KVM host compared with what the database says. The
 * ids are stable, as the audit's are. {@code HOST_UNREACHABLE} is an error: the host could not be scanned at
 * all, so nothing is known about it.
 */
public enum HostRule {
    HOST_STATE_MISSING(Level.SUSPECT),
    HOST_STATE_UNTRACKED(Level.ORPHAN),
    HOST_NVRAM_UNTRACKED(Level.INFO),
    HOST_PATH_REFUSED(Level.SUSPECT),
    HOST_UNREACHABLE(Level.ERROR);

    /** How a finding is read: the audit's severities, and {@code error} for a host that could not be scanned. */
    public enum Level implements Messages.Localized {
        ORPHAN, SUSPECT, INFO, ERROR;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** The word for a person, in the language being read: the audit's severities' ({@code severity.<label>}). */
        @Override
        public Message message() {
            return Message.of("severity." + label());
        }

        /** Whether findings of this level make {@code hosts scan} exit with 3 (everything but info). */
        public boolean needsAction() {
            return this != INFO;
        }

        /** The audit's severity of the same name, or null for {@code error}. */
        public Severity severity() {
            return this == ERROR ? null : Severity.valueOf(name());
        }
    }

    private final Level level;

    HostRule(Level level) {
        this.level = level;
    }

    public Level level() {
        return level;
    }

    /** A short name for people ({@code rule.<ID>.title} of the model bundle). */
    public Message title() {
        return Message.of("rule." + name() + ".title");
    }

    /** What the rule means ({@code rule.<ID>.explanation}). */
    public Message explanation() {
        return Message.of("rule." + name() + ".explanation");
    }
}
