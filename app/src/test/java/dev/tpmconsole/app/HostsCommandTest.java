package dev.tpmconsole.app;

import static dev.tpmconsole.model.hosts.HostScanFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tpmconsole.model.hosts.HostScanFixture;
import dev.tpmconsole.model.testing.MariaDbTestDatabase;
import dev.tpmconsole.model.testing.OpenSshHosts;
import dev.tpmconsole.model.testing.Rows;
import dev.tpmconsole.model.testing.SqliteTestDatabase;
import dev.tpmconsole.model.testing.TestSnapshots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hosts scan} and {@code --ssh-tunnel} as a person runs them, against the real OpenSSH server. */
class HostsCommandTest {

    static OpenSshHosts hosts;
    @TempDir
    static Path shared;
    static Path cloud;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() throws Exception {
        hosts = HostScanFixture.startHosts();
        cloud = SqliteTestDatabase.create(shared.resolve("cloud.sqlite"), HostScanFixture::rows);
        TestSnapshots.exec(cloud, HostScanFixture.fixups().toArray(String[]::new));
    }

    @AfterAll
    static void stop() {
        if (hosts != null) {
            hosts.close();
        }
    }

    static CommandLineTest.Run scan(String... args) {
        List<String> all = new ArrayList<>(List.of("hosts", "scan"));
        all.addAll(List.of(args));
        all.addAll(List.of("--ssh-config", hosts.sshConfig().toString(), "--known-hosts", hosts.knownHosts().toString(),
                "--connect-timeout", "5", "--read-timeout", "10"));
        return CommandLineTest.run(all.toArray(String[]::new));
    }

