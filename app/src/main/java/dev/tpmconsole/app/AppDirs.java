package dev.tpmconsole.app;

import java.nio.file.Path;

/**
 * Where the console keeps its files: the XDG data folder (the demo snapshot) and the XDG config folder (the
 * preferences) on Linux, each overridable for tests and portable use.
 */
public final class AppDirs {

    /** System property (or environment variable TPM_CONSOLE_DATA) naming the data folder. */
    public static final String DATA_PROPERTY = "tpmconsole.data";
    /** System property (or environment variable TPM_CONSOLE_CONFIG) naming the config folder. */
    public static final String CONFIG_PROPERTY = "tpmconsole.config";

    private AppDirs() {
    }

    public static Path dataDir() {
        return dir(DATA_PROPERTY, "TPM_CONSOLE_DATA", "XDG_DATA_HOME", ".local/share");
    }

    public static Path configDir() {
        return dir(CONFIG_PROPERTY, "TPM_CONSOLE_CONFIG", "XDG_CONFIG_HOME", ".config");
    }

    private static Path dir(String property, String env, String xdgVariable, String fallback) {
        String explicit = System.getProperty(property, System.getenv(env));
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = System.getenv(xdgVariable);
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), fallback);
        return base.resolve("tpm-console");
    }
}
