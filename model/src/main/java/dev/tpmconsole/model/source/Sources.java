package dev.tpmconsole.model.source;

import java.nio.file.Path;

/** Opens a source named on the command line or in the GUI: a snapshot path or a JDBC URL. */
public final class Sources {

    private Sources() {
    }

    public static Source open(String spec, OpenOptions options) throws SourceException {
        if (spec == null || spec.isBlank()) {
            throw new SourceException(SourceException.Reason.NOT_FOUND, "No source given");
        }
        if (spec.startsWith("jdbc:mariadb:") || spec.startsWith("jdbc:mysql:")) {
            return MariaDbSource.open(spec, null, null, options);
        }
        if (spec.startsWith("jdbc:")) {
            throw new SourceException(SourceException.Reason.UNSUPPORTED, "Unsupported database URL "
                    + JdbcUrls.withoutPassword(spec) + ": use jdbc:mariadb:// or jdbc:mysql://, or an SQLite snapshot");
        }
        return SqliteSnapshot.open(Path.of(spec), options);
    }
}
