package dev.tpmconsole.model.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;

/** The built-in demo snapshot in the user's data folder, generated on first use. */
public final class DemoSnapshots {

    public static final String FILE_NAME = "demo.sqlite";

    private DemoSnapshots() {
    }

    /**
     * Whether a source is a demo database (the built-in one, or one written by {@code demo}): its hosts are in
     * the demo's zones. Their addresses are made up, so no host work may ever try to reach them.
     */
    public static boolean isDemo(dev.tpmconsole.model.source.Source source) throws java.sql.SQLException {
        try (java.sql.Connection c = source.connection(); java.sql.PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM HostEO WHERE zoneUuid IN (?, ?)")) {
            ps.setString(1, DemoGenerator.ZONE_A);
            ps.setString(2, DemoGenerator.ZONE_B);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getLong(1) > 0;
            }
        }
    }

    public static Path location(Path dataDir) {
        return dataDir.resolve(FILE_NAME);
    }

    /**
     * Returns the demo snapshot in {@code dataDir}, generating it (with the default options) when it does
     * not exist yet. The result of the generation is returned when one ran.
     */
    public static Optional<DemoResult> ensure(Path dataDir) throws IOException, SQLException {
        Path file = location(dataDir);
        if (Files.isRegularFile(file)) {
            return Optional.empty();
        }
        // SnapshotFile creates the folder (readable by the owner only) when it is missing
        return Optional.of(DemoGenerator.writeSnapshot(file, DemoOptions.defaults(), false));
    }
}
