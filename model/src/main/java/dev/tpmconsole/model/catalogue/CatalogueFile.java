package dev.tpmconsole.model.catalogue;

import dev.tpmconsole.model.i18n.LocalizedCheckedException;
import dev.tpmconsole.model.i18n.Message;
import dev.tpmconsole.model.source.SourceException;
import dev.tpmconsole.model.source.SqliteFileCheck;
import dev.tpmconsole.model.util.PrivateFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Gets the catalogue file ready: made (owner-only) when missing, checked, migrated by Flyway to the schema this
 * console knows. What can go wrong is sorted into what is set aside and what is left alone:
 * <ul>
 * <li>damaged (not SQLite, cut off, corrupt): renamed to {@code NAME.damaged-<UTC time>} and a new one started;
 * <li>written by a newer console, or another program's SQLite database: left as it is, nothing recorded (a newer
 *     console still needs it, and a file the console did not make is not its to move);
 * <li>locked by another console past the busy timeout, or not writable: left as it is, nothing recorded.
 * </ul>
 */
final class CatalogueFile {

    /** The newest migration (src/main/resources/dev/tpmconsole/model/catalogue/migration). */
    static final int LATEST_VERSION = 4;
    static final String MIGRATIONS = "classpath:dev/tpmconsole/model/catalogue/migration";

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private CatalogueFile() {
    }

    /** The file cannot be used now; the message says why, in one line, and what happens. */
    static final class Unusable extends LocalizedCheckedException {
        private static final long serialVersionUID = 1L;

        Unusable(Message message) {
            super(message);
        }
    }

    /** The file is damaged: it is set aside. */
    static final class Damaged extends LocalizedCheckedException {
        private static final long serialVersionUID = 1L;

        Damaged(Message reason) {
            super(reason);
        }
    }

