package dev.tpmconsole.model.snapshot;

import dev.tpmconsole.model.i18n.LocalizedIOException;
import dev.tpmconsole.model.i18n.Message;
import dev.tpmconsole.model.schema.ZStackSchema;
import dev.tpmconsole.model.util.Causes;
import dev.tpmconsole.model.util.PartialFiles;
import dev.tpmconsole.model.util.PrivateFiles;
import dev.tpmconsole.model.util.SqliteJdbc;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.sqlite.SQLiteConfig;

/**
 * Writes a new snapshot: the schema is created in a temporary file beside the target, rows are added in
 * one transaction, and only a complete snapshot is moved into place. A failed or cancelled write leaves
 * nothing behind, and an existing file is never replaced unless asked.
 *
 * <p>The temporary file is named after the target and its writer (its process id and start time:
 * {@code .zstack.sqlite.4242-1764633600123.8213645.partial}) and readable by the owner only, like the
 * snapshot (they hold key material); every new snapshot first removes the partial files (and SQLite's
 * companions of them) that writers which are gone left in its folder, e.g. when they were killed. A partial
 * file whose writer runs is never touched, so that several snapshots can be written into one folder at once.
 *
 * <p>Every failure to write is an {@link IOException} whose message is one line naming the snapshot and the
 * reason ("Cannot write the snapshot /x/zstack.sqlite: No space left on device"), except that a target that
 * exists (without {@code overwrite}) is a {@link FileAlreadyExistsException} naming it.
 */
public final class SnapshotFile implements AutoCloseable {


    /**
     * The page size of the snapshots written here (decision 0033): InnoDB's, four times SQLite's default. The import
     * writes each page once, so a larger page means fewer pages, b-tree levels and writes for the same rows (about a
     * tenth of the import's time); the snapshots' readers and the run's one-item transactions were not slower.
     */
    static final int PAGE_SIZE = 16384;

    private enum State { WRITING, MOVING, COMMITTED, ABANDONED }

    private final Path target;
    private final Path temp;
    private final boolean overwrite;
    private final Connection connection;
    private State state = State.WRITING;

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
    public static SnapshotFile create(Path target, boolean overwrite, boolean withForeignKeys) throws IOException {
        return create(target, overwrite, ZStackSchema.canonical().sqliteDdl(withForeignKeys));
    }

    /**
     * Starts a snapshot at {@code target} whose schema is made by {@code ddl} (the import derives it from
     * the dump's own layout, and may add tables and indexes later through {@link #connection()}). The folders
     * missing on the way to it are created, readable by the owner only.
     *
     * @throws FileAlreadyExistsException when the target exists and {@code overwrite} is false
     * @throws IOException                it cannot be written: a one-line message says where and why
     */
    public static SnapshotFile create(Path target, boolean overwrite, List<String> ddl) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute)) {
            throw cannotWrite(absolute, Message.of("snapshot.isFolder"), null);
        }
        if (!overwrite && Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(absolute.toString(), null, "the file exists already");
        }
        Path dir = absolute.getParent();
        try {
            PrivateFiles.createFolders(dir);
        } catch (IOException e) {
            throw cannotWrite(absolute, Message.of("snapshot.noFolder", dir, e instanceof FileAlreadyExistsException f
                    ? Message.of("causes.notAFolder", f.getFile()) : Causes.message(e)), e);
        }
        PartialFiles.removeStale(dir);
        Path temp;
        try {
            temp = Files.createTempFile(dir, "." + absolute.getFileName() + "." + PartialFiles.writerId() + ".",
                    PartialFiles.SUFFIX, PrivateFiles.fileAttributes());
        } catch (IOException e) {
            throw cannotWrite(absolute, Message.of("snapshot.noFile", dir, Causes.message(e)), e);
        }
        Connection c = null;
        try {
            SQLiteConfig config = new SQLiteConfig();
            config.setJournalMode(SQLiteConfig.JournalMode.OFF);
            config.setSynchronous(SQLiteConfig.SynchronousMode.OFF);
            config.setPageSize(PAGE_SIZE);
            config.enforceForeignKeys(false);
            c = SqliteJdbc.connect(temp.toString(), config.toProperties());
            try (Statement st = c.createStatement()) {
                for (String statement : ddl) {
                    st.execute(statement);
                }
            }
            c.setAutoCommit(false);
            return new SnapshotFile(absolute, temp, overwrite, c);
        } catch (SQLException | RuntimeException e) {
            if (c != null) {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // the file is deleted next
                }
            }
            PartialFiles.deleteWithCompanions(temp);
            if (e instanceof SQLException sql) {
                throw cannotWrite(absolute, Causes.message(sql), e);
            }
            throw (RuntimeException) e;
        }
    }

    /** The connection rows go into (one transaction until {@link #commit()}). */
    public Connection connection() {
        return connection;
    }

    public Path target() {
        return target;
    }

    /** The temporary file the snapshot is written into until it is complete. */
    public Path partial() {
        return temp;
    }

    /**
     * Commits, finalises the file (rollback journal mode) and moves it into place, unless it was
     * {@linkplain #abandon() abandoned} first.
     *
     * @throws FileAlreadyExistsException the target appeared meanwhile (without {@code overwrite})
     * @throws InterruptedIOException     it was abandoned
     * @throws IOException                it cannot be written: a one-line message says where and why
     */
    public void commit() throws IOException {
        try {
            connection.commit();
            connection.setAutoCommit(true);
            try (Statement st = connection.createStatement()) {
                st.execute("PRAGMA journal_mode = DELETE");
            }
            connection.close();
        } catch (SQLException e) {
            throw failure(e);
        }
        synchronized (this) {
            if (state == State.ABANDONED) {
                throw new InterruptedIOException("the snapshot " + target + " was abandoned");
            }
            state = State.MOVING;
        }
        boolean moved = false;
        try {
            if (overwrite) {
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } else {
                moveNoReplace();
            }
            moved = true;
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (IOException e) {
            throw cannotWrite(target, Message.of("snapshot.notMoved", Causes.message(e)), e);
        } finally {
            synchronized (this) {
                state = moved ? State.COMMITTED : State.WRITING;
            }
        }
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
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new FileAlreadyExistsException(target.toString(), null, "the file exists already");
            }
            Files.move(temp, target);
        }
    }

    /**
     * Gives the snapshot up from any thread (a cancel, a signal): its partial file is deleted at once, and
     * {@link #commit()} will not move it into place. Too late once the move began.
     *
     * @return true when no snapshot is or will be written by this file (given up now or before, or failed),
     *         false when it is being moved into place or is in place
     */
    public boolean abandon() {
        synchronized (this) {
            if (state == State.MOVING || state == State.COMMITTED) {
                return false;
            }
            state = State.ABANDONED;
        }
        PartialFiles.deleteWithCompanions(temp);
        return true;
    }

    /** Whether the snapshot is in place. */
    public synchronized boolean committed() {
        return state == State.COMMITTED;
    }

    /** A failure while writing rows through {@link #connection()}, as the one-line IOException this class throws. */
    public IOException failure(Exception cause) {
        return cannotWrite(target, Causes.message(cause), cause);
    }

    /** Abandons an uncommitted snapshot: nothing is left behind. */
    @Override
    public void close() {
        if (!committed()) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the file is deleted next; a close failure changes nothing
            }
            abandon();
        }
    }

    // ------------------------------------------------------------------ messages

    private static IOException cannotWrite(Path target, Message why, Throwable cause) {
        return new LocalizedIOException(Message.of("snapshot.cannotWrite", target, why), cause);
    }

}
