package dev.tpmconsole.model.hosts;

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
    public enum Status {
        SCANNED("scanned"), UNREACHABLE("unreachable"), CANCELLED("cancelled");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * One host: its uuid, name and address, whether it was scanned, why not, and the entries of
     * {@code /var/lib/libvirt/swtpm/} and {@code /var/lib/libvirt/qemu/nvram/} (without the trash folder).
     */
    public record Host(String hostUuid, String name, String managementIp, Status status, String reason,
                       List<RemoteEntry> entries, List<HostFinding> findings) {

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
