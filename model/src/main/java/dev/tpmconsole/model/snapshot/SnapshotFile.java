package dev.tpmconsole.model.snapshot;

import dev.tpmconsole.model.schema.ZStackSchema;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.sqlite.SQLiteConfig;

/**
 * Writes a new snapshot: the schema is created in a temporary file beside the target, rows are added in
 * one transaction, and only a complete snapshot is moved into place. A failed or cancelled write leaves
 * nothing behind, and an existing file is never replaced unless asked.
 */
public final class SnapshotFile implements AutoCloseable {

    private final Path target;
    private final Path temp;
    private final boolean overwrite;
    private final Connection connection;
    private boolean committed;

    private SnapshotFile(Path target, Path temp, boolean overwrite, Connection connection) {
        this.target = target;
        this.temp = temp;
        this.overwrite = overwrite;
        this.connection = connection;
    }

    /**
     * Starts a snapshot at {@code target}.
     *
     * @param withForeignKeys declare the foreign keys of the DDL (SQLite does not enforce them here)
     * @throws FileAlreadyExistsException when the target exists and {@code overwrite} is false
     */
    public static SnapshotFile create(Path target, boolean overwrite, boolean withForeignKeys)
            throws IOException, SQLException {
        return create(target, overwrite, ZStackSchema.canonical().sqliteDdl(withForeignKeys));
    }

    /**
     * Starts a snapshot at {@code target} whose schema is made by {@code ddl} (the import derives it from
     * the dump's own layout, and may add tables and indexes later through {@link #connection()}).
     *
     * @throws FileAlreadyExistsException when the target exists and {@code overwrite} is false
     */
    public static SnapshotFile create(Path target, boolean overwrite, List<String> ddl)
            throws IOException, SQLException {
        Path absolute = target.toAbsolutePath().normalize();
        if (!overwrite && Files.exists(absolute)) {
            throw new FileAlreadyExistsException(absolute.toString(), null, "the file exists already");
        }
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".partial");
        Connection c = null;
        try {
            SQLiteConfig config = new SQLiteConfig();
            config.setJournalMode(SQLiteConfig.JournalMode.OFF);
            config.setSynchronous(SQLiteConfig.SynchronousMode.OFF);
            config.setPageSize(4096);
            config.enforceForeignKeys(false);
            c = DriverManager.getConnection("jdbc:sqlite:" + temp, config.toProperties());
            try (Statement st = c.createStatement()) {
                for (String statement : ddl) {
                    st.execute(statement);
                }
            }
            c.setAutoCommit(false);
            return new SnapshotFile(absolute, temp, overwrite, c);
        } catch (SQLException | RuntimeException e) {
            if (c != null) {
                c.close();
            }
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    /** The connection rows go into (one transaction until {@link #commit()}). */
    public Connection connection() {
        return connection;
    }

    public Path target() {
        return target;
    }

    /** Commits, finalises the file (rollback journal mode) and moves it into place. */
    public void commit() throws IOException, SQLException {
        connection.commit();
        connection.setAutoCommit(true);
        try (Statement st = connection.createStatement()) {
            st.execute("PRAGMA journal_mode = DELETE");
        }
        connection.close();
        try {
            if (overwrite) {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                moveNoReplace();
            }
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        committed = true;
    }

    private void moveNoReplace() throws IOException {
        // A hard link fails when the target appeared meanwhile, so an existing file is never replaced.
        try {
            Files.createLink(target, temp);
            Files.delete(temp);
        } catch (UnsupportedOperationException | IOException e) {
            if (e instanceof FileAlreadyExistsException) {
                throw e;
            }
            if (Files.exists(target)) {
                throw new FileAlreadyExistsException(target.toString(), null, "the file exists already");
            }
            Files.move(temp, target);
        }
    }

    /** Abandons an uncommitted snapshot: nothing is left behind. */
    @Override
    public void close() throws IOException {
        if (!committed) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the file is deleted next; a close failure changes nothing
            }
            Files.deleteIfExists(temp);
        }
    }
}