    @Test
    void jsonReportAndExitThreeWhenSomethingNeedsAction() throws Exception {
        String before = TestSnapshots.sha256(cloud);
        CommandLineTest.Run run = scan(cloud.toString(), "--format", "json");
        assertThat(run.status()).as(run.err()).isEqualTo(3);
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("counts").get("HOST_STATE_MISSING").asInt()).isEqualTo(1);
        assertThat(json.get("counts").get("HOST_STATE_UNTRACKED").asInt()).isEqualTo(4);
        assertThat(json.get("counts").get("HOST_NVRAM_UNTRACKED").asInt()).isEqualTo(1);
        assertThat(json.get("counts").get("HOST_PATH_REFUSED").asInt()).isEqualTo(3);
        assertThat(json.get("counts").get("HOST_UNREACHABLE").asInt()).isEqualTo(5);
        assertThat(json.get("hosts")).hasSize(7);
        assertThat(TestSnapshots.sha256(cloud)).isEqualTo(before);
    }

    @Test
    void textReportForAPersonAndOutFile() throws Exception {
        Path out = tmp.resolve("scan.txt");
        CommandLineTest.Run run = scan(cloud.toString(), "--format", "text", "--host", HOST_A, "--out", out.toString());
        assertThat(run.status()).isEqualTo(3);
        assertThat(run.out()).isEmpty();
        assertThat(Files.readString(out)).contains("HOST_STATE_MISSING  [suspect]", "HOST_PATH_REFUSED",
                "symbolic link (to '/etc')", "Summary:");
    }

    @Test
    void exitZeroWhenTheHostsMatchTheDatabase() throws Exception {
        Path db = SqliteTestDatabase.create(tmp.resolve("b.sqlite"), sink -> new Rows(sink).host(HOST_B, false, B)
                .vm(VM_OK, true).hostFile("e0000000000000000000000000000001", VM_OK, HOST_B, "TpmState"));
        CommandLineTest.Run run = scan(db.toString(), "--format", "json");
        assertThat(run.status()).as(run.out() + run.err()).isZero();
        assertThat(new ObjectMapper().readTree(run.out()).get("findings")).isEmpty();
    }

    @Test
    void scansAreRecordedInTheCloudsHistoryAndAcknowledgedLikeAuditFindings() throws Exception {
        Path catalogue = tmp.resolve("catalogue.sqlite");
        CommandLineTest.Run first = scan(cloud.toString(), "--format", "json", "--catalogue", catalogue.toString());
        assertThat(first.status()).as(first.err()).isEqualTo(3);
        assertThat(first.err()).doesNotContain("warning");
        JsonNode report = new ObjectMapper().readTree(first.out());
        // only host A this time: the other hosts' findings stay open, host A's are seen again
        CommandLineTest.Run second = scan(cloud.toString(), "--format", "json", "--host", HOST_A, "--catalogue",
                catalogue.toString());
        assertThat(second.status()).as(second.err()).isEqualTo(3);

        CommandLineTest.Run history = CommandLineTest.run("history", cloud.toString(), "--format", "json",
                "--catalogue", catalogue.toString());
        assertThat(history.status()).as(history.err()).isZero();
        JsonNode audits = new ObjectMapper().readTree(history.out()).get("audits");
        assertThat(audits).hasSize(2);
        assertThat(audits.get(0).get("kind").asText()).isEqualTo("host-scan");
        assertThat(audits.get(0).get("findings").asInt()).isEqualTo(report.get("findings").size());
        assertThat(audits.get(0).get("new").asInt()).isEqualTo(report.get("findings").size());
        assertThat(audits.get(0).get("counts").get("HOST_UNREACHABLE").asInt()).isEqualTo(5);
        assertThat(audits.get(1).get("new").asInt()).isZero();
        assertThat(audits.get(1).get("resolved").asInt()).isZero();

        // a host finding is acknowledged by its host and path
        JsonNode missing = null;
        for (JsonNode f : report.get("findings")) {
            if (f.get("rule").asText().equals("HOST_STATE_MISSING")) {
                missing = f;
            }
        }
        assertThat(missing).isNotNull();
        CommandLineTest.Run ack = CommandLineTest.run("ack", cloud.toString(), "--rule", "HOST_STATE_MISSING",
                "--table", missing.get("table").asText(), "--key", missing.get("key").asText(), "--host",
                missing.get("hostUuid").asText(), "--path", missing.get("path").asText(), "--reason", "host being rebuilt",
                "--catalogue", catalogue.toString());
        assertThat(ack.status()).as(ack.err()).isZero();
        // an untracked folder has no row: its host and path are its key
        JsonNode untracked = null;
        for (JsonNode f : report.get("findings")) {
            if (f.get("rule").asText().equals("HOST_STATE_UNTRACKED")) {
                untracked = f;
            }
        }
        ack = CommandLineTest.run("ack", cloud.toString(), "--rule", "HOST_STATE_UNTRACKED", "--host",
                untracked.get("hostUuid").asText(), "--path", untracked.get("path").asText(), "--reason", "kept for forensics",
                "--catalogue", catalogue.toString());
        assertThat(ack.status()).as(ack.err()).isZero();
        CommandLineTest.Run noKey = CommandLineTest.run("ack", cloud.toString(), "--rule", "RESOURCE_ROW_STALE",
                "--reason", "x", "--catalogue", catalogue.toString());
        assertThat(noKey.status()).isEqualTo(2);
        assertThat(noKey.err()).contains("--key");
        JsonNode acks = new ObjectMapper().readTree(CommandLineTest.run("history", cloud.toString(), "--format", "json",
                "--catalogue", catalogue.toString()).out()).get("acknowledgements");
        assertThat(acks).hasSize(2);

        // and without a catalogue nothing is written
        Path none = tmp.resolve("none.sqlite");
        CommandLineTest.Run off = scan(cloud.toString(), "--format", "json", "--host", HOST_A, "--no-catalogue");
        assertThat(off.status()).isEqualTo(3);
        assertThat(none).doesNotExist();
    }

    @Test
    void theDemoBadSshFilesAndUnknownHostsAreRefused() throws Exception {
        Path demo = TestSnapshots.demo(tmp.resolve("demo.sqlite"), 40, 3);
        CommandLineTest.Run run = scan(demo.toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("the demo's hosts are not real").hasLineCount(1);

        Path config = tmp.resolve("config");
        Files.writeString(config, "Host x\n  Port 22\n  Port eleven\n");
        run = CommandLineTest.run("hosts", "scan", cloud.toString(), "--ssh-config", config.toString(),
                "--known-hosts", hosts.knownHosts().toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains(config + ":3:").hasLineCount(1);

        Path known = tmp.resolve("known_hosts");
        Files.writeString(known, "\n\n127.0.0.11 ssh-ed25519 not-base64!\n");
        run = CommandLineTest.run("hosts", "scan", cloud.toString(), "--ssh-config", hosts.sshConfig().toString(),
                "--known-hosts", known.toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains(known + ":3:").hasLineCount(1);

        run = scan(cloud.toString(), "--host", "nosuchhost");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("No host 'nosuchhost'");
    }

    @Test
    void aLiveDatabaseOpensThroughAnSshTunnelToItsManagementNode() throws Exception {
        try (MariaDbTestDatabase db = MariaDbTestDatabase.create(false)) {
            db.load(HostScanFixture::rows);
            db.exec(HostScanFixture.fixups().toArray(String[]::new));
            String url = "jdbc:mariadb://127.0.0.1:3306/" + db.name() + "?user=root";
            CommandLineTest.Run info = CommandLineTest.run("info", url, "--format", "json", "--ssh-tunnel", NODE,
                    "--ssh-config", hosts.sshConfig().toString(), "--known-hosts", hosts.knownHosts().toString());
            assertThat(info.status()).as(info.err()).isZero();
            assertThat(new ObjectMapper().readTree(info.out()).get("source").asText())
                    .isEqualTo("jdbc:mariadb://127.0.0.1:3306/" + db.name() + "?user=root through ssh " + NODE);
            assertThat(hosts.log()).contains("direct-tcpip").containsPattern("port 3306");

            CommandLineTest.Run run = scan(url, "--ssh-tunnel", NODE, "--format", "json", "--host", HOST_A);
            assertThat(run.status()).as(run.err()).isEqualTo(3);
            assertThat(new ObjectMapper().readTree(run.out()).get("counts").get("HOST_STATE_MISSING").asInt()).isEqualTo(1);

            // the window's File > Open database, through SSH: user and password apart, only the alias remembered
            DefaultSourceService service = new DefaultSourceService(tmp, hosts::settings,
                    dev.tpmconsole.model.ssh.SshPrompts.NONE);
            try (dev.tpmconsole.model.source.Source s = service.openDatabase("jdbc:mariadb://127.0.0.1:3306/" + db.name(),
                    "root", null, NODE)) {
                assertThat(s.displayName()).isEqualTo("jdbc:mariadb://127.0.0.1:3306/" + db.name() + " through ssh " + NODE);
                assertThat(dev.tpmconsole.model.stats.SourceSummary.of(s).counts().get("VmHostFileVO")).isEqualTo(11L);
                assertThat(s.writable()).isFalse();
            }

            CommandLineTest.Run unknown = CommandLineTest.run("info", url, "--ssh-tunnel", UNKNOWN,
                    "--ssh-config", hosts.sshConfig().toString(), "--known-hosts", hosts.knownHosts().toString());
            assertThat(unknown.status()).isEqualTo(1);
            assertThat(unknown.err()).contains("unknown", "SHA256:").hasLineCount(1);
        }
    }
}
