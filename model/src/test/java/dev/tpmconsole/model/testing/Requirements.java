package dev.tpmconsole.model.testing;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * What a test needs from the machine (a MariaDB server, mysqldump, root to mount a small disk, setpriv...): where
 * it is missing, the test is skipped with a visible message; under {@code CI=true} it fails instead, since CI
 * installs everything.
 */
public final class Requirements {

    private Requirements() {
    }

    /** Skips the test (fails it under {@code CI=true}), saying what is missing. Never returns normally. */
    public static void unavailable(String message) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(message + ": CI=true requires it");
        }
        System.err.println("SKIPPED: " + message);
        Assumptions.abort(message + ": test skipped");
    }
}
