package dev.tpmconsole.model.hosts;

/**
 * One finding of a host scan: the rule, the host, the path on it, the row it is about (when a row names the
 * path: {@code table} and {@code key}), the VM, a sentence a person understands and the repair.
 */
public record HostFinding(HostRule rule, String hostUuid, String managementIp, String path, String table, String key,
                          String vmUuid, String detail, String repair) {

    public HostRule.Level severity() {
        return rule.level();
    }
}
