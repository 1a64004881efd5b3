package dev.tpmconsole.app.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpmconsole.model.testing.TestSnapshots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A folder the console may not write (the snapshot's, a run folder's, an export's): one line on stderr naming it
 * and why, exit 1, nothing changed, never a stack trace. The console runs without root's right to write
 * anywhere, as under an administrator's account.
 */
class UnwritableFoldersTest {

    @TempDir
    Path dir;
    Path locked;

    @AfterEach
    void unlock() throws Exception {
        if (locked != null) {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void writesIntoAFolderThatRefusesThemAreOneLineAndChangeNothing() throws Exception {
        locked = Files.createDirectories(dir.resolve("locked"));
        Path snapshot = TestSnapshots.demo(locked.resolve("zstack.sqlite"), 60, 3);
        Files.setPosixFilePermissions(snapshot, PosixFilePermissions.fromString("rw-r--r--"));
        Path plan = dir.resolve("plan.json");
        ConsoleProcess.Result planned = Faults.console("plan", "remove", snapshot.toString(), "--vm",
                firstVm(snapshot), "--out", plan.toString());
        assertThat(planned.status()).as(planned.all()).isZero();
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        String before = TestSnapshots.sha256(snapshot);
        ConsoleProcess console = ConsoleProcess.in(dir.resolve("work")).unprivileged();
        Duration t = Duration.ofSeconds(120);
        List<ConsoleProcess.Result> refused = new ArrayList<>();
        refused.add(console.run(t, "apply", snapshot.toString(), plan.toString()));
        refused.add(console.run(t, "apply", TestSnapshots.demo(dir.resolve("other.sqlite"), 60, 3).toString(),
                plan.toString(), "--journal", locked.resolve("run/journal.jsonl").toString()));
        refused.add(console.run(t, "audit", snapshot.toString(), "--out", locked.resolve("audit.json").toString()));
        refused.add(console.run(t, "plan", "remove", snapshot.toString(), "--vm", firstVm(snapshot), "--out",
                locked.resolve("plan.json").toString()));
        refused.add(console.run(t, "demo", "--out", locked.resolve("demo.sqlite").toString()));
        for (ConsoleProcess.Result r : refused) {
            assertThat(r.status()).as(r.all()).isEqualTo(1);
            assertThat(r.err().strip().lines()).as(r.all()).hasSize(1);
            assertThat(r.err()).as(r.all()).startsWith("tpm-console: ").contains(locked.toString())
                    .doesNotContain("Exception", "\tat ");
        }
        assertThat(refused.get(0).err()).contains("Permission denied");
        assertThat(TestSnapshots.sha256(snapshot)).isEqualTo(before);
        assertThat(TestSnapshots.listing(locked)).containsExactly("zstack.sqlite");
    }

    static String firstVm(Path snapshot) throws Exception {
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + snapshot); var st = c.createStatement();
             var rs = st.executeQuery("SELECT vmInstanceUuid FROM VmHostFileVO WHERE type = 'TpmState' ORDER BY 1 LIMIT 1")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
