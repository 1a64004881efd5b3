package dev.tpmconsole.app;

import java.nio.file.Path;

/** Where the console keeps its files: the XDG data folder on Linux, overridable for tests and portable use. */
public final class AppDirs {

    /** System property (or environment variable TPM_CONSOLE_DATA) naming the data folder. */
    public static final String DATA_PROPERTY = "tpmconsole.data";

    private AppDirs() {
    }

    public static Path dataDir() {
        String explicit = System.getProperty(DATA_PROPERTY, System.getenv("TPM_CONSOLE_DATA"));
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("tpm-console");
    }
}
