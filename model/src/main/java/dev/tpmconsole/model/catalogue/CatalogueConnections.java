package dev.tpmconsole.model.catalogue;

import dev.tpmconsole.model.util.SqliteJdbc;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;
import org.sqlite.SQLiteConfig;

/**
 * Connections to the catalogue file: a busy timeout, so that two consoles recording at once wait for each other
 * instead of failing; write transactions that take the write lock when they begin (BEGIN IMMEDIATE), so that
 * a transaction never fails half-way because another console wrote meanwhile; foreign keys enforced. Reads run
 * without a transaction and, the file being in WAL mode, never wait for a writer.
 */
final class CatalogueConnections implements ConnectionProvider {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final int busyTimeoutMs;

    CatalogueConnections(Path file, int busyTimeoutMs) {
        this.file = file;
        this.busyTimeoutMs = busyTimeoutMs;
    }

    static Connection open(Path file, int busyTimeoutMs) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(busyTimeoutMs);
        config.enforceForeignKeys(true);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        // an audit's findings are staged in a temporary table: in memory, never written to disk
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        return SqliteJdbc.connect(file.toString(), config.toProperties());
    }

    @Override
    public Connection getConnection() throws SQLException {
        return open(file, busyTimeoutMs);
    }

    @Override
    public void closeConnection(Connection connection) throws SQLException {
        connection.close();
    }

    @Override
    public boolean supportsAggressiveRelease() {
        return false;
    }

    @Override
    public boolean isUnwrappableAs(Class<?> unwrapType) {
        return false;
    }

    @Override
    public <T> T unwrap(Class<T> unwrapType) {
        throw new UnsupportedOperationException("cannot unwrap to " + unwrapType);
    }
}
