package dev.tpmconsole.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tpmconsole.model.testing.TestSnapshots;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The commands as scripts see them: exit status, stdout, stderr. */
public class CommandLineTest {

    @TempDir
    static Path shared;
    static Path demo;

    @TempDir
    Path dir;

    /** What a command did: its exit status and what it wrote. */
    public record Run(int status, String out, String err) {
    }

    /** Runs a command in this JVM, as the launcher would (a command line holding only the command named). */
    public static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = TpmConsoleCommand.commandLine(out, err, args);
        int status = cli.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    /** Runs a command on a command line holding every command. */
    static Run runOnTheWholeCommandLine(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = TpmConsoleCommand.commandLine(out, err).execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void aCommandLineHoldingOnlyTheNamedCommandSaysWhatTheWholeOneSays() {
        assertThat(TpmConsoleCommand.commandNamed("audit", "x")).isEqualTo("audit");
        assertThat(TpmConsoleCommand.commandNamed("--lang", "zh_CN", "hosts", "scan")).isEqualTo("hosts");
        assertThat(TpmConsoleCommand.commandNamed("--lang=en", "info")).isEqualTo("info");
        assertThat(TpmConsoleCommand.commandNamed("--help")).isNull();
        assertThat(TpmConsoleCommand.commandNamed("help", "audit")).isNull();
        assertThat(TpmConsoleCommand.commandNamed("audti")).isNull();
        assertThat(TpmConsoleCommand.commandNamed()).isNull();
        assertThat(TpmConsoleCommand.commandLine(new StringWriter(), new StringWriter(), "audit", "x").getSubcommands())
                .containsOnlyKeys("audit");
        assertThat(TpmConsoleCommand.commandLine(new StringWriter(), new StringWriter(), "--version").getSubcommands())
                .containsOnlyKeys(TpmConsoleCommand.COMMANDS.keySet());
        String[][] invocations = {{"audit", "--help"}, {"audit"}, {"hosts", "scan", "--help"}, {"hosts"},
            {"plan", "reset"}, {"--lang", "zh_CN", "audit", "--help"}, {"info", "--no-such-option"},
            {"clouds", "merge", "--help"}, {"audti"}, {"--help"}, {"help", "audit"}};
        for (String[] args : invocations) {
            assertThat(run(args)).as(String.join(" ", args)).isEqualTo(runOnTheWholeCommandLine(args));
        }
    }

    @BeforeAll
    static void demo() throws Exception {
        demo = TestSnapshots.demo(shared.resolve("demo.sqlite"), 120, 11);
    }

    @Test
    void infoText() throws Exception {
        String hash = TestSnapshots.sha256(demo);
        Run r = run("info", demo.toString());
        assertThat(r.status()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("Source:  " + demo, "SQLite snapshot, read-only",
                "VmHostBackupFileVO owner column: resourceUuid", "foreign key: absent",
                "optional tables missing: none");
        long vms = TestSnapshots.count(demo, "SELECT count(*) FROM VmInstanceEO");
        assertThat(r.out()).containsPattern("VmInstanceEO\\s+" + String.format("%,d", vms) + "\n");
        assertThat(TestSnapshots.sha256(demo)).isEqualTo(hash);
    }

    @Test
    void infoJson() throws Exception {
        Run r = run("info", demo.toString(), "--format", "json");
        assertThat(r.status()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("source").asText()).isEqualTo(demo.toString());
        assertThat(json.get("kind").asText()).isEqualTo("sqlite");
        assertThat(json.get("writable").asBoolean()).isFalse();
        assertThat(json.at("/schema/backupOwnerColumn").asText()).isEqualTo("resourceUuid");
        assertThat(json.at("/schema/keyRefResourceFk").isBoolean()).isTrue();
        assertThat(json.at("/schema/missingTables").size()).isZero();
        assertThat(json.get("counts").size()).isEqualTo(15);
        for (var table : new String[] {"ResourceVO", "TpmVO", "EncryptedResourceKeyRefVO", "VmHostFileContentVO"}) {
            assertThat(json.at("/counts/" + table).asLong()).as(table)
                    .isEqualTo(TestSnapshots.count(demo, "SELECT count(*) FROM " + table));
        }
    }

    @Test
    void infoOnBadInputExitsOneWithAMessageAndNoOutput() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.txt"), "hello");
        Path other = dir.resolve("other.sqlite");
        TestSnapshots.exec(other, "CREATE TABLE t (x)");
        for (Object[] c : new Object[][] {
            {dir.resolve("missing.sqlite"), "No such file"},
            {text, "not an SQLite database"},
            {other, "not a ZStack database: missing tables: ResourceVO, HostEO, VmInstanceEO"}}) {
            Run r = run("info", c[0].toString());
            assertThat(r.status()).as(c[0].toString()).isEqualTo(1);
            assertThat(r.out()).isEmpty();
            assertThat(r.err()).startsWith("tpm-console: ").contains((String) c[1]);
        }
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(run("info").status()).isEqualTo(2);
        assertThat(run("info", demo.toString(), "--format", "xml").status()).isEqualTo(2);
        assertThat(run("frobnicate").status()).isEqualTo(2);
        Run r = run("demo", "--out", dir.resolve("x.sqlite").toString(), "--vms", "0");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("--vms must be between 1 and");
    }

    @Test
    void demoWritesAndRefusesToOverwrite() throws Exception {
        Path out = dir.resolve("d.sqlite");
        Run r = run("demo", "--out", out.toString(), "--vms", "50", "--seed", "3");
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("Wrote " + out, "13 kinds of dirty rows");
        String hash = TestSnapshots.sha256(out);
        Run again = run("demo", "--out", out.toString(), "--vms", "50", "--seed", "4");
        assertThat(again.status()).isEqualTo(1);
        assertThat(again.err()).contains("exists already", "--force");
        assertThat(TestSnapshots.sha256(out)).isEqualTo(hash);
        assertThat(run("demo", "--out", out.toString(), "--vms", "50", "--seed", "3", "--force").status()).isZero();
        assertThat(TestSnapshots.sha256(out)).as("same seed, same bytes").isEqualTo(hash);
    }

    @Test
    void helpAndVersion() {
        Run help = run("--help");
        assertThat(help.status()).isZero();
        assertThat(help.out()).contains("gui", "info", "demo", "Exit status:");
        Run version = run("--version");
        assertThat(version.status()).isZero();
        assertThat(version.out()).contains("TPM Console", "Java 17");
    }
}
