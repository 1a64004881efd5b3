package dev.tpmconsole.model.source;

import dev.tpmconsole.model.i18n.Message;
import dev.tpmconsole.model.schema.DatabaseKind;
import dev.tpmconsole.model.schema.SchemaInspector;
import dev.tpmconsole.model.schema.SchemaLayout;
import dev.tpmconsole.model.util.SqliteJdbc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * An SQLite snapshot of a ZStack database (the format of docs/decisions/0001-snapshot-format.md). Opened read-only unless asked
 * otherwise; a read-only session leaves the file byte-identical. Refuses, with a message and without
 * writing anything, a missing path, a file that is not SQLite, one that is cut off or damaged, one that
 * another program is writing, and an SQLite file that is not a ZStack database.
 */
public final class SqliteSnapshot extends DatabaseSource {

    /** How long a writing statement waits for another process's lock before reporting "locked". */
    static final int BUSY_TIMEOUT_MS = 1500;

    /**
     * How long a read waits for another connection's write to end before reporting "locked": a run beside the window
     * commits each item, and a commit's forced writes took more than {@link #BUSY_TIMEOUT_MS} now and then on a busy
     * disk (one read in 25,000 beside a run was refused, in CI). A commit holds its lock for as long as its writes take;
     * a file that another program keeps locked is refused by the file check before it is opened.
     */
    static final int READ_BUSY_TIMEOUT_MS = 5000;

    /** Upper bound of the memory map of a snapshot (address space, not heap). */
    static final long MMAP_BYTES = 1L << 30;

    /**
     * Paths this process has open. POSIX record locks belong to the process, so the writer-lock probe of
     * {@link SqliteFileCheck} must not run on a file that one of our own connections may be locking.
     */
    private static final Map<Path, Integer> OPEN_IN_THIS_PROCESS = new ConcurrentHashMap<>();

    private final Path path;
    private final Path realPath;
    /**
     * Read-only sessions reuse a few connections: browsing runs many small queries. Their reads refused because a
     * writer's transaction began while SQLite looked for a hot journal are tried again ({@link #RACED_A_WRITER}).
     */
    private final ConnectionPool pool;

    /**
     * A read refused for a hot journal ({@code SQLITE_READONLY_ROLLBACK}). A read-only connection takes a rollback
     * journal whose first byte is not zero, with no writer holding the RESERVED lock when it checked, for a crashed
     * write it may not roll back. A run keeps its journal between transactions (journal_mode PERSIST, its header
     * zeroed at each commit): a transaction of the run that begins between the check and the read of that byte
     * writes a header there. Read again once the transaction is over, the journal is not hot. A journal a crash left
     * stays hot, and the read fails after {@link #BUSY_TIMEOUT_MS}, as a lock held that long would (the file check
     * refuses to open such a file in the first place).
     */
    static final ConnectionPool.Retry RACED_A_WRITER = new ConnectionPool.Retry(
            e -> e instanceof SQLiteException se && se.getResultCode() == SQLiteErrorCode.SQLITE_READONLY_ROLLBACK,
            BUSY_TIMEOUT_MS);

    private SqliteSnapshot(Path path, Path realPath, boolean writable, SchemaLayout layout) {
        super(DatabaseKind.SQLITE, writable, layout);
        this.path = path;
        this.realPath = realPath;
        this.pool = new ConnectionPool(() -> connect(path, false), 4, false, false, RACED_A_WRITER);
    }

