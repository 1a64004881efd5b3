package dev.tpmconsole.model.source;

import dev.tpmconsole.model.schema.DatabaseKind;
import dev.tpmconsole.model.schema.SchemaLayout;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;

/**
 * A source whose every connection is first checked by a {@link QueryGuard}. Since every query of the console
 * goes through {@link Source#connection()} on a connection that is closed after the operation (none is kept),
 * checking there checks every query. The views wrap each source they open in one.
 */
public final class GuardedSource implements Source {

    private final Source delegate;
    private final QueryGuard guard;

    public GuardedSource(Source delegate, QueryGuard guard) {
        this.delegate = Objects.requireNonNull(delegate);
        this.guard = Objects.requireNonNull(guard);
    }

    /** The source this one guards. */
    public Source delegate() {
        return delegate;
    }

    @Override
    public String displayName() {
        return delegate.displayName();
    }

    @Override
    public DatabaseKind kind() {
        return delegate.kind();
    }

    @Override
    public boolean writable() {
        return delegate.writable();
    }

    @Override
    public SchemaLayout layout() {
        return delegate.layout();
    }

    @Override
    public Connection connection() throws SQLException {
        guard.check("a connection to " + delegate.displayName());
        return delegate.connection();
    }

    @Override
    public Source reopen(OpenOptions options) throws SourceException {
        return new GuardedSource(delegate.reopen(options), guard);
    }

    @Override
    public java.util.Optional<java.nio.file.Path> snapshotFile() {
        return delegate.snapshotFile();
    }

    @Override
    public SourceException failure(SQLException e) {
        return delegate.failure(e);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
