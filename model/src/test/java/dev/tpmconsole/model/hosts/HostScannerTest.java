package dev.tpmconsole.model.hosts;

import static dev.tpmconsole.model.hosts.HostScanFixture.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tpmconsole.model.i18n.Language;
import dev.tpmconsole.model.i18n.Messages;
import dev.tpmconsole.model.source.OpenOptions;
import dev.tpmconsole.model.source.Source;
import dev.tpmconsole.model.source.SourceException;
import dev.tpmconsole.model.source.Sources;
import dev.tpmconsole.model.ssh.SshHosts;
import dev.tpmconsole.model.ssh.SshPrompts;
import dev.tpmconsole.model.testing.MariaDbTestDatabase;
import dev.tpmconsole.model.testing.OpenSshHosts;
import dev.tpmconsole.model.testing.SqliteTestDatabase;
import dev.tpmconsole.model.testing.TestSnapshots;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scan's rules, each firing once and each with a near miss, on fake hosts served by the real OpenSSH. */
class HostScannerTest {

    static OpenSshHosts hosts;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() throws Exception {
        hosts = HostScanFixture.startHosts();
    }

    @AfterAll
    static void stop() {
        if (hosts != null) {
            hosts.close();
        }
    }

    private Path snapshot() throws Exception {
        Path file = SqliteTestDatabase.create(tmp.resolve("cloud.sqlite"), HostScanFixture::rows);
        TestSnapshots.exec(file, HostScanFixture.fixups().toArray(String[]::new));
        return file;
    }

    static HostScanReport scan(Source source, HostScanner.Options options) throws Exception {
        try (SshHosts ssh = new SshHosts(hosts.settings(), SshPrompts.NONE)) {
            HostScanner scanner = new HostScanner(source, ssh, Clock.systemUTC());
            List<String> unknown = new ArrayList<>();
            List<HostScanner.Target> targets = scanner.targets(options, unknown);
            assertThat(unknown).isEmpty();
            return scanner.scan(targets, options.parallelism(), new HostScanner.Listener() {
            });
        }
    }

    /** rule -> "host path" of each finding. */
    static Map<HostRule, List<String>> byRule(HostScanReport r) {
        return r.findings().stream().collect(Collectors.groupingBy(HostFinding::rule,
                Collectors.mapping(f -> f.hostUuid() + " " + f.path(), Collectors.toList())));
    }

    @Test
    void everyRuleFiresAndItsNearMissDoesNot() throws Exception {
        Path file = snapshot();
        String before = TestSnapshots.sha256(file);
        HostScanReport r;
        try (Source s = Sources.open(file.toString(), OpenOptions.readOnly())) {
            r = scan(s, HostScanner.Options.defaults());
        }
        assertContract(r);
        assertThat(TestSnapshots.sha256(file)).as("the scan only reads").isEqualTo(before);
    }

