package dev.tpmconsole.model.hosts;

import dev.tpmconsole.model.i18n.Message;

/**
 * One finding of a host scan: the rule, the host, the path on it, the row it is about (when a row names the
 * path: {@code table} and {@code key}), the VM, a sentence a person understands and the repair (both kept as
 * {@link Message}s, shown in the reader's language; {@link #detail()} and {@link #repair()} are the English the
 * JSON report and the catalogue hold).
 */
public record HostFinding(HostRule rule, String hostUuid, String managementIp, String path, String table, String key,
                          String vmUuid, Message message, Message repairMessage) {

    public HostRule.Level severity() {
        return rule.level();
    }

    /** The sentence in English. */
    public String detail() {
        return message.english();
    }

    /** The repair in English: {@code none}, {@code move to trash}, or {@code none (why)}. */
    public String repair() {
        return repairMessage.english();
    }
}
