package dev.tpmconsole.app.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpmconsole.model.testing.SmallDisk;
import dev.tpmconsole.model.testing.TestSnapshots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault suite's full disks (real small file systems): a run whose folder fills its disk is refused before
 * any change (no room for the backup) or stops with exit 4 and the resume command, never with a stack trace,
 * whatever the size; a snapshot whose own disk fills stops the same way. Once there is room again, the resume
 * ends exactly as an uninterrupted run and undo gives back every table.
 */
class FullDiskTest {

    @TempDir
    static Path dir;
    static Path pristine;
    static Path planFile;
    static Map<String, List<String>> original;
    static Map<String, List<String>> removed;
    /** What a run folder holds before its first item: the backup and the plan. */
    static long backupBytes;
    static long runBytes;

    @BeforeAll
    static void build() throws Exception {
        pristine = TestSnapshots.demo(dir.resolve("pristine.sqlite"), 300, 31);
        planFile = dir.resolve("plan.json");
        Faults.writeRemoval(pristine, Faults.vmsWithTpmStateBackups(pristine, 60), planFile);
        original = Faults.tables(pristine);
        Path reference = copy(dir.resolve("reference"));
        Path journal = dir.resolve("reference-run/journal.jsonl");
        ConsoleProcess.Result r = Faults.console("apply", reference.toString(), planFile.toString(), "--journal",
                journal.toString());
        assertThat(r.status()).as(r.all()).isZero();
        removed = Faults.tables(reference);
        backupBytes = Files.size(journal.resolveSibling("backup.sqlite")) + Files.size(journal.resolveSibling("plan.json"));
        try (Stream<Path> files = Files.list(journal.getParent())) {
            runBytes = files.mapToLong(f -> f.toFile().length()).sum();
        }
        assertThat(runBytes - backupBytes).as("the quarantine needs room").isGreaterThan(64 * 1024);
    }

    static Path copy(Path folder) throws Exception {
        Files.createDirectories(folder);
        return Files.copy(pristine, folder.resolve("zstack.sqlite"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void aRunFolderOnAFullDisk_atSeveralSizes() throws Exception {
        double[] shares = {0.5, 0.1, 0.4, 0.7, 0.95};
        int stopped = 0;
        for (int i = 0; i < shares.length; i++) {
            long size = i == 0 ? backupBytes / 2 : backupBytes + 32 * 1024 + (long) ((runBytes - backupBytes) * shares[i]);
            Path folder = dir.resolve("run-folder-" + i);
            Path snapshot = copy(folder);
            try (SmallDisk disk = SmallDisk.mount(folder.resolve("disk"), size)) {
                Path journal = disk.path().resolve("run/journal.jsonl");
                ConsoleProcess.Result r = Faults.console("apply", snapshot.toString(), planFile.toString(), "--journal",
                        journal.toString());
                String what = "a run folder on " + size + " bytes: " + r.all();
                assertThat(r.err()).as(what).doesNotContain("\tat ", "Exception")
                        .contains("No space left on device");
                assertThat(r.err().lines().filter(l -> l.startsWith("tpm-console:"))).as(what).hasSize(1);
                if (r.status() == 1) { // no room for what comes before the first item
                    assertThat(r.err()).as(what).contains("Cannot prepare the run folder", "nothing was changed");
                    assertThat(Faults.differences(original, Faults.tables(snapshot))).isEmpty();
                    assertThat(journal).doesNotExist();
                    continue;
                }
                stopped++;
                assertThat(r.status()).as(what).isEqualTo(4);
                assertThat(r.err()).as(what).contains("the run stopped", "apply --resume " + journal);
                disk.grow(4 * runBytes);
                ConsoleProcess.Result resumed = Faults.console("apply", "--resume", journal.toString());
                assertThat(resumed.status()).as(resumed.all()).isZero();
                assertThat(Faults.differences(removed, Faults.tables(snapshot))).as(what).isEmpty();
                ConsoleProcess.Result undone = Faults.console("undo", journal.toString());
                assertThat(undone.status()).as(undone.all()).isZero();
                assertThat(Faults.differences(original, Faults.tables(snapshot))).as(what).isEmpty();
            }
        }
        assertThat(stopped).as("runs stopped among their items, at several points").isGreaterThanOrEqualTo(3);
    }

    @Test
    void aSnapshotOnAFullDisk() throws Exception {
        Path folder = dir.resolve("snapshot-disk");
        Files.createDirectories(folder);
        long size = Files.size(pristine);
        try (SmallDisk disk = SmallDisk.mount(folder.resolve("disk"), size + 256 * 1024)) {
            Path snapshot = Files.copy(pristine, disk.path().resolve("zstack.sqlite"));
            disk.fill(12 * 1024); // the rollback journal of an item needs more than this
            Path journal = folder.resolve("run/journal.jsonl");
            ConsoleProcess.Result r = Faults.console("apply", snapshot.toString(), planFile.toString(), "--journal",
                    journal.toString());
            assertThat(r.status()).as(r.all()).isEqualTo(4);
            assertThat(r.err()).doesNotContain("\tat ", "Exception")
                    .contains("the run stopped: cannot write the database: No space left on device", "apply --resume");
            assertThat(r.err().lines().filter(l -> l.startsWith("tpm-console:"))).hasSize(1);
            disk.unfill();
            disk.grow(4 * size);
            ConsoleProcess.Result resumed = Faults.console("apply", "--resume", journal.toString());
            assertThat(resumed.status()).as(resumed.all()).isZero();
            assertThat(Faults.differences(removed, Faults.tables(snapshot))).isEmpty();
            ConsoleProcess.Result undone = Faults.console("undo", journal.toString());
            assertThat(undone.status()).as(undone.all()).isZero();
            assertThat(Faults.differences(original, Faults.tables(snapshot))).isEmpty();
        }
    }
}
