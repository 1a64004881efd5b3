package dev.tpmconsole.model.demo;

/**
 * What to generate.
 *
 * @param vms  number of ordinary VMs (VMs carrying the injected dirty rows come on top, a few per kind)
 * @param seed the same seed always gives the same rows
 */
public record DemoOptions(int vms, long seed) {

    public static final int DEFAULT_VMS = 2000;
    public static final long DEFAULT_SEED = 20261125L;
    public static final int MAX_VMS = 2_000_000;

    public DemoOptions {
        if (vms < 1 || vms > MAX_VMS) {
            throw new IllegalArgumentException("--vms must be between 1 and " + MAX_VMS + ", not " + vms);
        }
    }

    public static DemoOptions defaults() {
        return new DemoOptions(DEFAULT_VMS, DEFAULT_SEED);
    }
}
