package dev.tpmconsole.model.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tpmconsole.model.testing.SmallDisk;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal and the quarantine bundle are read exactly, whatever a kill or a full disk did to them. */
class JsonLinesTest {

    @TempDir
    Path dir;

    static QuarantinedRow row(String key, int size) {
        return new QuarantinedRow("VmHostFileVO/" + key, "VmHostFileContentVO", key, Map.of("uuid", key,
                "content", "x".repeat(size)));
    }

    @Test
    void aLineCutByAKillIsLeftOut_andCutAwayBeforeTheNextLine() throws Exception {
        QuarantineFile q = new QuarantineFile(dir.resolve("q.jsonl"));
        q.put(List.of(row("a", 10), row("b", 10)));
        // a kill in the middle of the next line
        Files.writeString(q.file(), "{\"item\":\"VmHostFileVO/c\",\"table\":\"VmHostF", StandardOpenOption.APPEND);
        assertThat(q.readAll()).extracting(QuarantinedRow::key).containsExactly("a", "b");
        // the resumed run's next line is whole, not joined to the cut one
        q.put(List.of(row("d", 10)));
        assertThat(q.readAll()).extracting(QuarantinedRow::key).containsExactly("a", "b", "d");
        assertThat(Files.readString(q.file())).doesNotContain("VmHostF\"").endsWith("\n");
    }

    @Test
    void aJournalThatRemembersWhereItEndedStillCutsALineItDidNotWrite() throws Exception {
        // the journal appends where its last line ended without looking back for it, unless the file changed
        Path file = dir.resolve("j.jsonl");
        try (Journal j = new Journal(file)) {
            j.append(new RunEvent.StepStarted("t1", dev.tpmconsole.model.plan.Plan.StepName.DELETE_BACKUPS, 2));
            j.append(new RunEvent.ItemStarted("t2", dev.tpmconsole.model.plan.Plan.StepName.DELETE_BACKUPS, "b/1"));
            Files.writeString(file, "{\"type\":\"ItemDone\",\"at\":\"t", StandardOpenOption.APPEND);
            j.append(new RunEvent.ItemStarted("t3", dev.tpmconsole.model.plan.Plan.StepName.DELETE_BACKUPS, "b/2"));
            j.append(new RunEvent.ItemDone("t4", dev.tpmconsole.model.plan.Plan.StepName.DELETE_BACKUPS, "b/2", 1));
        }
        assertThat(Journal.read(file)).extracting(RunEvent::at).containsExactly("t1", "t2", "t3", "t4");
        assertThat(Files.readAllLines(file)).hasSize(4).noneMatch(l -> l.contains("\"t{"));
    }

    @Test
    void aDamagedLineBeforeTheLastIsAnError_namingTheLine() throws Exception {
        QuarantineFile q = new QuarantineFile(dir.resolve("q.jsonl"));
        q.put(List.of(row("a", 10), row("b", 10), row("c", 10)));
        List<String> lines = new ArrayList<>(Files.readAllLines(q.file()));
        lines.set(1, lines.get(1).substring(0, 20) + lines.get(2)); // two lines joined: what used to lose a row
        lines.remove(2);
        Files.write(q.file(), lines);
        assertThatThrownBy(q::readAll).hasMessageContaining("q.jsonl is damaged at line 2");
    }

    @Test
    void filesAreOwnerOnly() throws Exception {
        QuarantineFile q = new QuarantineFile(dir.resolve("q.jsonl"));
        q.put(List.of(row("a", 1)));
        try (Journal j = new Journal(dir.resolve("j.jsonl"))) {
            j.append(new RunEvent.StepStarted("t", dev.tpmconsole.model.plan.Plan.StepName.DELETE_BACKUPS, 1));
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(q.file()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("j.jsonl"))))
                .isEqualTo("rw-------");
    }

    @Test
    void aFullDiskFailsTheWrite_leavesNoPartialLine_andTheNextWriteIsWhole() throws Exception {
        try (SmallDisk disk = SmallDisk.mount(dir.resolve("disk"), 256 * 1024)) {
            QuarantineFile q = new QuarantineFile(disk.path().resolve("q.jsonl"));
            q.put(List.of(row("a", 1000)));
            disk.fill(20_000);
            assertThatThrownBy(() -> q.put(List.of(row("big", 100_000))))
                    .isInstanceOf(RunStorageException.class)
                    .hasMessageContaining("cannot write the quarantine bundle")
                    .hasMessageContaining("No space left on device");
            assertThat(Files.readString(q.file())).endsWith("\n");
            assertThat(q.readAll()).extracting(QuarantinedRow::key).containsExactly("a");
            try (Journal j = new Journal(disk.path().resolve("j.jsonl"))) {
                j.append(new RunEvent.StepStarted("t", dev.tpmconsole.model.plan.Plan.StepName.DELETE_BACKUPS, 1));
                assertThatThrownBy(() -> {
                    for (int i = 0; i < 10_000; i++) {
                        j.append(new RunEvent.ItemFailed("t", dev.tpmconsole.model.plan.Plan.StepName.DELETE_BACKUPS, "x/" + i, "c", "d".repeat(2000)));
                    }
                }).isInstanceOf(RunStorageException.class).hasMessageContaining("cannot write the journal");
            }
            disk.unfill();
            q.put(List.of(row("b", 1000)));
            assertThat(q.readAll()).extracting(QuarantinedRow::key).containsExactly("a", "b");
            assertThat(Journal.read(disk.path().resolve("j.jsonl"))).allSatisfy(e -> assertThat(e).isNotNull());
        }
    }
}
