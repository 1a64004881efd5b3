package dev.tpmconsole.model.dump;

import dev.tpmconsole.model.i18n.Message;
import dev.tpmconsole.model.schema.DatabaseKind;
import dev.tpmconsole.model.schema.SchemaInspector;
import dev.tpmconsole.model.schema.SchemaLayout;
import dev.tpmconsole.model.schema.TableDef;
import dev.tpmconsole.model.schema.ZStackSchema;
import dev.tpmconsole.model.snapshot.SnapshotFile;
import dev.tpmconsole.model.source.SourceException;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.ZipException;

/**
 * Imports a mysqldump of ZStack's database ({@code .sql} or {@code .sql.gz}) into a new snapshot in one
 * streaming pass: the tables of schema-mariadb.sql are read value by value, every other table is skipped, and
 * the snapshot (in the format of docs/decisions/0001-snapshot-format.md, see {@link SnapshotSchema} for its layout) is written through
 * {@link SnapshotFile}, so that a dump that is cut off, damaged or not a mysqldump, a failure or a
 * {@link #cancel()} leaves no file behind, and an existing snapshot is replaced only by a complete one.
 *
 * <p>Memory does not grow with the dump: the reader holds one buffer and the value being read, and the rows
 * on their way to SQLite are bounded in bytes ({@link SnapshotWriter}).
 */
public final class DumpImporter {

    private static final int BATCH_ROWS = 1000;
    private static final long BATCH_BYTES = 2L << 20;
    private static final long PROGRESS_NANOS = 100_000_000L;

    private final ImportOptions options;
    private final Consumer<ImportProgress> listener;
    private volatile boolean cancelled;
    /** The snapshot being written (guarded by this), for {@link #cancel()}. */
    private SnapshotFile file;

    /** @param listener told of the progress, on the importing thread (may be null) */
    public DumpImporter(ImportOptions options, Consumer<ImportProgress> listener) {
        this.options = Objects.requireNonNull(options);
        this.listener = listener == null ? p -> { } : listener;
    }

    /** Where a snapshot of {@code dump} goes by default: beside it, zstack.sql.gz → zstack.sqlite. */
    public static Path defaultSnapshot(Path dump) {
        String name = dump.getFileName().toString();
        for (String ext : new String[] {".gz", ".sql", ".dump"}) {
            if (name.toLowerCase(java.util.Locale.ROOT).endsWith(ext) && name.length() > ext.length()) {
                name = name.substring(0, name.length() - ext.length());
            }
        }
        return dump.toAbsolutePath().normalize().resolveSibling(name + ".sqlite");
    }

    /**
     * Stops a running import (from any thread, e.g. a Cancel button or a signal's shutdown hook); {@link #run}
     * then throws a CANCELLED {@link SourceException}. The partial snapshot is deleted at once, so that nothing
     * is left even when the importing thread cannot get to it (blocked reading a pipe, or the process ending).
     *
     * @return true when this import writes no snapshot (stopped in time, or it failed or was not started),
     *         false when its snapshot is being moved into place or is in place (then it is complete)
     */
    public boolean cancel() {
        SnapshotFile f;
        synchronized (this) {
            cancelled = true;
            f = file;
        }
        return f == null || f.abandon();
    }

    public boolean cancelled() {
        return cancelled;
    }

    /** Whether the snapshot of this import is in place (complete). */
    public boolean completed() {
        SnapshotFile f;
        synchronized (this) {
            f = file;
        }
        return f != null && f.committed();
    }

    /**
     * Imports {@code dump} into a new snapshot at {@code target}.
     *
     * @throws SourceException            the dump cannot be read or is not a mysqldump of a ZStack database
     *                                    (cut off, damaged, something else, a value longer than its column
     *                                    allows), or the import was cancelled; nothing was written
     * @throws java.nio.file.FileAlreadyExistsException the target exists and {@code overwrite} is off
     * @throws IOException                the snapshot cannot be written: a one-line message names it and says
     *                                    why (nothing is left of it)
     */
    public ImportResult run(Path dump, Path target) throws SourceException, IOException {
        long started = System.nanoTime();
        Path path = dump.toAbsolutePath().normalize();
        try (DumpInput input = DumpInput.open(path); SnapshotFile snapshot = create(target)) {
            Run run = new Run(path, input, snapshot);
            SchemaLayout layout;
            try {
                layout = run.read();
            } catch (Exception e) {
                Exception f = failure(run, input, path, e);
                if (f instanceof SourceException se) {
                    throw se;
                }
                if (f instanceof IOException io) {
                    throw io;
                }
                throw (RuntimeException) f;
            } finally {
                run.writer.close();
            }
            try {
                checkCancelled();
                snapshot.commit();
            } catch (FileAlreadyExistsException e) {
                throw e;
            } catch (IOException | DumpFormatException e) {
                if (cancelled) {
                    throw cancelledException(e);
                }
                throw (IOException) e;
            }
            return run.result(layout, started);
        }
    }

