package dev.tpmconsole.model.browse;

/**
 * What the VM list is filtered by; every part is optional and all given parts must hold.
 *
 * @param text      prefix of the VM's name (case-insensitive) or of its uuid (hyphens and case ignored)
 * @param state     a {@code VmInstanceEO.state} value, or {@link #SOFT_DELETED} for VMs with {@code deleted}
 *                  set; null or blank for any
 * @param host      prefix of the name, management IP or uuid of the VM's host (its current host, else the last
 *                  one it ran on)
 * @param dirtyOnly only VMs some of whose rows are dirty ({@link DirtyVmIndex})
 */
public record VmFilter(String text, String state, String host, boolean dirtyOnly) {

    /** The pseudo-state of soft-deleted VMs (VmInstanceEO rows with {@code deleted} set). */
    public static final String SOFT_DELETED = "(soft-deleted)";

    public VmFilter {
        text = text == null ? "" : text.strip();
        state = state == null ? "" : state.strip();
        host = host == null ? "" : host.strip();
    }

    public static VmFilter none() {
        return new VmFilter("", "", "", false);
    }

    public VmFilter withText(String t) {
        return new VmFilter(t, state, host, dirtyOnly);
    }

    public VmFilter withState(String s) {
        return new VmFilter(text, s, host, dirtyOnly);
    }

    public VmFilter withHost(String h) {
        return new VmFilter(text, state, h, dirtyOnly);
    }

    public VmFilter withDirtyOnly(boolean d) {
        return new VmFilter(text, state, host, d);
    }

    public boolean isEmpty() {
        return text.isEmpty() && state.isEmpty() && host.isEmpty() && !dirtyOnly;
    }
}
