package dev.tpmconsole.model.hosts;

import dev.tpmconsole.model.audit.Severity;

/**
 * The rules of a host scan (docs/hosts.md, "Scan"): what is on a KVM host compared with what the database says. The
 * ids are stable, as the audit's are. {@code HOST_UNREACHABLE} is an error: the host could not be scanned at
 * all, so nothing is known about it.
 */
public enum HostRule {
    HOST_STATE_MISSING(Level.SUSPECT, "A TpmState row whose folder is not on its host",
            "ZStack's database names a TPM state folder (a VmHostFileVO row of type TpmState) that does not exist on"
                    + " the host the row names. The VM's TPM state is gone from that host; starting the VM there"
                    + " creates a new, empty TPM. A person decides: restore the state from a backup, or remove the row."),
    HOST_STATE_UNTRACKED(Level.ORPHAN, "A state folder no TpmState row of its host names",
            "A folder in /var/lib/libvirt/swtpm/ that no TpmState row of that host names: state ZStack's flows left"
                    + " behind. libvirt treats an existing folder as an already created TPM (libvirt issue #57), so"
                    + " a stale folder can bring old TPM state back when a VM with that uuid gets a TPM again. The"
                    + " detail says whether the VM still exists, is soft-deleted, has a TPM and runs on the host."),
    HOST_NVRAM_UNTRACKED(Level.INFO, "An NvRam file no NvRam row of its host names",
            "A file in /var/lib/libvirt/qemu/nvram/ that no NvRam row of that host names. NvRam belongs to secure"
                    + " boot, not to the TPM; it is listed to be seen, never touched by the console."),
    HOST_PATH_REFUSED(Level.SUSPECT, "A path that breaks the path rules",
            "A row's path, or an entry on the host, that the console may not touch: a symbolic link (refused,"
                    + " never followed), a file where a state folder must be, a folder where an NvRam file must be,"
                    + " a name that is no VM uuid, a path outside /var/lib/libvirt/swtpm/ and"
                    + " /var/lib/libvirt/qemu/nvram/, or one whose realpath on the host is not itself."),
    HOST_UNREACHABLE(Level.ERROR, "A host that could not be scanned",
            "The host could not be scanned: no HostEO row or no management address, the connection was refused"
                    + " or timed out, its host key is unknown or changed, no key was accepted, or a folder could"
                    + " not be listed. Nothing is known about its files; the other hosts were scanned.");

    /** How a finding is read: the audit's severities, and {@code error} for a host that could not be scanned. */
    public enum Level {
        ORPHAN, SUSPECT, INFO, ERROR;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
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
    private final String title;
    private final String explanation;

    HostRule(Level level, String title, String explanation) {
        this.level = level;
        this.title = title;
        this.explanation = explanation;
    }

    public Level level() {
        return level;
    }

    public String title() {
        return title;
    }

    public String explanation() {
        return explanation;
    }
}
