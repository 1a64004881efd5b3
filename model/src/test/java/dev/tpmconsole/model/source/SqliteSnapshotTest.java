package dev.tpmconsole.model.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tpmconsole.model.stats.SourceSummary;
import dev.tpmconsole.model.testing.LockHolder;
import dev.tpmconsole.model.testing.TestSnapshots;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening snapshots: the good case leaves the file byte-identical; every bad input is refused with its
 * message, and the file (and the folder it is in) is left exactly as it was.
 */
class SqliteSnapshotTest {

    @TempDir
    static Path shared;
    static Path demo;

    @TempDir
    Path dir;

    @BeforeAll
    static void demo() throws Exception {
        demo = TestSnapshots.demo(shared.resolve("demo.sqlite"), 60, 7);
    }

    private Path copyOfDemo(String name) throws Exception {
        return Files.copy(demo, dir.resolve(name));
    }

    /** Asserts that opening {@code file} fails with {@code reason} and a message, changing nothing. */
    private void assertRefused(Path file, SourceException.Reason reason, String... messageParts) throws Exception {
        Path folder = file.toAbsolutePath().getParent();
        List<String> before = Files.isDirectory(folder) ? TestSnapshots.listing(folder) : List.of();
        String hash = Files.isRegularFile(file) ? TestSnapshots.sha256(file) : null;
        assertThatThrownBy(() -> SqliteSnapshot.open(file, OpenOptions.readOnly()))
                .isInstanceOfSatisfying(SourceException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.getMessage()).contains(messageParts);
                });
        if (hash != null) {
            assertThat(TestSnapshots.sha256(file)).as("file unchanged").isEqualTo(hash);
        }
        if (Files.isDirectory(folder)) {
            assertThat(TestSnapshots.listing(folder)).as("nothing created beside it").isEqualTo(before);
        }
    }

    @Test
    void readOnlySessionLeavesTheFileByteIdentical() throws Exception {
        Path file = copyOfDemo("ro.sqlite");
        String hash = TestSnapshots.sha256(file);
        try (SqliteSnapshot s = SqliteSnapshot.open(file, OpenOptions.readOnly())) {
            assertThat(s.writable()).isFalse();
            SourceSummary summary = SourceSummary.of(s);
            assertThat(summary.count("VmInstanceEO")).isGreaterThan(60);
            try (Connection c = s.connection(); Statement st = c.createStatement()) {
                assertThatThrownBy(() -> st.execute("DELETE FROM TpmVO")).hasMessageContaining("readonly");
            }
        }
        assertThat(TestSnapshots.sha256(file)).isEqualTo(hash);
        assertThat(TestSnapshots.listing(dir)).containsExactly("ro.sqlite");
    }

    @Test
    void writableSessionCanChangeTheFile() throws Exception {
        Path file = copyOfDemo("rw.sqlite");
        try (SqliteSnapshot s = SqliteSnapshot.open(file, OpenOptions.writableOptions());
             Connection c = s.connection(); Statement st = c.createStatement()) {
            assertThat(s.writable()).isTrue();
            st.execute("DELETE FROM ManagementNodeVO");
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM ManagementNodeVO")) {
                rs.next();
                assertThat(rs.getInt(1)).isZero();
            }
        }
    }

    @Test
    void missingPath() throws Exception {
        assertRefused(dir.resolve("nope.sqlite"), SourceException.Reason.NOT_FOUND, "No such file", "nope.sqlite");
        assertThat(TestSnapshots.listing(dir)).isEmpty();
    }

    @Test
    void directory() throws Exception {
        Path sub = Files.createDirectory(dir.resolve("folder"));
        assertRefused(sub, SourceException.Reason.NOT_A_FILE, "is a directory");
    }

    @Test
    void emptyFile() throws Exception {
        assertRefused(Files.createFile(dir.resolve("empty.sqlite")), SourceException.Reason.NOT_SQLITE,
                "not an SQLite database", "empty");
    }

    @Test
    void textFile() throws Exception {
        Path f = Files.writeString(dir.resolve("notes.sqlite"), "hello, this is not a database\n".repeat(200));
        assertRefused(f, SourceException.Reason.NOT_SQLITE, "not an SQLite database", "SQLite header");
    }

    @Test
    void mysqldumpIsRecognised() throws Exception {
        Path f = Files.writeString(dir.resolve("zstack.sql"), "-- MariaDB dump 10.19  Distrib 10.11.19-MariaDB\n"
                + "CREATE TABLE `TpmVO` (`uuid` char(32));\n");
        assertRefused(f, SourceException.Reason.NOT_SQLITE, "SQL text", "tpm-console import");
        Path gz = dir.resolve("zstack.sql.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write("-- MariaDB dump\n".getBytes(StandardCharsets.UTF_8));
        }
        assertRefused(gz, SourceException.Reason.NOT_SQLITE, "gzip-compressed");
    }

    @Test
    void truncatedFile() throws Exception {
        Path f = copyOfDemo("cut.sqlite");
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.setLength(raf.length() / 2);
        }
        assertRefused(f, SourceException.Reason.TRUNCATED, "is cut off", "pages");
        Path tiny = dir.resolve("tiny.sqlite");
        Files.write(tiny, java.util.Arrays.copyOf(Files.readAllBytes(demo), 60));
        assertRefused(tiny, SourceException.Reason.TRUNCATED, "cut off");
        Path ragged = copyOfDemo("ragged.sqlite");
        try (RandomAccessFile raf = new RandomAccessFile(ragged.toFile(), "rw")) {
            raf.setLength(raf.length() - 1000);
        }
        assertRefused(ragged, SourceException.Reason.TRUNCATED, "cut off");
    }

    @Test
    void corruptFile() throws Exception {
        Path f = copyOfDemo("corrupt.sqlite");
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.seek(100); // the b-tree page header of sqlite_master
            raf.write(new byte[] {(byte) 0x77, 0x12, 0x34, 0x56, 0x78, (byte) 0x9a, (byte) 0xbc, (byte) 0xde});
        }
        assertRefused(f, SourceException.Reason.CORRUPT, "is damaged");
    }

    @Test
    void sqliteButNotZStack() throws Exception {
        Path f = dir.resolve("other.sqlite");
        TestSnapshots.exec(f, "CREATE TABLE ResourceVO (uuid TEXT PRIMARY KEY)", "CREATE TABLE HostEO (uuid TEXT)",
                "CREATE TABLE invoices (id INTEGER)");
        assertRefused(f, SourceException.Reason.NOT_ZSTACK, "not a ZStack database",
                "missing tables: VmInstanceEO, TpmVO, VmHostFileVO, VmHostBackupFileVO, VmHostFileContentVO, "
                        + "KeyProviderVO, EncryptedResourceKeyRefVO");
        Path empty = dir.resolve("blank.sqlite");
        TestSnapshots.exec(empty, "PRAGMA user_version = 1");
        assertRefused(empty, SourceException.Reason.NOT_ZSTACK, "no tables at all");
    }

    @Test
    void zstackTablesWithoutTheirColumns() throws Exception {
        Path f = TestSnapshots.fromDdl(dir.resolve("odd.sqlite"), false);
        TestSnapshots.exec(f, "DROP TABLE TpmVO", "CREATE TABLE TpmVO (uuid TEXT PRIMARY KEY, createDate TEXT)");
        assertRefused(f, SourceException.Reason.NOT_ZSTACK, "table TpmVO lacks columns: vmInstanceUuid");
    }

    @Test
    void optionalTablesMayBeMissing() throws Exception {
        Path f = TestSnapshots.fromDdl(dir.resolve("zsv500.sqlite"), false);
        TestSnapshots.exec(f, "DROP TABLE TpmKeyBackupVO", "DROP TABLE KmsVO");
        try (SqliteSnapshot s = SqliteSnapshot.open(f, OpenOptions.readOnly())) {
            assertThat(s.layout().missingOptional()).containsExactly("KmsVO", "TpmKeyBackupVO");
            assertThat(SourceSummary.of(s).counts()).doesNotContainKeys("KmsVO", "TpmKeyBackupVO");
        }
    }

    @Test
    void lockedByAnotherWriter() throws Exception {
        for (String mode : List.of("exclusive", "reserved")) {
            Path f = copyOfDemo("locked-" + mode + ".sqlite");
            String hash = TestSnapshots.sha256(f);
            Process holder = LockHolder.start(f, mode);
            try {
                List<String> before = TestSnapshots.listing(dir);
                assertThatThrownBy(() -> SqliteSnapshot.open(f, OpenOptions.readOnly()))
                        .isInstanceOfSatisfying(SourceException.class, e -> {
                            assertThat(e.reason()).isEqualTo(SourceException.Reason.LOCKED);
                            assertThat(e.getMessage()).containsAnyOf("locked by another program", "unfinished write");
                        });
                assertThat(TestSnapshots.listing(dir)).isEqualTo(before);
            } finally {
                holder.getOutputStream().close();
                holder.waitFor();
            }
            assertThat(TestSnapshots.sha256(f)).isEqualTo(hash);
            try (SqliteSnapshot s = SqliteSnapshot.open(f, OpenOptions.readOnly())) {
                assertThat(s.layout().isZStack()).isTrue();
            }
        }
    }

    @Test
    void aWriteThatEndsWithinTheBusyTimeoutIsWaitedFor() throws Exception {
        // a run beside the open writes in short transactions: an open that looks during one waits for its end
        for (String mode : List.of("exclusive", "reserved")) {
            for (OpenOptions options : List.of(OpenOptions.readOnly(), OpenOptions.writableOptions())) {
                Path f = copyOfDemo("short-" + mode + "-" + options.writable() + ".sqlite");
                Process holder = LockHolder.start(f, mode);
                java.util.concurrent.atomic.AtomicBoolean released = new java.util.concurrent.atomic.AtomicBoolean();
                Thread release = new Thread(() -> {
                    try {
                        Thread.sleep(300);
                        released.set(true);
                        holder.getOutputStream().close();
                    } catch (Exception e) {
                        holder.destroyForcibly();
                    }
                });
                release.start();
                try (SqliteSnapshot s = SqliteSnapshot.open(f, options)) {
                    assertThat(released).as("opened once the holder was told to end its write").isTrue();
                    assertThat(s.layout().isZStack()).isTrue();
                } finally {
                    release.join();
                    holder.waitFor();
                }
            }
        }
    }

    @Test
    void aReadWaitsForAWriteLongerThanAWriterWould() throws Exception {
        // a commit beside an open snapshot that takes longer than the writers' busy timeout (forced writes on a busy
        // disk): the read waits for it rather than report the file locked
        Path f = copyOfDemo("slow-commit.sqlite");
        try (SqliteSnapshot s = SqliteSnapshot.open(f, OpenOptions.readOnly())) {
            long vms = vms(s);
            Process holder = LockHolder.start(f, "exclusive");
            Thread release = new Thread(() -> {
                try {
                    Thread.sleep(SqliteSnapshot.BUSY_TIMEOUT_MS + 1000);
                    holder.getOutputStream().close();
                } catch (Exception e) {
                    holder.destroyForcibly();
                }
            });
            release.start();
            long start = System.nanoTime();
            try {
                assertThat(vms(s)).isEqualTo(vms);
                assertThat((System.nanoTime() - start) / 1_000_000).as("waited for the write")
                        .isGreaterThan(SqliteSnapshot.BUSY_TIMEOUT_MS);
            } finally {
                release.join();
                holder.waitFor();
            }
        }
    }

    @Test
    void hotJournalIsReportedNotRolledBack() throws Exception {
        Path f = copyOfDemo("hot.sqlite");
        byte[] journal = new byte[512];
        // the header of a journal whose transaction did not end: SQLite's journal magic
        System.arraycopy(java.util.HexFormat.of().parseHex("d9d505f920a163d7"), 0, journal, 0, 8);
        Files.write(dir.resolve("hot.sqlite-journal"), journal);
        assertRefused(f, SourceException.Reason.LOCKED, "unfinished write", "hot.sqlite-journal");
    }

    @Test
    void aJournalWhoseHeaderIsZeroedIsNoUnfinishedWrite() throws Exception {
        // what journal_mode PERSIST leaves after a commit (a run's connections keep their journal)
        Path f = copyOfDemo("kept.sqlite");
        Files.write(dir.resolve("kept.sqlite-journal"), new byte[512]);
        String hash = TestSnapshots.sha256(f);
        try (SqliteSnapshot s = SqliteSnapshot.open(f, OpenOptions.readOnly())) {
            assertThat(s.layout().isZStack()).isTrue();
        }
        assertThat(TestSnapshots.sha256(f)).isEqualTo(hash);
    }

    /** The header of a journal whose transaction has not ended: SQLite's journal magic. */
    private static byte[] journalBeingWritten() {
        byte[] journal = new byte[512];
        System.arraycopy(java.util.HexFormat.of().parseHex("d9d505f920a163d7"), 0, journal, 0, 8);
        return journal;
    }

    private static long vms(SqliteSnapshot s) throws Exception {
        try (Connection c = s.connection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM VmInstanceEO")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * A read that met a run's transaction as it began: SQLite saw the journal kept between transactions with a
     * header written and no RESERVED lock held when it looked, and refused the read-only connection
     * (SQLITE_READONLY_ROLLBACK). Read again once the transaction's commit has zeroed the header, it succeeds.
     */
    @Test
    void aReadThatMetAWritersJournalAsItsTransactionBeganIsReadAgain() throws Exception {
        Path f = copyOfDemo("raced.sqlite");
        Path journal = dir.resolve("raced.sqlite-journal");
        try (SqliteSnapshot s = SqliteSnapshot.open(f, OpenOptions.readOnly())) {
            long expected = vms(s);
            try (Connection held = s.connection()) { // the pool's idle connection: the next read opens another
                // a connection opened meanwhile (its settings read the file), then a query on one opened before
                assertThat(afterACommitIn150Ms(journal, () -> vms(s))).isEqualTo(expected);
                assertThat(afterACommitIn150Ms(journal, () -> {
                    try (Statement st = held.createStatement();
                         ResultSet rs = st.executeQuery("SELECT count(*) FROM VmInstanceEO")) {
                        rs.next();
                        return rs.getLong(1);
                    }
                })).isEqualTo(expected);
                // a prepared statement, as the browse and the audit run theirs: the driver finalized it when its step
                // failed, so it is prepared again, with its parameters
                assertThat(afterACommitIn150Ms(journal, () -> {
                    try (java.sql.PreparedStatement ps = held.prepareStatement(
                            "SELECT count(*) FROM VmInstanceEO WHERE uuid <> ?")) {
                        ps.setString(1, "");
                        try (ResultSet rs = ps.executeQuery()) {
                            rs.next();
                            return rs.getLong(1);
                        }
                    }
                })).isEqualTo(expected);
            }
            // opened again in this process (the re-audit's source): the file check is skipped, SQLite's probe reads
            assertThat(afterACommitIn150Ms(journal, () -> {
                try (SqliteSnapshot again = SqliteSnapshot.open(f, OpenOptions.readOnly())) {
                    return again.layout().isZStack() ? expected : -1L;
                }
            })).isEqualTo(expected);
        }
    }

    /**
     * What {@code read} returns, run while a journal's header says a transaction is being written, which the
     * transaction's commit zeroes 150 ms later (as a journal kept between transactions is left); asserts it was read
     * after the commit.
     */
    private static long afterACommitIn150Ms(Path journal, java.util.concurrent.Callable<Long> read) throws Exception {
        Files.write(journal, journalBeingWritten());
        Thread commit = new Thread(() -> {
            try {
                Thread.sleep(150);
                Files.write(journal, new byte[512]);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        long start = System.nanoTime();
        commit.start();
        long value = read.call();
        long ms = (System.nanoTime() - start) / 1_000_000;
        commit.join();
        assertThat(ms).as("read after the commit, not before").isGreaterThanOrEqualTo(150);
        return value;
    }

    /** A journal a crash left stays hot: the read fails with SQLite's reason once the retry's time is up. */
    @Test
    void aJournalThatStaysHotStillRefusesTheRead() throws Exception {
        Path f = copyOfDemo("crashed.sqlite");
        String hash = TestSnapshots.sha256(f);
        try (SqliteSnapshot s = SqliteSnapshot.open(f, OpenOptions.readOnly())) {
            Files.write(dir.resolve("crashed.sqlite-journal"), journalBeingWritten());
            long start = System.nanoTime();
            assertThatThrownBy(() -> vms(s)).isInstanceOfSatisfying(org.sqlite.SQLiteException.class, e ->
                    assertThat(e.getResultCode()).isEqualTo(org.sqlite.SQLiteErrorCode.SQLITE_READONLY_ROLLBACK));
            assertThat((System.nanoTime() - start) / 1_000_000).as("tried again for the retry's time")
                    .isGreaterThanOrEqualTo(SqliteSnapshot.BUSY_TIMEOUT_MS - 64);
        }
        assertThat(TestSnapshots.sha256(f)).isEqualTo(hash);
    }

    @Test
    void otherJdbcUrlsAreRefusedAndHideThePassword() {
        assertThatThrownBy(() -> Sources.open("jdbc:postgresql://db:5432/zstack?user=root&password=s3cret",
                OpenOptions.readOnly()))
                .isInstanceOf(SourceException.class)
                .hasMessageNotContaining("s3cret")
                .hasMessageContaining("password=***");
    }
}
