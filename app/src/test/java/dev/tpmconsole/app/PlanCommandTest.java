package dev.tpmconsole.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpmconsole.model.plan.Plan;
import dev.tpmconsole.model.plan.PlanJson;
import dev.tpmconsole.model.testing.Rows;
import dev.tpmconsole.model.testing.SqliteTestDatabase;
import dev.tpmconsole.model.testing.TestSnapshots;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanCommandTest {

    @TempDir
    static Path shared;
    static Path snapshot;

    @TempDir
    Path dir;

    @BeforeAll
    static void build() throws Exception {
        snapshot = SqliteTestDatabase.create(shared.resolve("s.sqlite"), sink -> {
            Rows r = new Rows(sink);
            r.provider("p", "nkp").host("h", false).vm("v", true).tpm("t", "v").keyRef(1, "TpmVO", "t", "p", "nkp", "k");
            r.hostFile("f", "v", "h", "TpmState").hostFile("n", "v", "h", "NvRam");
            r.vm("quiet", true);
        });
    }

    @Test
    void writesThePlanAndASummary() throws Exception {
        String hash = TestSnapshots.sha256(snapshot);
        Path out = dir.resolve("plan.json");
        CommandLineTest.Run run = CommandLineTest.run("plan", "remove", snapshot.toString(), "--vm", "v", "--out", out.toString());
        assertThat(run.status()).isZero();
        assertThat(run.out()).startsWith("remove-tpm of 1 VM: will delete 6 rows in 5 tables, 1 host path; keeps 1 row")
                .contains("Deletes per table: 1 VmHostFileContentVO, 1 VmHostFileVO, 2 ResourceVO, 1 EncryptedResourceKeyRefVO, 1 TpmVO",
                        "Plan written to " + out);
        Plan plan = PlanJson.read(out);
        assertThat(plan.vmUuids()).containsExactly("v");
        assertThat(TestSnapshots.sha256(snapshot)).isEqualTo(hash);
    }

    @Test
    void jsonOnStdoutWithoutOut() throws Exception {
        CommandLineTest.Run run = CommandLineTest.run("plan", "reset", snapshot.toString(), "--vm", "v");
        assertThat(run.status()).isZero();
        assertThat(PlanJson.read(run.out()).operation()).isEqualTo("reset-tpm");
    }

    @Test
    void nothingToDoIsAValidPlan() throws Exception {
        CommandLineTest.Run run = CommandLineTest.run("plan", "remove", snapshot.toString(), "--vm", "quiet",
                "--out", dir.resolve("q.json").toString());
        assertThat(run.status()).isZero();
        assertThat(run.out()).startsWith("remove-tpm of 1 VM: nothing to do");
    }

    @Test
    void errors() {
        CommandLineTest.Run unknown = CommandLineTest.run("plan", "remove", snapshot.toString(), "--vm", "nope",
                "--out", dir.resolve("x.json").toString());
        assertThat(unknown.status()).isEqualTo(1);
        assertThat(unknown.err()).contains("No VM with uuid nope");
        assertThat(dir.resolve("x.json")).doesNotExist();
        assertThat(CommandLineTest.run("plan", "remove", snapshot.toString()).status()).as("--vm required").isEqualTo(2);
        assertThat(CommandLineTest.run("plan", "wipe", snapshot.toString(), "--vm", "v").status()).isEqualTo(2);
        assertThat(CommandLineTest.run("plan", "remove", dir.resolve("none.sqlite").toString(), "--vm", "v").status())
                .isEqualTo(1);
    }
}
