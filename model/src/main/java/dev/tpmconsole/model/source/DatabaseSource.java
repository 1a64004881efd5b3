package dev.tpmconsole.model.source;

import dev.tpmconsole.model.schema.DatabaseKind;
import dev.tpmconsole.model.schema.SchemaLayout;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What a source that opens its own connections (a snapshot file, a live database) keeps: its kind, whether it was
 * opened for changes, the layout found when it was opened, and whether it has been closed.
 */
abstract class DatabaseSource implements Source {

    private final DatabaseKind kind;
    private final boolean writable;
    private final SchemaLayout layout;
    private final AtomicBoolean closed = new AtomicBoolean();

    DatabaseSource(DatabaseKind kind, boolean writable, SchemaLayout layout) {
        this.kind = kind;
        this.writable = writable;
        this.layout = layout;
    }

    @Override
    public final DatabaseKind kind() {
        return kind;
    }

    @Override
    public final boolean writable() {
        return writable;
    }

    @Override
    public final SchemaLayout layout() {
        return layout;
    }

    /** Refuses a connection once the source is closed; {@code what} names it ("the snapshot PATH"). */
    final void requireOpen(String what) throws SQLException {
        if (closed.get()) {
            throw new SQLException(what + " has been closed");
        }
    }

    /** Marks the source closed; true the first time only. */
    final boolean markClosed() {
        return closed.compareAndSet(false, true);
    }
}
