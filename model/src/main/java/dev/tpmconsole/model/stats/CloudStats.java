package dev.tpmconsole.model.stats;

import dev.tpmconsole.model.browse.KeyState;
import dev.tpmconsole.model.source.Source;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the overview shows of a cloud's data as it is now: its TPMs by key state, and per host its TPM-state and
 * NvRam files and the backups of the VMs it runs (a backup has no host of its own: it counts on the host of its VM,
 * or of its snapshot group's VM). Set-based queries; reads only.
 *
 * @param keyStates TPMs by the most alarming state of their key refs (every state, zeros included)
 * @param hosts     the hosts with the most files and backups, most first (at most {@code limit})
 * @param otherHosts how many more hosts have files or backups
 * @param missingHosts how many of all the hosts with files or backups (shown or not) have no row in HostEO
 */
public record CloudStats(Map<KeyState, Long> keyStates, List<HostLoad> hosts, int otherHosts, int missingHosts) {

    /**
     * A host's files and backups; {@code name} is null when HostEO has no row for the host (a missing host: its
     * files are findings of the audit), and its name column as written otherwise.
     */
    public record HostLoad(String hostUuid, String name, long tpmStateFiles, long nvramFiles, long backups) {
        public long total() {
            return tpmStateFiles + nvramFiles + backups;
        }

        /** Whether HostEO has no row for this host. */
        public boolean missing() {
            return name == null;
        }
    }

    public static CloudStats read(Source source, int limit) throws SQLException {
        Map<KeyState, Long> states = new EnumMap<>(KeyState.class);
        for (KeyState k : KeyState.values()) {
            states.put(k, 0L);
        }
        Map<String, long[]> perHost = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        String owner = source.layout().backupOwnerColumn();
        try (Connection c = source.connection(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT s.code, COUNT(*) FROM (SELECT MAX(" + KeyState.codeSql("r", "p")
                    + ") AS code FROM TpmVO t LEFT JOIN EncryptedResourceKeyRefVO r ON r.resourceType = 'TpmVO'"
                    + " AND r.resourceUuid = t.uuid LEFT JOIN KeyProviderVO p ON p.uuid = r.providerUuid"
                    + " GROUP BY t.uuid) s GROUP BY s.code")) {
                while (rs.next()) {
                    states.put(KeyState.ofCode(rs.getInt(1)), rs.getLong(2));
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT hostUuid, type, COUNT(*) FROM VmHostFileVO GROUP BY hostUuid, type")) {
                while (rs.next()) {
                    long[] n = perHost.computeIfAbsent(rs.getString(1), k -> new long[3]);
                    n["TpmState".equals(rs.getString(2)) ? 0 : "NvRam".equals(rs.getString(2)) ? 1 : 0] += rs.getLong(3);
                }
            }
            String vmHost = "COALESCE(v.hostUuid, v.lastHostUuid)";
            StringBuilder backups = new StringBuilder("SELECT x.host, COUNT(*) FROM (SELECT " + vmHost + " AS host"
                    + " FROM VmHostBackupFileVO b JOIN VmInstanceEO v ON v.uuid = b." + owner);
            if (source.layout().has("VolumeSnapshotGroupVO")) {
                backups.append(" UNION ALL SELECT ").append(vmHost).append(" FROM VmHostBackupFileVO b JOIN")
                        .append(" VolumeSnapshotGroupVO g ON g.uuid = b.").append(owner)
                        .append(" JOIN VmInstanceEO v ON v.uuid = g.vmInstanceUuid");
            }
            try (ResultSet rs = st.executeQuery(backups.append(") x WHERE x.host IS NOT NULL GROUP BY x.host").toString())) {
                while (rs.next()) {
                    perHost.computeIfAbsent(rs.getString(1), k -> new long[3])[2] += rs.getLong(2);
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT uuid, name FROM HostEO")) {
                while (rs.next()) {
                    names.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        List<HostLoad> hosts = new ArrayList<>();
        perHost.forEach((uuid, n) -> hosts.add(new HostLoad(uuid,
                names.containsKey(uuid) ? Objects.requireNonNullElse(names.get(uuid), "") : null, n[0], n[1], n[2])));
        hosts.sort(Comparator.comparingLong(HostLoad::total).reversed()
                .thenComparing(HostLoad::name, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(HostLoad::hostUuid, Comparator.nullsLast(Comparator.naturalOrder())));
        int shown = Math.min(limit, hosts.size());
        int missing = (int) hosts.stream().filter(HostLoad::missing).count();
        return new CloudStats(states, List.copyOf(hosts.subList(0, shown)), hosts.size() - shown, missing);
    }
}
