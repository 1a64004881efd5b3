package dev.tpmconsole.model.hosts;

import dev.tpmconsole.model.i18n.Message;
import dev.tpmconsole.model.i18n.Messages;
import dev.tpmconsole.model.ssh.RemoteEntry;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a scan found: each host (scanned, with the entries of its two folders; or unreachable, with the reason),
 * the findings and the count per rule (every rule, zeros included).
 */
public record HostScanReport(String source, Instant scannedAt, List<Host> hosts, List<HostFinding> findings) {

    /** Whether a host was scanned. */
    public enum Status implements Messages.Localized {
        SCANNED("scanned"), UNREACHABLE("unreachable"), CANCELLED("cancelled");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** The state for a person, in the language being read ({@code hosts.status.<label>}). */
        @Override
        public Message message() {
            return Message.of("hosts.status." + label);
        }
    }

    /**
     * One host: its uuid, name and address, whether it was scanned, why not, and the entries of
     * {@code /var/lib/libvirt/swtpm/} and {@code /var/lib/libvirt/qemu/nvram/} (without the trash folder).
     *
     * @param why why the host was not scanned (shown in the reader's language), or null
     */
    public record Host(String hostUuid, String name, String managementIp, Status status, Message why,
                       List<RemoteEntry> entries, List<HostFinding> findings) {

        /** Why the host was not scanned, in English (the JSON report's {@code reason}), or null. */
        public String reason() {
            return why == null ? null : why.english();
        }

        /** The entry at {@code path} (a trailing slash ignored), if the scan saw one. */
        public Optional<RemoteEntry> entry(String path) {
            String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
            return entries.stream().filter(e -> e.path().equals(p)).findFirst();
        }
    }

    public Map<HostRule, Long> counts() {
        Map<HostRule, Long> counts = new EnumMap<>(HostRule.class);
        for (HostRule r : HostRule.values()) {
            counts.put(r, 0L);
        }
        findings.forEach(f -> counts.merge(f.rule(), 1L, Long::sum));
        return counts;
    }

    /** Whether any finding is more than info (the command then exits with 3). */
    public boolean needsAction() {
        return findings.stream().anyMatch(f -> f.severity().needsAction());
    }

    /** The scan of a host, if it was in this scan. */
    public Optional<Host> host(String hostUuid) {
        return hosts.stream().filter(h -> h.hostUuid().equals(hostUuid)).findFirst();
    }
}