    /** Makes, checks and migrates the file; on return it is a catalogue of {@link #LATEST_VERSION}. */
    static void prepare(Path file, int busyTimeoutMs) throws Unusable, Damaged {
        if (Files.isDirectory(file)) {
            throw new Unusable(Message.of("catalogue.folder", file));
        }
        try {
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                PrivateFiles.createFolders(file.getParent());
                try {
                    PrivateFiles.createFile(file);
                } catch (FileAlreadyExistsException madeMeanwhile) {
                    // another console made it at the same moment: use it
                }
            } else if (Files.size(file) > 0) {
                SqliteFileCheck.checkStructure(file);
            }
        } catch (SourceException e) {
            if (e.reason() == SourceException.Reason.UNREADABLE) {
                throw new Unusable(Message.of("catalogue.unreadable", file, e.message()));
            }
            throw new Damaged(e.message());
        } catch (IOException e) {
            throw new Unusable(Message.of("catalogue.cannotMake", file, reason(e)));
        }
        if (!Files.isWritable(file)) {
            throw new Unusable(Message.of("catalogue.notWritable", file));
        }
        int version = version(file, busyTimeoutMs);
        if (version < LATEST_VERSION) {
            migrate(file, busyTimeoutMs);
        }
    }

    /** The schema version of the file: 0 when empty; refuses another program's database and a newer catalogue. */
    static int version(Path file, int busyTimeoutMs) throws Unusable, Damaged {
        try (Connection c = CatalogueConnections.open(file, busyTimeoutMs); Statement st = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            if (tables.isEmpty()) {
                return 0;
            }
            if (!tables.contains("flyway_schema_history")) {
                throw new Unusable(Message.of("catalogue.foreign", file));
            }
            int version = 0;
            try (ResultSet rs = st.executeQuery("SELECT version FROM flyway_schema_history WHERE success = 1"
                    + " AND version IS NOT NULL")) {
                while (rs.next()) {
                    version = Math.max(version, major(rs.getString(1)));
                }
            }
            if (version > LATEST_VERSION) {
                throw new Unusable(Message.of("catalogue.newer", file, version, LATEST_VERSION));
            }
            return version;
        } catch (SQLException e) {
            throw classified(file, e);
        }
    }

    private static int major(String version) {
        try {
            return Integer.parseInt(version.split("\\.")[0]);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * Runs the migrations, one console at a time (a lock on a file beside the catalogue: SQLite has no lock that
     * lasts across Flyway's statements), then puts the file in WAL mode.
     */
    private static void migrate(Path file, int busyTimeoutMs) throws Unusable, Damaged {
        Path lockFile = file.resolveSibling(file.getFileName() + ".migrating");
        // a file lock keeps other processes out; within this one, two threads would overlap on it
        Object inThisProcess = MIGRATING.computeIfAbsent(lockFile, k -> new Object());
        synchronized (inThisProcess) {
            migrateLocked(file, lockFile, busyTimeoutMs);
        }
    }

    private static final java.util.Map<Path, Object> MIGRATING = new java.util.concurrent.ConcurrentHashMap<>();

    private static void migrateLocked(Path file, Path lockFile, int busyTimeoutMs) throws Unusable, Damaged {
        try (FileChannel ch = PrivateFiles.openForWriting(lockFile); FileLock lock = ch.lock()) {
            if (version(file, busyTimeoutMs) < LATEST_VERSION) {
                SQLiteDataSource ds = new SQLiteDataSource();
                ds.setUrl("jdbc:sqlite:" + file);
                ds.setBusyTimeout(busyTimeoutMs);
                ds.setEnforceForeignKeys(true);
                Flyway.configure(CatalogueFile.class.getClassLoader())
                        .dataSource(ds)
                        .locations(MIGRATIONS)
                        .failOnMissingLocations(true)
                        .load()
                        .migrate();
            }
            try (Connection c = CatalogueConnections.open(file, busyTimeoutMs); Statement st = c.createStatement()) {
                st.execute("PRAGMA journal_mode = WAL");
            }
        } catch (FlywayException e) {
            SQLException cause = sqlCause(e);
            if (cause != null) {
                throw classified(file, cause);
            }
            throw new Unusable(Message.of("catalogue.notMigrated", file, firstLine(e.getMessage())));
        } catch (SQLException e) {
            throw classified(file, e);
        } catch (IOException e) {
            throw new Unusable(Message.of("catalogue.notMigrated", file, reason(e)));
        }
    }

    /** Renames a damaged catalogue (and its WAL files) out of the way; returns the new name. */
    static Path setAside(Path file, Clock clock) throws IOException {
        String stamp = STAMP.format(clock.instant());
        Path aside = file.resolveSibling(file.getFileName() + ".damaged-" + stamp);
        for (int n = 2; Files.exists(aside, LinkOption.NOFOLLOW_LINKS); n++) {
            aside = file.resolveSibling(file.getFileName() + ".damaged-" + stamp + "-" + n);
        }
        Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
        for (String suffix : new String[] {"-wal", "-shm", "-journal"}) {
            Path side = file.resolveSibling(file.getFileName() + suffix);
            if (Files.exists(side, LinkOption.NOFOLLOW_LINKS)) {
                Files.move(side, aside.resolveSibling(aside.getFileName() + suffix), StandardCopyOption.ATOMIC_MOVE);
            }
        }
        return aside;
    }

    /** An SQLite error met on the catalogue, thrown as damaged, or (locked, read-only, ...) not usable now. */
    static Unusable classified(Path file, SQLException e) throws Damaged {
        int code = code(e);
        if (code == SQLiteErrorCode.SQLITE_CORRUPT.code || code == SQLiteErrorCode.SQLITE_NOTADB.code) {
            throw new Damaged(Message.of("catalogue.sqliteReports", firstLine(e.getMessage())));
        }
        return new Unusable(Message.of("catalogue.nothingRecorded", problem(file, e)));
    }

    /** What an SQLite error on the catalogue means, in a few words, starting with the file. */
    static Message problem(Path file, SQLException e) {
        int code = code(e);
        if (code == SQLiteErrorCode.SQLITE_BUSY.code || code == SQLiteErrorCode.SQLITE_LOCKED.code) {
            return Message.of("catalogue.locked", file);
        }
        if (code == SQLiteErrorCode.SQLITE_READONLY.code || code == SQLiteErrorCode.SQLITE_CANTOPEN.code
                || code == SQLiteErrorCode.SQLITE_PERM.code) {
            return Message.of("catalogue.cannotWrite", file, firstLine(e.getMessage()));
        }
        if (code == SQLiteErrorCode.SQLITE_FULL.code) {
            return Message.of("catalogue.full", file);
        }
        if (code == SQLiteErrorCode.SQLITE_CORRUPT.code || code == SQLiteErrorCode.SQLITE_NOTADB.code) {
            return Message.of("catalogue.damaged", file, firstLine(e.getMessage()));
        }
        return Message.of("catalogue.cannotUse", file, firstLine(e.getMessage()));
    }

    static int code(SQLException e) {
        return e instanceof SQLiteException se ? se.getResultCode().code & 0xff : e.getErrorCode() & 0xff;
    }

    static SQLException sqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                return s;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : firstLine(e.getMessage());
    }

    static String firstLine(String m) {
        if (m == null || m.isBlank()) {
            return "no message";
        }
        return m.strip().lines().findFirst().orElse(m);
    }
}