    static void assertContract(HostScanReport r) {
        Map<HostRule, List<String>> by = byRule(r);
        String swtpm = "/var/lib/libvirt/swtpm/";
        assertThat(by.get(HostRule.HOST_STATE_MISSING)).containsExactly(HOST_A + " " + swtpm + dashed(VM_MISSING) + "/");
        assertThat(by.get(HostRule.HOST_STATE_UNTRACKED)).containsExactlyInAnyOrder(
                HOST_A + " " + swtpm + dashed(VM_DELETED) + "/", HOST_A + " " + swtpm + dashed(VM_NONE) + "/",
                HOST_A + " " + swtpm + dashed(VM_ROWLESS) + "/", HOST_B + " " + swtpm + dashed(VM_OK) + "/");
        assertThat(by.get(HostRule.HOST_NVRAM_UNTRACKED)).containsExactly(
                HOST_A + " /var/lib/libvirt/qemu/nvram/orphan-vars.fd");
        assertThat(by.get(HostRule.HOST_PATH_REFUSED)).containsExactlyInAnyOrder(
                HOST_A + " " + swtpm + dashed(VM_LINK), HOST_A + " /etc/passwd", HOST_A + " " + swtpm + dashed(VM_FILE));
        assertThat(by.get(HostRule.HOST_UNREACHABLE)).containsExactlyInAnyOrder(HOST_CHANGED + " null",
                HOST_UNKNOWN + " null", HOST_LOCKED + " null", HOST_CLOSED + " null", HOST_GONE + " null");

        HostFinding link = find(r, HostRule.HOST_PATH_REFUSED, swtpm + dashed(VM_LINK));
        assertThat(link.table()).isEqualTo("VmHostFileVO");
        assertThat(link.key()).isEqualTo(ROW_LINK);
        assertThat(link.detail()).contains("symbolic link (to '/etc')", "not followed");
        assertThat(find(r, HostRule.HOST_PATH_REFUSED, "/etc/passwd").key()).isEqualTo(ROW_OUTSIDE);
        assertThat(find(r, HostRule.HOST_PATH_REFUSED, swtpm + dashed(VM_FILE)).detail()).contains("a file where a state folder");
        assertThat(find(r, HostRule.HOST_STATE_MISSING, swtpm + dashed(VM_MISSING) + "/").key()).isEqualTo(ROW_MISSING);

        HostFinding deleted = find(r, HostRule.HOST_STATE_UNTRACKED, swtpm + dashed(VM_DELETED) + "/");
        assertThat(deleted.vmUuid()).isEqualTo(VM_DELETED);
        assertThat(deleted.detail()).contains("soft-deleted", "has no TpmVO", "is on no host now");
        assertThat(deleted.repair()).isEqualTo("move to trash");
        assertThat(find(r, HostRule.HOST_STATE_UNTRACKED, swtpm + dashed(VM_NONE) + "/").detail()).contains("no VM");
        HostFinding rowless = find(r, HostRule.HOST_STATE_UNTRACKED, swtpm + dashed(VM_ROWLESS) + "/");
        assertThat(rowless.detail()).contains("has a TPM", "is on this host (Running)");
        assertThat(rowless.repair()).startsWith("none");
        assertThat(r.findings().stream().filter(f -> f.hostUuid().equals(HOST_B)).findFirst().orElseThrow().detail())
                .contains("is on another host (" + HOST_A + ")");

        assertThat(unreachable(r, HOST_CHANGED)).contains("host key", "CHANGED", "line " + hosts.knownHostsLine(CHANGED));
        assertThat(unreachable(r, HOST_UNKNOWN)).contains("host key", "unknown", "SHA256:");
        assertThat(unreachable(r, HOST_LOCKED)).contains("permission", "/var/lib/libvirt/swtpm");
        assertThat(unreachable(r, HOST_CLOSED)).contains("refused");
        assertThat(unreachable(r, HOST_GONE)).contains("no HostEO row");

        HostScanReport.Host a = r.host(HOST_A).orElseThrow();
        assertThat(a.status()).isEqualTo(HostScanReport.Status.SCANNED);
        assertThat(a.entries()).extracting(e -> e.name()).doesNotContain(HostPaths.TRASH)
                .contains(dashed(VM_OK), dashed(VM_OK) + ".fd");
        assertThat(r.host(HOST_B).orElseThrow().status()).isEqualTo(HostScanReport.Status.SCANNED);
        assertThat(r.host(HOST_IDLE)).as("hosts without rows only with --all-hosts").isEmpty();
        assertThat(r.needsAction()).isTrue();
    }

    static HostFinding find(HostScanReport r, HostRule rule, String path) {
        return r.findings().stream().filter(f -> f.rule() == rule && path.equals(f.path())).findFirst()
                .orElseThrow(() -> new AssertionError(rule + " " + path + " not in " + r.findings()));
    }

    static String unreachable(HostScanReport r, String host) {
        HostScanReport.Host h = r.host(host).orElseThrow();
        assertThat(h.status()).isEqualTo(HostScanReport.Status.UNREACHABLE);
        return h.reason();
    }

    @Test
    void aLiveDatabaseScansAlike() throws Exception {
        try (MariaDbTestDatabase db = MariaDbTestDatabase.create(false)) {
            db.load(HostScanFixture::rows);
            db.exec(HostScanFixture.fixups().toArray(String[]::new));
            try (Source s = Sources.open("jdbc:mariadb://127.0.0.1:3306/" + db.name() + "?user=root", OpenOptions.readOnly())) {
                assertContract(scan(s, HostScanner.Options.defaults()));
            }
        }
    }

    @Test
    void chosenHostsAndAllHosts() throws Exception {
        try (Source s = Sources.open(snapshot().toString(), OpenOptions.readOnly())) {
            HostScanReport one = scan(s, new HostScanner.Options(List.of(HOST_B), false, 2));
            assertThat(one.hosts()).extracting(HostScanReport.Host::hostUuid).containsExactly(HOST_B);
            try (SshHosts ssh = new SshHosts(hosts.settings(), SshPrompts.NONE)) {
                List<String> unknown = new ArrayList<>();
                List<HostScanner.Target> all = new HostScanner(s, ssh, Clock.systemUTC())
                        .targets(new HostScanner.Options(List.of(), true, 8), unknown);
                assertThat(all).extracting(HostScanner.Target::hostUuid).contains(HOST_IDLE, HOST_GONE);
                new HostScanner(s, ssh, Clock.systemUTC()).targets(
                        new HostScanner.Options(List.of("nosuchhost"), false, 8), unknown);
                assertThat(unknown).containsExactly("nosuchhost");
            }
        }
    }

