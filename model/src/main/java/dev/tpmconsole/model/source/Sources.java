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
        if (spec.startsWith("jdbc:")) {
            throw new SourceException(SourceException.Reason.UNSUPPORTED,
                    "Live databases (" + JdbcUrls.withoutPassword(spec) + ") are not supported by this version yet;"
                            + " open an SQLite snapshot instead");
        }
        return SqliteSnapshot.open(Path.of(spec), options);
    }
}
