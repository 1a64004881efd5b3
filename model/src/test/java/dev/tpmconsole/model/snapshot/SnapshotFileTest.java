package dev.tpmconsole.model.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tpmconsole.model.testing.TestSnapshots;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The temporary file a snapshot is written into: named after its writer, removed when its writer is gone
 * (whatever killed it), never while it runs; given up at once from another thread; failures said in one line.
 * The real processes killed and signalled are in the app's ImportFaultsTest.
 */
class SnapshotFileTest {

    @TempDir
    Path dir;

    /** A process id that no process has: one of a process that ran and ended. */
    static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(ProcessHandle.of(p.pid()).filter(ProcessHandle::isAlive)).as("the pid is free").isEmpty();
        return p.pid();
    }

    @Test
    void partialFilesOfWritersThatAreGoneAreRemovedWithTheirCompanionsAndRunningOnesKept() throws Exception {
        ProcessHandle self = ProcessHandle.current();
        long start = self.info().startInstant().map(Instant::toEpochMilli).orElseThrow();
        long dead = deadPid();
        Path gone = Files.writeString(dir.resolve(".old.sqlite." + dead + "-" + start + ".123.partial"), "keys");
        Path goneJournal = Files.writeString(dir.resolve(gone.getFileName() + "-journal"), "journal");
        // the pid of a running process that started at another time: the writer's pid was reused
        Path reused = Files.writeString(dir.resolve(".r.sqlite." + self.pid() + "-" + (start - 3_600_000) + ".9.partial"), "");
        Path running = Files.writeString(dir.resolve(".live.sqlite." + self.pid() + "-" + start + ".77.partial"), "live");
        Path notOurs = Files.writeString(dir.resolve(".plan.json.12345.partial"), "another writer's kind of file");

        try (SnapshotFile file = SnapshotFile.create(dir.resolve("new.sqlite"), false, List.of())) {
            assertThat(file.partial().getFileName().toString())
                    .matches("\\.new\\.sqlite\\." + self.pid() + "-" + start + "\\.\\d+\\.partial");
            assertThat(Files.getPosixFilePermissions(file.partial())).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(gone).doesNotExist();
            assertThat(goneJournal).doesNotExist();
            assertThat(reused).doesNotExist();
            assertThat(running).hasContent("live");
            assertThat(notOurs).exists();
            file.commit();
        }
        assertThat(TestSnapshots.listing(dir)).containsExactly(".live.sqlite." + self.pid() + "-" + start + ".77.partial",
                ".plan.json.12345.partial", "new.sqlite");
    }

    @Test
    void aSnapshotIsWrittenInPagesOf16KiBAndReadsBackWhole() throws Exception {
        Path target = dir.resolve("pages.sqlite");
        try (SnapshotFile file = SnapshotFile.create(target, false, List.of("CREATE TABLE t (k TEXT PRIMARY KEY, v)"))) {
            try (var insert = file.connection().prepareStatement("INSERT INTO t VALUES (?, ?)")) {
                for (int i = 0; i < 5000; i++) {
                    insert.setString(1, "key-" + i);
                    insert.setString(2, "x".repeat(i % 300));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            file.commit();
        }
        // the file header's page size (bytes 16-17, big-endian), as any SQLite reader takes it
        byte[] header = java.util.Arrays.copyOf(Files.readAllBytes(target), 100);
        assertThat(((header[16] & 0xff) << 8) | (header[17] & 0xff)).isEqualTo(SnapshotFile.PAGE_SIZE).isEqualTo(16384);
        assertThat(Files.size(target) % 16384).isZero();
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + target);
             var rs = c.createStatement().executeQuery("SELECT count(*), sum(length(v)), "
                     + "(SELECT integrity_check FROM pragma_integrity_check) FROM t")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(5000);
            assertThat(rs.getLong(2)).isEqualTo(java.util.stream.IntStream.range(0, 5000).mapToLong(i -> i % 300).sum());
            assertThat(rs.getString(3)).isEqualTo("ok");
        }
    }

    @Test
    void abandoningFromAnotherThreadDeletesThePartialAtOnceAndNothingIsMovedIntoPlace() throws Exception {
        Path target = dir.resolve("s.sqlite");
        SnapshotFile file = SnapshotFile.create(target, false, List.of("CREATE TABLE t (x)"));
        file.connection().createStatement().execute("INSERT INTO t VALUES (1)");
        Path partial = file.partial();
        assertThat(CompletableFuture.supplyAsync(file::abandon).get(30, TimeUnit.SECONDS)).isTrue();
        assertThat(partial).doesNotExist();
        assertThatThrownBy(file::commit).isInstanceOf(InterruptedIOException.class);
        file.close();
        assertThat(TestSnapshots.listing(dir)).isEmpty();

        SnapshotFile done = SnapshotFile.create(target, false, List.of("CREATE TABLE t (x)"));
        done.commit();
        assertThat(done.abandon()).as("too late: the snapshot is in place").isFalse();
        done.close();
        assertThat(TestSnapshots.listing(dir)).containsExactly("s.sqlite");
    }

    @Test
    void aTargetThatIsAFolderOrUnderAFileIsRefusedInOneLineAndMissingFoldersAreOwnerOnly() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("folder.sqlite"));
        assertThatThrownBy(() -> SnapshotFile.create(folder, true, List.of())).isInstanceOf(IOException.class)
                .hasMessage("Cannot write the snapshot " + folder + ": it is a folder; name the snapshot file to write in it");
        Path file = Files.writeString(dir.resolve("plain"), "x");
        assertThatThrownBy(() -> SnapshotFile.create(file.resolve("s.sqlite"), false, List.of()))
                .isInstanceOf(IOException.class)
                .hasMessage("Cannot write the snapshot " + file.resolve("s.sqlite") + ": cannot create the folder " + file
                        + ": " + file + " is not a folder");
        assertThat(TestSnapshots.listing(dir)).containsExactly("folder.sqlite", "plain");

        Path deep = dir.resolve("a/b/s.sqlite");
        try (SnapshotFile s = SnapshotFile.create(deep, false, List.of())) {
            s.commit();
        }
        for (Path created : List.of(dir.resolve("a"), dir.resolve("a/b"))) {
            assertThat(Files.getPosixFilePermissions(created)).as(created.toString())
                    .isEqualTo(PosixFilePermissions.fromString("rwx------"));
        }
        assertThat(Files.getPosixFilePermissions(deep)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }
}
