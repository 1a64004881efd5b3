package dev.tpmconsole.app.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpmconsole.model.testing.TestSnapshots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault suite's concurrent runs (real processes): two applies, or two resumes, of one snapshot never run at
 * once. The second is refused in one line naming the first, shares nothing with it, and the end state is that
 * of one run.
 */
class ConcurrentRunsTest {

    static final Duration TIMEOUT = Duration.ofSeconds(120);

    @TempDir
    Path dir;
    Path snapshot;
    Path planFile;
    Map<String, List<String>> original;

    @BeforeEach
    void build() throws Exception {
        snapshot = TestSnapshots.demo(dir.resolve("zstack.sqlite"), 200, 41);
        planFile = dir.resolve("plan.json");
        Faults.writeRemoval(snapshot, Faults.vmsWithTpmState(snapshot, 30), planFile);
        original = Faults.tables(snapshot);
    }

    @Test
    void twoAppliesStartedTogether_oneRuns() throws Exception {
        ConsoleProcess console = ConsoleProcess.in(dir.resolve("work"));
        Process first = console.start("apply", snapshot.toString(), planFile.toString());
        Process second = console.start("apply", snapshot.toString(), planFile.toString());
        int a = finish(first);
        int b = finish(second);
        assertThat(List.of(a, b)).as("one applies the plan, the other is refused").containsExactlyInAnyOrder(0, 1);
        String refused = new String((a == 1 ? first : second).getErrorStream().readAllBytes());
        assertThat(refused.strip().lines()).hasSize(1);
        assertThat(refused).containsPattern("Another run is going on .*zstack.sqlite|has vanished since the plan was made");
        assertThat(Faults.runFolders(snapshot)).as("one run, one folder").hasSize(1);
        Path journal = Faults.runFolders(snapshot).get(0).resolve("journal.jsonl");
        assertThat(Files.readAllLines(journal)).filteredOn(l -> l.contains("\"run-started\"")).hasSize(1);
        assertThat(Faults.console("undo", journal.toString()).status()).isZero();
        assertThat(Faults.differences(original, Faults.tables(snapshot))).isEmpty();
    }

    @Test
    void anApplyOrResumeWhileAnotherRunIsGoing_isRefused() throws Exception {
        ConsoleProcess console = ConsoleProcess.in(dir.resolve("work"));
        Path marker = dir.resolve("work/paused");
        // the first run stops (alive) in the middle of its items
        Process running = console.withEnv(Map.of("TPM_CONSOLE_FAULT", "item-committed:5:" + marker))
                .start("apply", snapshot.toString(), planFile.toString());
        waitFor(marker, running);
        ConsoleProcess.Result second = console.run(TIMEOUT, "apply", snapshot.toString(), planFile.toString());
        assertThat(second.status()).isEqualTo(1);
        assertThat(second.err()).startsWith("tpm-console: Another run is going on " + snapshot)
                .contains("apply by process " + running.pid());
        assertThat(second.err().strip().lines()).hasSize(1);
        Path journal = Faults.runFolders(snapshot).get(0).resolve("journal.jsonl");
        ConsoleProcess.Result resume = console.run(TIMEOUT, "apply", "--resume", journal.toString());
        assertThat(resume.status()).isEqualTo(1);
        assertThat(resume.err()).contains("Another run is going");
        ConsoleProcess.Result undo = console.run(TIMEOUT, "undo", journal.toString());
        assertThat(undo.status()).isEqualTo(1);
        assertThat(undo.err()).contains("Another run is going");
        running.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

        // two resumes: the first pauses, the second is refused
        Files.deleteIfExists(marker);
        Process resuming = console.withEnv(Map.of("TPM_CONSOLE_FAULT", "item-committed:3:" + marker))
                .start("apply", "--resume", journal.toString());
        waitFor(marker, resuming);
        ConsoleProcess.Result again = console.run(TIMEOUT, "apply", "--resume", journal.toString());
        assertThat(again.status()).isEqualTo(1);
        assertThat(again.err()).contains("Another run is going", "resume by process " + resuming.pid());
        resuming.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

        assertThat(Faults.console("apply", "--resume", journal.toString()).status()).isZero();
        assertThat(Faults.runFolders(snapshot)).hasSize(1);
        assertThat(Faults.console("undo", journal.toString()).status()).isZero();
        assertThat(Faults.differences(original, Faults.tables(snapshot))).isEmpty();
    }

    static int finish(Process p) throws Exception {
        assertThat(p.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        return p.exitValue();
    }

    static void waitFor(Path marker, Process p) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!Files.exists(marker)) {
            assertThat(p.isAlive()).as("the first run is still going").isTrue();
            assertThat(System.nanoTime()).as("the first run reached its pause").isLessThan(deadline);
            p.waitFor(10, TimeUnit.MILLISECONDS);
        }
    }
}
