package dev.tpmconsole.app.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tpmconsole.model.testing.HostScripts;
import dev.tpmconsole.model.testing.Rows;
import dev.tpmconsole.model.testing.SqliteTestDatabase;
import dev.tpmconsole.model.testing.TestSnapshots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault suite's hostile values: what the database holds reaches the host scripts administrators run as root
 * and the terminals they read, so a value in any such column (a management address, a host or VM uuid, a path,
 * a name, a provider name, a key) that holds a newline, a command, ESC sequences or a CR is refused where it
 * would become code, and shown, never acted on, where it is printed.
 */
class HostileValuesTest {

    static final String V1 = "1".repeat(32);
    static final String V2 = "2".repeat(32);
    static final String V3 = "3".repeat(32);
    static final String V4 = "4".repeat(32);
    static final String V5 = "5".repeat(32);
    /** A VM uuid as hostile as it gets: a colour, a newline and a command. */
    static final String EVIL_VM = "evil\u001b[31m\ntouch /tmp/tpm-console-pwned";

    @TempDir
    Path dir;

    @Test
    void hostileValuesBecomeNeitherCommandsNorTerminalControl() throws Exception {
        Path snapshot = SqliteTestDatabase.create(dir.resolve("zstack.sqlite"), sink -> {
            Rows r = new Rows(sink);
            r.provider("p", "nkp").host("h1", false).host("h2", false).host("h3", false);
            for (String v : List.of(V1, V2, V3, V4, V5, EVIL_VM)) {
                r.vm(v, true).tpm(v + "_tpm", v).keyRef(v.hashCode() & 0xffff, "TpmVO", v + "_tpm", "p",
                        "nkp\u001b]0;pwned\u0007", "kek");
                r.backup(v + "_b\u001b[2J", v, "TpmState");
            }
            r.hostFile("f1", V1, "h1", "TpmState");      // its host's address is a command
            r.hostFile("f2", V2, "h2", "TpmState");      // its path is an NvRam file
            r.hostFile("f3", V3, "h3\ntouch /tmp/tpm-console-pwned", "TpmState"); // its host uuid is a command
            r.hostFile("f4", V4, "h2", "TpmState");      // its path has a command after a newline
            r.hostFile("f5", EVIL_VM, "h2", "TpmState"); // its VM uuid is a command
            r.hostFile("f6", V5, "h2", "TpmState");      // sound
        });
        TestSnapshots.exec(snapshot,
                "UPDATE HostEO SET managementIp = '10.0.0.1' || char(10) || 'touch /tmp/tpm-console-pwned',"
                        + " name = char(27) || '[2Jevil' || char(13) || 'host' WHERE uuid = 'h1'",
                "UPDATE HostEO SET managementIp = '127.0.0.12' WHERE uuid = 'h2'",
                "UPDATE VmHostFileVO SET path = '/var/lib/libvirt/qemu/nvram/22222222-2222-2222-2222-222222222222.fd'"
                        + " WHERE uuid = 'f2'",
                "UPDATE VmHostFileVO SET path = '/var/lib/libvirt/swtpm/44444444-4444-4444-4444-444444444444/'"
                        + " || char(10) || 'rm -rf /' WHERE uuid = 'f4'",
                "UPDATE VmInstanceEO SET name = char(27) || ']0;pwned' || char(7) || 'vm' || char(13) || 'ok'");

        List<ConsoleProcess.Result> outputs = new ArrayList<>();
        outputs.add(Faults.console("info", snapshot.toString()));
        for (String format : List.of("text", "csv", "json")) {
            outputs.add(Faults.console("audit", snapshot.toString(), "--format", format));
        }
        ConsoleProcess.Result planJson = Faults.console("plan", "remove", snapshot.toString(), "--vm", V1, "--vm", V2,
                "--vm", V3, "--vm", V4, "--vm", V5, "--vm", EVIL_VM);
        outputs.add(planJson);
        JsonNode plan = new ObjectMapper().readTree(planJson.out());
        assertThat(plan.get("vmUuids").get(5).asText()).as("JSON keeps the value exactly").isEqualTo(EVIL_VM);
        Path planFile = dir.resolve("plan.json");
        Files.writeString(planFile, planJson.out());
        outputs.add(Faults.console("repair", snapshot.toString(), "--plan-only"));
        ConsoleProcess.Result applied = Faults.console("apply", snapshot.toString(), planFile.toString());
        outputs.add(applied);
        assertThat(applied.status()).as(applied.all()).isEqualTo(4);
        Path run = Faults.runFolders(snapshot).get(0);
        outputs.add(Faults.console("undo", run.resolve("journal.jsonl").toString()));
        // and through a real process's stdout, as on a terminal
        outputs.add(ConsoleProcess.in(dir.resolve("work")).run(Duration.ofSeconds(120), "audit", snapshot.toString(),
                "--format", "text"));

        for (ConsoleProcess.Result r : outputs) {
            assertThat(controls(r.out())).as("stdout of " + r.out().lines().findFirst().orElse("")).isEmpty();
            assertThat(controls(r.err())).as("stderr: " + r.err()).isEmpty();
        }
        assertThat(applied.out()).contains("the host uuid 'h3\\u000atouch", "swtpm/evil\\u001b[31m\\u000atouch");

        // the scripts: only entries that passed, only lines of known shapes, sound for the shell
        List<Path> scripts;
        try (Stream<Path> files = Files.list(run)) {
            scripts = files.filter(p -> p.getFileName().toString().endsWith(".sh")).toList();
        }
        assertThat(scripts).extracting(p -> p.getFileName().toString()).containsExactly("host-h2.sh");
        for (Path script : scripts) {
            String text = Files.readString(script);
            assertThat(HostScripts.unknownLines(text)).as(script.toString()).isEmpty();
            assertThat(text).doesNotContain("touch", "nvram", "rm -rf /\n", "\u001b");
            assertThat(new ProcessBuilder("sh", "-n", script.toString()).start().waitFor()).isZero();
        }
        assertThat(Files.readString(scripts.get(0))).contains("remove_state '/var/lib/libvirt/swtpm/"
                + "55555555-5555-5555-5555-555555555555'").doesNotContain("44444444", "22222222");
        assertThat(Path.of("/tmp/tpm-console-pwned")).doesNotExist();
    }

    /** The control characters in printed text but the newlines, tabs and CR-LF pairs that structure it. */
    static List<String> controls(String text) {
        List<String> found = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean structure = c == '\n' || c == '\t' || c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n';
            if (!structure && (c < 0x20 || c >= 0x7f && c <= 0x9f)) {
                found.add(String.format("U+%04X at %d", (int) c, i));
            }
        }
        return found;
    }
}
