package dev.tpmconsole.app.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpmconsole.model.testing.TestSnapshots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault suite's file modes: what a run or an export writes holds the database's rows (wrapped keys in the
 * backup and the quarantine, paths in the host scripts), so it is owner-only, files 0600 and folders 0700,
 * even from a shell whose umask is 000.
 */
class FileModesTest {

    @TempDir
    Path dir;

    @Test
    void runsAndExportsAreOwnerOnly_whateverTheUmask() throws Exception {
        Path snapshot = TestSnapshots.demo(dir.resolve("zstack.sqlite"), 120, 5);
        List<String> vms = Faults.vmsWithTpmState(snapshot, 5);
        ConsoleProcess open = ConsoleProcess.in(dir.resolve("work")).withUmask("000");
        Duration t = Duration.ofSeconds(120);
        Path exports = dir.resolve("exports/new/folder");
        List<String> plan = new ArrayList<>(List.of("plan", "remove", snapshot.toString(), "--out",
                exports.resolve("plan.json").toString()));
        vms.forEach(v -> plan.addAll(List.of("--vm", v)));
        assertThat(open.run(t, plan.toArray(String[]::new)).status()).isZero();
        assertThat(open.run(t, "audit", snapshot.toString(), "--format", "csv", "--out",
                exports.resolve("audit.csv").toString()).status()).isEqualTo(3);
        assertThat(open.run(t, "repair", snapshot.toString(), "--plan-only", "--out", exports.resolve("repair.json").toString(),
                "--sql", exports.resolve("repair.sql").toString()).status()).isZero();
        ConsoleProcess.Result applied = open.run(t, "apply", snapshot.toString(), exports.resolve("plan.json").toString());
        assertThat(applied.status()).as(applied.all()).isZero();
        Path journal = Faults.runFolders(snapshot).get(0).resolve("journal.jsonl");
        assertThat(open.run(t, "undo", journal.toString()).status()).isZero();

        List<String> wrong = new ArrayList<>();
        for (Path root : List.of(snapshot.resolveSibling("zstack.sqlite.runs"), dir.resolve("exports/new"))) {
            try (Stream<Path> all = Files.walk(root)) {
                for (Path p : all.toList()) {
                    String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
                    String expected = Files.isDirectory(p) ? "rwx------" : "rw-------";
                    if (!mode.equals(expected)) {
                        wrong.add(p + " is " + mode);
                    }
                }
            }
        }
        assertThat(wrong).as("files 0600, folders 0700").isEmpty();
        try (Stream<Path> run = Files.list(journal.getParent())) {
            assertThat(run.map(p -> p.getFileName().toString())).contains("backup.sqlite", "journal.jsonl",
                    "quarantine.jsonl", "plan.json", "host-work.json").anyMatch(n -> n.startsWith("host-") && n.endsWith(".sh"));
        }
    }
}
