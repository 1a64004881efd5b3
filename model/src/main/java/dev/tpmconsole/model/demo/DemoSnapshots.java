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