    @Test
    void theJsonHasTheContractsFields() throws Exception {
        HostScanReport r;
        try (Source s = Sources.open(snapshot().toString(), OpenOptions.readOnly())) {
            r = scan(s, new HostScanner.Options(List.of(HOST_A, HOST_CLOSED), false, 2));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        HostScanWriters.json(r, out);
        JsonNode json = new ObjectMapper().readTree(out.toByteArray());
        assertThat(json.fieldNames()).toIterable().containsExactly("source", "scannedAt", "hosts", "findings", "counts");
        assertThat(json.get("hosts").get(0).fieldNames()).toIterable()
                .containsExactly("hostUuid", "managementIp", "status", "reason", "entries");
        assertThat(json.get("findings").get(0).fieldNames()).toIterable().containsExactly("rule", "severity",
                "hostUuid", "managementIp", "path", "table", "key", "vmUuid", "detail", "repair");
        assertThat(json.get("counts").size()).isEqualTo(HostRule.values().length);
        assertThat(json.get("counts").get("HOST_UNREACHABLE").asInt()).isEqualTo(1);
        assertThat(json.get("hosts").get(1).get("status").asText()).isEqualTo("unreachable");
    }

    @Test
    void cancelStopsTheHostsNotDoneAndTheScan() throws Exception {
        try (Source s = Sources.open(snapshot().toString(), OpenOptions.readOnly())) {
            HostScanner[] scanner = new HostScanner[1];
            List<String> ended = new java.util.concurrent.CopyOnWriteArrayList<>();
            SshPrompts cancelling = new SshPrompts() {
                @Override
                public boolean trustUnknownHostKey(UnknownHostKey key) {
                    scanner[0].cancel();
                    return false;
                }
            };
            try (SshHosts ssh = new SshHosts(hosts.settings(), cancelling)) {
                scanner[0] = new HostScanner(s, ssh, Clock.systemUTC());
                List<HostScanner.Target> targets = scanner[0].targets(HostScanner.Options.defaults(), new ArrayList<>());
                assertThatThrownBy(() -> scanner[0].scan(targets, 1, new HostScanner.Listener() {
                    @Override
                    public void hostEnded(HostScanReport.Host h) {
                        ended.add(h.hostUuid() + " " + h.status());
                    }
                })).isInstanceOf(HostScanner.Cancelled.class);
            }
            // one host at a time, in uuid order: the hosts after the unknown key were never started
            assertThat(ended).contains(HOST_A + " SCANNED", HOST_B + " SCANNED")
                    .noneMatch(e -> e.startsWith(HOST_LOCKED) || e.startsWith(HOST_CLOSED));
        }
    }

    @Test
    void theDemoIsRefused() throws Exception {
        Path demo = TestSnapshots.demo(tmp.resolve("demo.sqlite"), 40, 7);
        try (Source s = Sources.open(demo.toString(), OpenOptions.readOnly())) {
            assertThatThrownBy(() -> HostScanner.refuseDemo(s)).isInstanceOf(SourceException.class)
                    .hasMessageContaining("the demo's hosts are not real");
        }
        try (Source s = Sources.open(snapshot().toString(), OpenOptions.readOnly())) {
            HostScanner.refuseDemo(s);
        }
    }

    @Test
    void theJsonIsTheSameInEveryLanguage_theTextIsInTheCurrentOne() throws Exception {
        HostScanReport r;
        try (Source s = Sources.open(snapshot().toString(), OpenOptions.readOnly())) {
            r = scan(s, HostScanner.Options.defaults());
        }
        Map<Language, String[]> out = new java.util.EnumMap<>(Language.class);
        Language before = Messages.currentLanguage();
        try {
            for (Language l : Language.values()) {
                Messages.setCurrent(l);
                ByteArrayOutputStream json = new ByteArrayOutputStream();
                HostScanWriters.json(r, json);
                java.io.StringWriter text = new java.io.StringWriter();
                HostScanWriters.text(r, new java.io.PrintWriter(text));
                out.put(l, new String[] {json.toString(java.nio.charset.StandardCharsets.UTF_8), text.toString()});
            }
        } finally {
            Messages.setCurrent(before);
        }
        assertThat(out.get(Language.ZH_CN)[0]).isEqualTo(out.get(Language.EN)[0]);
        assertThat(out.get(Language.EN)[1]).startsWith("Host scan of ").doesNotContain("!");
        assertThat(out.get(Language.ZH_CN)[1]).startsWith("物理机扫描：")
                .contains(HostRule.HOST_STATE_UNTRACKED.title().in(Messages.of(Language.ZH_CN)), "汇总：", "移入回收目录")
                .doesNotContain("!hosts.", "!rule.", "!report.", "!severity.", "On host", "Summary");
        String dump = System.getProperty("reports.dump");
        if (dump != null) {
            java.nio.file.Files.createDirectories(Path.of(dump));
            java.nio.file.Files.writeString(Path.of(dump, "hosts.json"), out.get(Language.EN)[0]);
            java.nio.file.Files.writeString(Path.of(dump, "hosts.text"), out.get(Language.EN)[1]);
            java.nio.file.Files.writeString(Path.of(dump, "hosts.zh_CN.text"), out.get(Language.ZH_CN)[1]);
        }
    }
}
