package dev.tpmconsole.views.main;

import dev.tpmconsole.model.source.Source;
import dev.tpmconsole.model.source.SourceException;
import java.nio.file.Path;

/** What the main window needs from the model to open things; the app wires the real implementation. */
public interface SourceService {

    /** Opens a snapshot read-only. */
    Source open(Path snapshot) throws SourceException;

    /** The built-in demo snapshot, generated on first use. */
    Path demoSnapshot() throws Exception;

    /**
     * Opens a live ZStack database read-only ({@code jdbc:mariadb://} or {@code jdbc:mysql://}); the password is
     * kept in memory for the session only. {@code user} and {@code password} may be null when the URL has them.
     */
    default Source openDatabase(String url, String user, String password) throws SourceException {
        throw new SourceException(SourceException.Reason.UNSUPPORTED, "This console cannot open live databases");
    }

    /**
     * As {@link #openDatabase(String, String, String)}, through SSH to {@code sshAlias} (a local port forward; the
     * URL's host and port as the alias sees them); a null alias connects directly.
     */
    default Source openDatabase(String url, String user, String password, String sshAlias) throws SourceException {
        if (sshAlias == null) {
            return openDatabase(url, user, password);
        }
        throw new SourceException(SourceException.Reason.UNSUPPORTED, "This console cannot open databases through SSH");
    }
}
