package dev.tpmconsole.model.catalogue;

import dev.tpmconsole.model.source.Source;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What a ZStack cloud is recognised by, read from its data: the uuids of its management nodes, zones, hosts
 * (soft-deleted ones too) and key providers. Hosts come and go, and a stopped management node removes its row,
 * but one snapshot of a cloud shares most of these with the next: a source belongs to the cloud it shares the
 * most markers with. {@code source} is the source's display name (the snapshot path, the URL without
 * password), by which the user can pin a source to a cloud.
 */
public record CloudMarkers(String source, String label, Set<Marker> markers) {

    /** One uuid of a kind: {@code management-node}, {@code zone}, {@code host}, {@code key-provider}. */
    public record Marker(String kind, String value) {
    }

    public CloudMarkers {
        markers = Set.copyOf(markers);
    }

    /** Reads the markers of a source (a handful of small queries; never writes). */
    public static CloudMarkers read(Source source) throws SQLException {
        Set<Marker> markers = new LinkedHashSet<>();
        try (Connection c = source.connection(); Statement st = c.createStatement()) {
            if (source.layout().has("ManagementNodeVO")) {
                add(st, "SELECT uuid FROM ManagementNodeVO", "management-node", markers);
            }
            add(st, "SELECT DISTINCT zoneUuid FROM HostEO", "zone", markers);
            add(st, "SELECT uuid FROM HostEO", "host", markers);
            add(st, "SELECT uuid FROM KeyProviderVO", "key-provider", markers);
        }
        return new CloudMarkers(source.displayName(), label(source.displayName()), markers);
    }

    private static void add(Statement st, String sql, String kind, Set<Marker> into) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                String v = rs.getString(1);
                if (v != null && !v.isBlank()) {
                    into.add(new Marker(kind, v));
                }
            }
        }
    }

    /** What a new cloud is called until the user names it: the snapshot's file name, or "zstack on HOST:PORT". */
    static String label(String source) {
        if (source.startsWith("jdbc:")) {
            return dev.tpmconsole.model.source.JdbcUrls.describe(source);
        }
        Path name = Path.of(source).getFileName();
        return name == null ? source : name.toString();
    }
}