    /** Creates the snapshot file, unless the import was cancelled first (then nothing is created). */
    private SnapshotFile create(Path target) throws IOException, SourceException {
        SnapshotFile created;
        synchronized (this) {
            if (cancelled) {
                throw cancelledException(null);
            }
            created = SnapshotFile.create(target, options.overwrite(), List.of());
            file = created;
        }
        try (Statement st = created.connection().createStatement()) {
            // native memory (not heap) for SQLite's page cache: the indexes are built faster at the end
            st.execute("PRAGMA cache_size = -65536");
        } catch (SQLException e) {
            created.close();
            throw created.failure(e);
        }
        return created;
    }

    private void checkCancelled() throws DumpFormatException {
        if (cancelled || Thread.currentThread().isInterrupted()) {
            cancelled = true;
            throw new DumpFormatException(SourceException.Reason.CANCELLED, "import cancelled");
        }
    }

    /**
     * What a failure while reading the dump and writing its rows is, for the person: the dump's fault (a
     * {@link SourceException}) or the snapshot's (an IOException naming it), or a cancel.
     */
    private Exception failure(Run run, DumpInput input, Path path, Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            cancelled = true;
        }
        if (cancelled) {
            return cancelledException(e);
        }
        if (e instanceof WriteFailure w) {
            return run.writeFailure((SQLException) w.getCause());
        }
        if (e instanceof SQLException sql) {
            return run.writeFailure(sql);
        }
        if (e instanceof DumpFormatException f) {
            return new SourceException(f.reason(), Message.of("dump.withPath", path, f.message()), f);
        }
        if (e instanceof EOFException) {
            return new SourceException(SourceException.Reason.TRUNCATED, input.gzip()
                    ? Message.of("dump.gzipEndsEarly", path) : Message.of("dump.cutOff", path, e.getMessage()), e);
        }
        if (e instanceof ZipException) {
            return new SourceException(SourceException.Reason.CORRUPT, Message.of("dump.gzipDamaged", path,
                    e.getMessage()), e);
        }
        if (e instanceof IOException) {
            return new SourceException(SourceException.Reason.UNREADABLE, Message.of("source.cannotRead", path,
                    e.getMessage()), e);
        }
        if (e instanceof SourceException || e instanceof RuntimeException) {
            return e;
        }
        return new IllegalStateException(e);
    }

    private SourceException cancelledException(Throwable cause) {
        return new SourceException(SourceException.Reason.CANCELLED, Message.of("dump.cancelled"), cause);
    }

    /** One import: reads the dump as the reader's handler and feeds the writer. */
    private final class Run implements MysqlDumpReader.Handler {
        private final Path path;
        private final DumpInput input;
        private final SnapshotFile file;
        private final SnapshotWriter writer;
        private final SnapshotSchema schema = new SnapshotSchema();
        private final Map<String, DumpTable> dumpTables = new LinkedHashMap<>();
        private final Map<String, Long> rows = new LinkedHashMap<>();
        private final Set<String> skipped = new HashSet<>();
        private final Set<String> indexed = new HashSet<>();
        private final List<String> warnings = new ArrayList<>();
        private long skippedBytes;
        private String chosenDatabase;
        private boolean chosen;
        private String table;
        private long lastProgress;
        private MysqlDumpReader reader;

        Run(Path path, DumpInput input, SnapshotFile file) {
            this.path = path;
            this.input = input;
            this.file = file;
            this.writer = new SnapshotWriter(file.connection());
        }

        /** Reads the whole dump into the snapshot (not yet committed); returns the snapshot's layout. */
        SchemaLayout read() throws IOException, DumpFormatException, SQLException, InterruptedException {
            reader = new MysqlDumpReader(input.stream(), this);
            progress(ImportProgress.Phase.READING, true);
            reader.read();
            flush();
            checkCancelled();
            if (reader.sawHeader() && !reader.sawCompleted()) {
                throw DumpFormatException.truncated(Message.of("dump.noCompletedLine"));
            }
            if (schema.tableNames().isEmpty()) {
                throw new DumpFormatException(SourceException.Reason.NOT_ZSTACK, options.database() != null
                        ? Message.of("dump.noTablesInDatabase", options.database())
                        : Message.of("dump.noZStackTables", String.join(", ", ZStackSchema.REQUIRED_TABLES)));
            }
            table = null;
            progress(ImportProgress.Phase.INDEXING, true);
            indexTablesBut(null);
            writer.execute(schema.viewDdl());
            writer.finish();
            for (String name : schema.tableNames()) {
                long read = rows.getOrDefault(name, 0L);
                long written = writer.written(name);
                if (read != written) {
                    throw new IllegalStateException("read " + read + " rows of " + name + " but wrote " + written);
                }
            }
            SchemaLayout layout = SchemaInspector.inspect(file.connection(), DatabaseKind.SQLITE);
            if (!layout.isZStack()) {
                throw new DumpFormatException(SourceException.Reason.NOT_ZSTACK, Message.of("dump.notZStack",
                        layout.problemMessage()));
            }
            return layout;
        }

        /** What was imported, once the snapshot is in place. */
        ImportResult result(SchemaLayout layout, long started) {
            noteTimeZone();
            Map<String, Long> perTable = new LinkedHashMap<>();
            for (String name : schema.tableNames()) {
                perTable.put(name, rows.getOrDefault(name, 0L));
            }
            ImportResult result = new ImportResult(file.target(), perTable, input.size(), reader.position(),
                    skipped.size(), skippedBytes, layout, schema.droppedColumns(), warnings,
                    Duration.ofNanos(System.nanoTime() - started));
            listener.accept(new ImportProgress(ImportProgress.Phase.DONE, input.size(), input.size(), null,
                    Collections.unmodifiableMap(new LinkedHashMap<>(perTable))));
            return result;
        }

        private void noteTimeZone() {
            String tz = reader.timeZone();
            if (tz == null && reader.sawHeader()) {
                warnings.add("The dump sets no time zone (it was made with --skip-tz-utc): its timestamps are in the"
                        + " database server's time zone, where the console shows a live database's in UTC.");
            } else if (tz != null && !tz.equals("+00:00") && !tz.equalsIgnoreCase("UTC")) {
                warnings.add("The dump's timestamps are in the time zone " + tz + ", where the console shows a live"
                        + " database's in UTC.");
            }
        }

        // ------------------------------------------------------------ handler

        @Override
        public boolean wants(String database, String dumpTable) throws DumpFormatException {
            if (schema.canonicalName(dumpTable) == null) {
                table = null; // the progress names no table while another one is skipped
                return false;
            }
            if (options.database() != null) {
                boolean wanted = database == null || database.equals(options.database());
                if (!wanted) {
                    table = null;
                }
                return wanted;
            }
            if (!chosen) {
                chosen = true;
                chosenDatabase = database;
                return true;
            }
            if (Objects.equals(chosenDatabase, database)) {
                return true;
            }
            throw new DumpFormatException(SourceException.Reason.UNSUPPORTED, Message.of("dump.severalDatabases",
                    MysqlDumpReader.shorten(String.valueOf(chosenDatabase)),
                    MysqlDumpReader.shorten(String.valueOf(database))));
        }

        @Override
        public void createTable(String database, DumpTable dumpTable) throws DumpFormatException {
            String name = schema.canonicalName(dumpTable.name());
            flush();
            indexTablesBut(name);
            TableDef def = schema.define(dumpTable);
            dumpTables.put(name, dumpTable);
            rows.remove(name);
            indexed.remove(name);
            try {
                writer.createTable(def);
            } catch (SQLException | InterruptedException e) {
                throw asFormatException(e);
            }
        }

        @Override
        public MysqlDumpReader.RowTarget insertInto(String database, String dumpTable, List<String> columns)
                throws DumpFormatException {
            String name = schema.canonicalName(dumpTable);
            TableDef def = schema.table(name);
            if (def == null) {
                def = schema.defineFromDdl(name);
                warnings.add("The dump has no CREATE TABLE for " + name + " (made with --no-create-info?): its"
                        + " rows are read as the columns of schema-mariadb.sql.");
                try {
                    writer.createTable(def);
                } catch (SQLException | InterruptedException e) {
                    throw asFormatException(e);
                }
            }
            List<String> dumpColumns = columns != null ? columns
                    : dumpTables.containsKey(name) ? dumpTables.get(name).columns() : def.columnNames();
            if (!name.equals(table)) {
                flush();
                indexTablesBut(name);
                table = name;
                rows.putIfAbsent(name, 0L);
                progress(ImportProgress.Phase.READING, true);
            }
            return new Target(def, dumpColumns);
        }

        @Override
        public void reading(long position) throws DumpFormatException {
            checkCancelled();
            progress(ImportProgress.Phase.READING, false);
        }

        @Override
        public void skipped(String dumpTable, long bytes) {
            skipped.add(dumpTable);
            skippedBytes += bytes;
        }

        /**
         * Builds the indexes of the tables the dump has moved past (mysqldump writes each table's rows in one
         * place), so that the writer builds them while the reader goes on, e.g. skipping other tables.
         */
        private void indexTablesBut(String current) throws DumpFormatException {
            for (String name : schema.tableNames()) {
                if (!name.equals(current) && indexed.add(name)) {
                    try {
                        writer.execute(schema.indexDdl(name));
                    } catch (SQLException | InterruptedException e) {
                        throw asFormatException(e);
                    }
                }
            }
        }

        // ------------------------------------------------------------ rows

        private TableDef batchTable;
        private Object[][] batch = new Object[BATCH_ROWS][];
        private int batchCount;
        private long batchStart;

        private final class Target extends MysqlDumpReader.RowTarget {
            private final TableDef def;
            private long count;

            Target(TableDef def, List<String> columns) {
                super(def, columns, rows.getOrDefault(def.name(), 0L));
                this.def = def;
                this.count = rowsBefore;
            }

            @Override
            void row(Object[] values) throws DumpFormatException {
                if (batchTable != def) {
                    flush();
                    batchTable = def;
                    batchStart = reader.position();
                }
                batch[batchCount++] = values;
                count++;
                if (batchCount == BATCH_ROWS || reader.position() - batchStart >= BATCH_BYTES) {
                    rows.put(def.name(), count);
                    flush();
                    checkCancelled();
                    progress(ImportProgress.Phase.READING, false);
                }
            }

            @Override
            void end() {
                rows.put(def.name(), count);
            }
        }

        private void flush() throws DumpFormatException {
            if (batchCount == 0) {
                return;
            }
            long bytes = reader.position() - batchStart;
            try {
                writer.rows(batchTable, batch, batchCount, bytes);
            } catch (SQLException | InterruptedException e) {
                throw asFormatException(e);
            }
            batch = new Object[BATCH_ROWS][];
            batchCount = 0;
            batchStart = reader.position();
        }

        // ------------------------------------------------------------ progress, failures

        private void progress(ImportProgress.Phase phase, boolean now) {
            long t = System.nanoTime();
            if (!now && t - lastProgress < PROGRESS_NANOS) {
                return;
            }
            lastProgress = t;
            listener.accept(new ImportProgress(phase, input.bytesRead(), input.size(), table,
                    Collections.unmodifiableMap(new LinkedHashMap<>(rows))));
        }

        /** A failure of the writer met while queueing: carried through the reader, unwrapped by {@link #run}. */
        private DumpFormatException asFormatException(Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                cancelled = true;
                return new DumpFormatException(SourceException.Reason.CANCELLED, "import cancelled", e);
            }
            return new WriteFailure((SQLException) e);
        }

        /**
         * A failure of SQLite: rows of the dump that the snapshot's keys refuse (the dump's fault), or the snapshot
         * cannot be written (no space, no permission: an IOException naming the snapshot).
         */
        Exception writeFailure(SQLException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            if (message.contains("UNIQUE constraint failed") || message.contains("PRIMARY KEY")) {
                return new SourceException(SourceException.Reason.CORRUPT, Message.of("dump.duplicateKey", path,
                        message), e);
            }
            if (message.contains("NOT NULL constraint failed")) {
                return new SourceException(SourceException.Reason.CORRUPT, Message.of("dump.nullValue", path,
                        message), e);
            }
            return file.failure(e);
        }
    }

    /** A writer failure travelling through the reader (whose callbacks throw only {@link DumpFormatException}). */
    private static final class WriteFailure extends DumpFormatException {
        WriteFailure(SQLException cause) {
            super(SourceException.Reason.UNREADABLE, cause.getMessage(), cause);
        }
    }
}
