package dev.tpmconsole.model.browse;

/**
 * What the VM list is filtered by; every part is optional and all given parts must hold.
 *
 * @param text      prefix of the VM's name (case-insensitive) or of its uuid (hyphens and case ignored)
 * @param states    {@code VmInstanceEO.state} values, and {@link #SOFT_DELETED} for VMs with {@code deleted}
 *                  set: a VM in any of them; none (or null) for any state
 * @param host      prefix of the name, management IP or uuid of the VM's host (its current host, else the last
 *                  one it ran on)
 * @param dirtyOnly only VMs some of whose rows are dirty ({@link DirtyVmIndex})
 */
public record VmFilter(String text, java.util.Set<String> states, String host, boolean dirtyOnly) {

    /** The pseudo-state of soft-deleted VMs (VmInstanceEO rows with {@code deleted} set). */
    public static final String SOFT_DELETED = "(soft-deleted)";

    public VmFilter {
        text = text == null ? "" : text.strip();
        states = states == null ? java.util.Set.of() : java.util.Set.copyOf(states.stream().map(String::strip)
                .filter(s -> !s.isEmpty()).toList());
        host = host == null ? "" : host.strip();
    }

    public static VmFilter none() {
        return new VmFilter("", java.util.Set.of(), "", false);
    }

    public VmFilter withText(String t) {
        return new VmFilter(t, states, host, dirtyOnly);
    }

    /** VMs in state {@code s} only. */
    public VmFilter withState(String s) {
        return withStates(java.util.Set.of(s));
    }

    /** VMs in any of {@code s} (none: any state). */
    public VmFilter withStates(java.util.Set<String> s) {
        return new VmFilter(text, s, host, dirtyOnly);
    }

    public VmFilter withHost(String h) {
        return new VmFilter(text, states, h, dirtyOnly);
    }

    public VmFilter withDirtyOnly(boolean d) {
        return new VmFilter(text, states, host, d);
    }

    public boolean isEmpty() {
        return text.isEmpty() && states.isEmpty() && host.isEmpty() && !dirtyOnly;
    }
}
