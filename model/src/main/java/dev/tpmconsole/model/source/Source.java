package dev.tpmconsole.model.source;

import dev.tpmconsole.model.i18n.Message;
import dev.tpmconsole.model.schema.DatabaseKind;
import dev.tpmconsole.model.schema.SchemaLayout;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * An open ZStack database: an SQLite snapshot or a live MariaDB. Everything in the model reads and writes
 * through a source; nothing else opens connections.
 */
public interface Source extends AutoCloseable {

    /** The snapshot path, or the JDBC URL without any password. */
    String displayName();

    DatabaseKind kind();

    /** False for a snapshot opened read-only (the default). */
    boolean writable();

    /** The layout detected when the source was opened. */
    SchemaLayout layout();

    /**
     * A new connection, read-only unless the source is writable. The caller closes it. Every query the
     * console runs goes through here, which is where the thread guard of the views sits.
     */
    Connection connection() throws SQLException;

    /** The snapshot file, for a source that is one (whatever wraps it); empty for a live database. */
    default java.util.Optional<java.nio.file.Path> snapshotFile() {
        return java.util.Optional.empty();
    }

    /**
     * The same database opened again, with other options (a run opens the shown source for changes once the
     * person confirmed it); credentials of a live database are reused without being asked again.
     */
    default Source reopen(OpenOptions options) throws SourceException {
        throw new SourceException(SourceException.Reason.UNSUPPORTED, Message.of("source.notAgain", displayName()));
    }

    /** Turns an error met while reading into a message about this source. */
    default SourceException failure(SQLException e) {
        return new SourceException(SourceException.Reason.CORRUPT, Message.of("source.cannotRead", displayName(),
                e.getMessage()), e);
    }

    @Override
    void close();
}