    public static SqliteSnapshot open(Path file, OpenOptions options) throws SourceException {
        Path path = file.toAbsolutePath().normalize();
        Path real = realPath(path);
        if (!OPEN_IN_THIS_PROCESS.containsKey(real)) {
            SqliteFileCheck.check(path, options.writable());
        } else if (!Files.isRegularFile(path)) {
            throw new SourceException(SourceException.Reason.NOT_A_FILE, Message.of("source.sqlite.notAFile", path));
        }
        if (options.writable() && !Files.isWritable(path)) {
            throw new SourceException(SourceException.Reason.READ_ONLY,
                    Message.of("source.sqlite.notWritable", path));
        }
        SchemaLayout layout;
        // read-only, the probe is one read transaction: its first query looks for a hot journal (and is read again
        // if a run's transaction raced it), the others read under its lock
        try (ConnectionPool probe = new ConnectionPool(() -> connect(path, options.writable()), 0, false, false,
                options.writable() ? null : RACED_A_WRITER); Connection c = probe.borrow()) {
            c.setAutoCommit(options.writable());
            try (Statement st = c.createStatement()) {
                st.executeQuery("SELECT count(*) FROM sqlite_master").close();
                if (options.writable()) {
                    // Takes (and drops) the write lock, so that another writer is found now, not mid-change.
                    st.execute("BEGIN IMMEDIATE");
                    st.execute("ROLLBACK");
                }
            }
            if (SchemaInspector.allTableNames(c, DatabaseKind.SQLITE).isEmpty()) {
                throw new SourceException(SourceException.Reason.NOT_ZSTACK,
                        Message.of("source.sqlite.noTables", path));
            }
            layout = SchemaInspector.inspect(c, DatabaseKind.SQLITE);
        } catch (SQLException e) {
            throw translate(path, e);
        }
        if (!layout.isZStack()) {
            throw new SourceException(SourceException.Reason.NOT_ZSTACK,
                    Message.of("source.sqlite.notZStack", path, layout.problemMessage()));
        }
        OPEN_IN_THIS_PROCESS.merge(real, 1, Integer::sum);
        return new SqliteSnapshot(path, real, options.writable(), layout);
    }

    public Path path() {
        return path;
    }

    @Override
    public String displayName() {
        return path.toString();
    }

    @Override
    public Source reopen(OpenOptions options) throws SourceException {
        return open(path, options);
    }

    @Override
    public java.util.Optional<Path> snapshotFile() {
        return java.util.Optional.of(path);
    }

    @Override
    public Connection connection() throws SQLException {
        requireOpen("the snapshot " + path);
        return writable() ? connect(path, true) : pool.borrow();
    }

    @Override
    public SourceException failure(SQLException e) {
        return translate(path, e);
    }

    @Override
    public void close() {
        if (markClosed()) {
            pool.close();
            OPEN_IN_THIS_PROCESS.computeIfPresent(realPath, (k, n) -> n > 1 ? n - 1 : null);
        }
    }

    static Connection connect(Path path, boolean writable) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(!writable);
        config.setBusyTimeout(writable ? BUSY_TIMEOUT_MS : READ_BUSY_TIMEOUT_MS);
        config.enforceForeignKeys(false);
        config.setSharedCache(false);
        Connection c = SqliteJdbc.connect(path.toString(), config.toProperties());
        try (Statement st = c.createStatement()) {
            // Native memory, not heap: memory-mapped reads and a 64 MiB page cache make set-based audit
            // queries over a million rows run at the engine's speed. Neither writes to the file.
            st.execute("PRAGMA mmap_size = " + MMAP_BYTES);
            st.execute("PRAGMA cache_size = -65536");
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

    /** Turns an SQLite error met while opening or reading into a message about the file. */
    public static SourceException translate(Path path, SQLException e) {
        int code = e instanceof SQLiteException se ? se.getResultCode().code & 0xff : e.getErrorCode() & 0xff;
        if (code == SQLiteErrorCode.SQLITE_BUSY.code || code == SQLiteErrorCode.SQLITE_LOCKED.code) {
            return new SourceException(SourceException.Reason.LOCKED, Message.of("source.sqlite.locked", path), e);
        }
        if (code == SQLiteErrorCode.SQLITE_NOTADB.code) {
            return new SourceException(SourceException.Reason.NOT_SQLITE,
                    Message.of("source.sqlite.encrypted", path), e);
        }
        if (code == SQLiteErrorCode.SQLITE_CORRUPT.code) {
            return new SourceException(SourceException.Reason.CORRUPT,
                    Message.of("source.sqlite.corrupt", path, firstLine(e.getMessage())), e);
        }
        if (code == SQLiteErrorCode.SQLITE_READONLY.code) {
            return new SourceException(SourceException.Reason.READ_ONLY, Message.of("source.sqlite.needsWrite", path,
                    firstLine(e.getMessage())), e);
        }
        if (code == SQLiteErrorCode.SQLITE_CANTOPEN.code || code == SQLiteErrorCode.SQLITE_PERM.code) {
            return new SourceException(SourceException.Reason.UNREADABLE,
                    Message.of("source.cannotOpen", path, firstLine(e.getMessage())), e);
        }
        return new SourceException(SourceException.Reason.CORRUPT,
                Message.of("source.cannotRead", path, firstLine(e.getMessage())), e);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path;
        }
    }
}
