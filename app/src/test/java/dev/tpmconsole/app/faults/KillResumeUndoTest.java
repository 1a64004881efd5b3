package dev.tpmconsole.app.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpmconsole.model.pipeline.Pipeline;
import dev.tpmconsole.model.plan.Plan;
import dev.tpmconsole.model.plan.PlanJson;
import dev.tpmconsole.model.plan.PlanPreview;
import dev.tpmconsole.model.testing.TestSnapshots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault suite's kills: a real {@code apply} process is killed with SIGKILL at a moment drawn at random
 * (during the backup, in the middle of a quarantine line, with an item's deletes made but not committed, just
 * after a commit, in the middle of a journal line), some of its resumes are killed too, and some runs meet an
 * item that fails until it is fixed. Each time, {@code apply --resume} then ends with exactly the tables of an
 * uninterrupted run, nothing of a run is left half made, and {@code undo} gives back every table as it was.
 * {@code -Dfaults.kills=N -Dfaults.seed=S} (faults/run.sh) runs more.
 */
class KillResumeUndoTest {

    static final List<String> POINTS = List.of("backup", "quarantine-write", "item-delete", "item-committed",
            "journal-write");
    static final Duration TIMEOUT = Duration.ofSeconds(120);

    @TempDir
    static Path dir;
    static Path pristine;
    static Path planFile;
    static Plan plan;
    static int items;
    static int quarantineWrites;
    static String failingBackup;
    static Map<String, List<String>> original;
    static Map<String, List<String>> removed;

    @BeforeAll
    static void build() throws Exception {
        pristine = TestSnapshots.demo(dir.resolve("pristine.sqlite"), 400, 23);
        PlanPreview preview = Faults.removal(pristine, Faults.vmsWithTpmStateBackupsAndFiles(pristine, 40));
        plan = preview.plan();
        // the items every run reaches: the TPM step is skipped while an item before it fails
        items = plan.steps().stream().filter(st -> st.name() == Plan.StepName.DELETE_BACKUPS
                || st.name() == Plan.StepName.DELETE_HOST_FILES).mapToInt(st -> st.items().size()).sum();
        assertThat(items).as("enough items to kill between").isGreaterThan(60);
        // the rows of a group of items are quarantined in one write (Pipeline.groups)
        quarantineWrites = plan.steps().stream().filter(st -> st.name() == Plan.StepName.DELETE_BACKUPS
                || st.name() == Plan.StepName.DELETE_HOST_FILES).mapToInt(st -> Pipeline.groups(st.items(), 1).size()).sum();
        assertThat(quarantineWrites).as("groups to kill between").isGreaterThan(1);
        failingBackup = plan.steps().stream().flatMap(st -> st.items().stream())
                .filter(i -> i.table().equals("VmHostBackupFileVO")).findFirst().orElseThrow().key();
        planFile = dir.resolve("plan.json");
        PlanJson.write(plan, planFile);
        original = Faults.tables(pristine);
        Path reference = copy(dir.resolve("reference"));
        ConsoleProcess.Result r = Faults.console("apply", reference.toString(), planFile.toString());
        assertThat(r.status()).as(r.all()).isZero();
        removed = Faults.tables(reference);
        assertThat(removed).isNotEqualTo(original);
    }

    static Path copy(Path folder) throws Exception {
        Files.createDirectories(folder);
        return Files.copy(pristine, folder.resolve("zstack.sqlite"), StandardCopyOption.REPLACE_EXISTING);
    }

    @TestFactory
    Stream<DynamicTest> killedRunsResumeAndUndoExactly() {
        Random random = new Random(Faults.seed());
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < Faults.kills(); i++) {
            String point = POINTS.get(i % POINTS.size());
            int nth = point.equals("backup") ? 1 : point.equals("journal-write") ? 1 + random.nextInt(2 * items)
                    : point.equals("quarantine-write") ? 1 + random.nextInt(quarantineWrites)
                    : 1 + random.nextInt(items - 2);
            boolean failing = i % 4 == 1;
            boolean killResume = i % 3 == 2;
            String resumePoint = POINTS.get(1 + random.nextInt(POINTS.size() - 1));
            int resumeNth = 1 + random.nextInt(3);
            int trial = i;
            String name = String.format("#%d kill at %s #%d%s%s", i, point, nth, failing ? ", a failing item" : "",
                    killResume ? ", its resume killed at " + resumePoint + " #" + resumeNth : "");
            tests.add(DynamicTest.dynamicTest(name, () -> trial(trial, point, nth, failing, killResume, resumePoint,
                    resumeNth)));
        }
        return tests.stream();
    }

    void trial(int i, String point, int nth, boolean failing, boolean killResume, String resumePoint, int resumeNth)
            throws Exception {
        Path folder = dir.resolve("trial-" + i);
        Path snapshot = copy(folder);
        if (failing) {
            TestSnapshots.exec(snapshot, "CREATE TRIGGER fail BEFORE DELETE ON VmHostBackupFileVO WHEN old.uuid = '"
                    + failingBackup + "' BEGIN SELECT RAISE(ABORT, 'injected: backup is protected'); END");
        }
        ConsoleProcess console = ConsoleProcess.in(folder);
        assertThat(console.killAt(point, nth, TIMEOUT, "apply", snapshot.toString(), planFile.toString()))
                .as("killed at " + point + "; it printed: " + console.lastOutput()).isTrue();
        assertWhole(snapshot);
        Path journal = journal(snapshot);
        if (point.equals("backup")) {
            assertThat(journal).as("a run killed during its backup leaves no run folder").isNull();
            assertThat(Faults.tables(snapshot)).isEqualTo(original);
        }
        if (killResume && journal != null) {
            console.killAt(resumePoint, resumeNth, TIMEOUT, "apply", "--resume", journal.toString());
            assertWhole(snapshot);
        }
        ConsoleProcess.Result finished = journal == null
                ? Faults.console("apply", snapshot.toString(), planFile.toString())
                : Faults.console("apply", "--resume", journal.toString());
        journal = journal(snapshot);
        if (failing) {
            assertThat(finished.status()).as(finished.all()).isEqualTo(4);
            assertThat(finished.out()).contains("failed: VmHostBackupFileVO/" + failingBackup);
            TestSnapshots.exec(snapshot, "DROP TRIGGER fail");
            finished = Faults.console("apply", "--resume", journal.toString());
        }
        assertThat(finished.status()).as(finished.all()).isZero();
        assertThat(Faults.differences(removed, Faults.tables(snapshot)))
                .as("the tables of an uninterrupted run").isEmpty();
        assertThat(Faults.leftovers(snapshot)).as("nothing half made in the runs folder").isEmpty();

        ConsoleProcess.Result undone = Faults.console("undo", journal.toString());
        assertThat(undone.status()).as(undone.all()).isZero();
        assertThat(Faults.differences(original, Faults.tables(snapshot))).as("every table as it was").isEmpty();
    }

    /** Every run folder there is holds its journal; nothing half made is visible. */
    static void assertWhole(Path snapshot) throws Exception {
        for (Path run : Faults.runFolders(snapshot)) {
            assertThat(run.resolve("journal.jsonl")).as(run + " has its journal").exists();
            assertThat(run.resolve("backup.sqlite")).exists();
        }
    }

    /** The journal of the snapshot's one run, or null when there is none. */
    static Path journal(Path snapshot) throws Exception {
        List<Path> runs = Faults.runFolders(snapshot);
        assertThat(runs).hasSizeLessThanOrEqualTo(1);
        return runs.isEmpty() ? null : runs.get(0).resolve("journal.jsonl");
    }
}
