package dev.tpmconsole.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tpmconsole.model.testing.Rows;
import dev.tpmconsole.model.testing.SqliteTestDatabase;
import dev.tpmconsole.model.testing.TestSnapshots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalogue's commands as scripts use them (docs/catalogue.md): the audit's status and firstSeen, the
 * --fail-on exit statuses, ack and its refusals, history, runs, clouds; and a catalogue in trouble (damaged, newer,
 * locked, another program's file) never changing an audit's report or status.
 */
class CatalogueCommandsTest {

    @TempDir
    Path dir;
    Path snapshot;
    Path catalogue;

    @BeforeEach
    void build() throws Exception {
        snapshot = AuditCommandTest.dirty(dir.resolve("dirty.sqlite"));
        catalogue = dir.resolve("catalogue.sqlite");
    }

    CommandLineTest.Run run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--catalogue");
        all.add(catalogue.toString());
        return CommandLineTest.run(all.toArray(String[]::new));
    }

    static JsonNode json(CommandLineTest.Run run) throws Exception {
        return new ObjectMapper().readTree(run.out());
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    static List<String> statuses(JsonNode report) {
        List<String> s = new ArrayList<>();
        report.get("findings").forEach(f -> s.add(f.get("rule").asText() + ":" + f.get("key").asText() + ":"
                + f.get("status").asText()));
        return s;
    }

    @Test
    void statusAndFirstSeenFollowTheFindingsAcrossAudits() throws Exception {
        CommandLineTest.Run first = run("audit", snapshot.toString(), "--format", "json");
        assertThat(first.status()).isEqualTo(3);
        assertThat(first.err()).isEmpty();
        JsonNode r1 = json(first);
        for (JsonNode f : r1.get("findings")) {
            assertThat(fieldNames(f)).as("the contract's fields, then the catalogue's").containsExactly("rule", "severity",
                    "table", "key", "detail", "repair", "relinkTo", "status", "firstSeen");
        }
        assertThat(statuses(r1)).containsExactly("KEY_REF_ORPHANED:2:new", "KEY_REF_PROVIDER_LOST:1:new",
                "HOST_FILE_ON_MISSING_HOST:f1:new", "CONTENT_WITHOUT_OWNER:c1:new", "RESOURCE_ROW_STALE:c1:new");
        String firstSeen = r1.at("/findings/0/firstSeen").asText();
        assertThat(java.time.Instant.parse(firstSeen)).isNotNull();

        // the orphaned key ref goes, a stale resource comes
        TestSnapshots.exec(snapshot, "DELETE FROM EncryptedResourceKeyRefVO WHERE id = 2",
                "INSERT INTO ResourceVO (uuid, resourceName, resourceType, concreteResourceType) VALUES ('r9', 'stale',"
                        + " 'TpmVO', 'org.zstack.TpmVO')");
        JsonNode r2 = json(run("audit", snapshot.toString(), "--format", "json"));
        assertThat(statuses(r2)).containsExactly("KEY_REF_PROVIDER_LOST:1:seen", "HOST_FILE_ON_MISSING_HOST:f1:seen",
                "CONTENT_WITHOUT_OWNER:c1:seen", "RESOURCE_ROW_STALE:c1:seen", "RESOURCE_ROW_STALE:r9:new");
        assertThat(r2.at("/findings/0/firstSeen").asText()).as("first seen by the first audit").isEqualTo(firstSeen);

        CommandLineTest.Run csv = run("audit", snapshot.toString(), "--format", "csv");
        String[] lines = csv.out().split("\r\n");
        assertThat(lines[0]).isEqualTo("rule,severity,table,key,detail,repair,status,firstSeen");
        assertThat(lines[1]).startsWith("KEY_REF_PROVIDER_LOST,suspect,EncryptedResourceKeyRefVO,1,")
                .endsWith(",relink,seen," + firstSeen);
        CommandLineTest.Run text = run("audit", snapshot.toString(), "--format", "text");
        assertThat(text.out()).contains("  EncryptedResourceKeyRefVO 1  [seen since " + firstSeen.substring(0, 10) + "]",
                "Since the previous audit: 0 new, 5 seen before, 0 acknowledged.");

        String hash = TestSnapshots.sha256(snapshot);
        JsonNode history = json(run("history", snapshot.toString(), "--format", "json"));
        assertThat(history.at("/cloud/label").asText()).isEqualTo("dirty.sqlite");
        assertThat(history.get("audits")).hasSize(4);
        JsonNode second = history.get("audits").get(1);
        assertThat(fieldNames(second)).containsExactly("id", "kind", "at", "source", "durationMs", "user", "rules",
                "findings", "new", "resolved", "counts");
        assertThat(second.get("kind").asText()).isEqualTo("audit");
        assertThat(second.get("new").asInt()).isEqualTo(1);
        assertThat(second.get("resolved").asInt()).as("the key ref that went").isEqualTo(1);
        assertThat(second.at("/counts/RESOURCE_ROW_STALE").asInt()).isEqualTo(2);
        assertThat(second.at("/counts/KEY_REF_ORPHANED").asInt()).isZero();
        CommandLineTest.Run historyCsv = run("history", snapshot.toString(), "--format", "csv");
        assertThat(historyCsv.out().split("\r\n")[0]).startsWith("id,at,kind,source,findings,new,resolved,KEY_REF_ORPHANED,");
        assertThat(historyCsv.out().split("\r\n")).hasSize(5);
        assertThat(historyCsv.out().split("\r\n")[1].split(",")[2]).isEqualTo("audit");
        assertThat(TestSnapshots.sha256(snapshot)).as("history only reads the source").isEqualTo(hash);
    }

    @Test
    void failOnDecidesTheExitStatus() throws Exception {
        assertThat(run("audit", snapshot.toString(), "--format", "json", "--fail-on", "new").status())
                .as("a first audit: everything is new").isEqualTo(3);
        assertThat(run("audit", snapshot.toString(), "--format", "json", "--fail-on", "new").status())
                .as("nothing new since").isZero();
        assertThat(run("audit", snapshot.toString(), "--format", "json", "--fail-on", "any").status()).isEqualTo(3);
        assertThat(run("audit", snapshot.toString(), "--format", "json").status()).as("any, by default").isEqualTo(3);
        assertThat(run("audit", snapshot.toString(), "--format", "json", "--fail-on", "unacknowledged").status())
                .isEqualTo(3);
        // the orphan and suspect findings acknowledged (the info one does not count anyway)
        for (String[] f : new String[][] {{"KEY_REF_ORPHANED", "2"}, {"KEY_REF_PROVIDER_LOST", "1"},
                {"CONTENT_WITHOUT_OWNER", "c1"}, {"RESOURCE_ROW_STALE", "c1"}}) {
            CommandLineTest.Run ack = run("ack", snapshot.toString(), "--rule", f[0], "--key", f[1], "--reason",
                    "known; the DR site still needs it", "--until", "2099-12-31");
            assertThat(ack.status()).as(ack.err()).isZero();
            assertThat(ack.out()).contains("Acknowledged " + f[0], "until 2100-01-01 00:00:00 UTC",
                    "known; the DR site still needs it");
        }
        CommandLineTest.Run acked = run("audit", snapshot.toString(), "--format", "json", "--fail-on", "unacknowledged");
        assertThat(acked.status()).isZero();
        assertThat(statuses(json(acked))).contains("KEY_REF_ORPHANED:2:acknowledged", "HOST_FILE_ON_MISSING_HOST:f1:seen");
        assertThat(run("audit", snapshot.toString(), "--format", "json", "--fail-on", "any").status()).isEqualTo(3);
        // one taken back: unacknowledged again
        assertThat(run("ack", "--remove", snapshot.toString(), "--rule", "KEY_REF_ORPHANED", "--key", "2").status())
                .isZero();
        assertThat(run("audit", snapshot.toString(), "--format", "json", "--fail-on", "unacknowledged").status())
                .isEqualTo(3);

        CommandLineTest.Run none = CommandLineTest.run("audit", snapshot.toString(), "--format", "json",
                "--no-catalogue", "--fail-on", "new");
        assertThat(none.status()).as("without a catalogue every finding counts as new").isEqualTo(3);
        assertThat(json(none).at("/findings/0/status").isNull()).isTrue();
        assertThat(json(none).at("/findings/0/firstSeen").isNull()).isTrue();
        assertThat(run("audit", snapshot.toString(), "--fail-on", "later").status()).isEqualTo(2);
        assertThat(CommandLineTest.run("audit", snapshot.toString(), "--no-catalogue", "--catalogue", catalogue.toString())
                .status()).isEqualTo(2);
    }

    @Test
    void ackRefusesWhatIsNotAnAcknowledgement() throws Exception {
        CommandLineTest.Run noReason = run("ack", snapshot.toString(), "--rule", "KEY_REF_ORPHANED", "--key", "2");
        assertThat(noReason.status()).isEqualTo(2);
        assertThat(noReason.err()).contains("needs a reason").doesNotContain("Exception");
        assertThat(run("ack", snapshot.toString(), "--rule", "KEY_REF_ORPHANED", "--key", "2", "--reason", "  ").status())
                .isEqualTo(2);
        assertThat(run("ack", snapshot.toString(), "--rule", "NO_SUCH_RULE", "--key", "2", "--reason", "x").status())
                .isEqualTo(2);
        assertThat(run("ack", snapshot.toString(), "--rule", "KEY_REF_ORPHANED", "--key", "2", "--reason", "x",
                "--until", "2001-01-01").status()).as("an expiry in the past").isEqualTo(2);
        assertThat(run("ack", snapshot.toString(), "--rule", "KEY_REF_ORPHANED", "--key", "2", "--reason", "x",
                "--until", "soon").status()).isEqualTo(2);
        CommandLineTest.Run nothing = run("ack", "--remove", snapshot.toString(), "--rule", "KEY_REF_ORPHANED", "--key",
                "2");
        assertThat(nothing.status()).isEqualTo(1);
        assertThat(nothing.err().lines().count()).isEqualTo(1);
        assertThat(CommandLineTest.run("ack", snapshot.toString(), "--rule", "KEY_REF_ORPHANED", "--key", "2",
                "--reason", "x", "--no-catalogue").status()).isEqualTo(2);
        assertThat(run("ack", dir.resolve("missing.sqlite").toString(), "--rule", "KEY_REF_ORPHANED", "--key", "2",
                "--reason", "x").status()).isEqualTo(1);
    }

    @Test
    void runsAreRecordedWithTheirJournalsAndUndo() throws Exception {
        Path plan = dir.resolve("plan.json");
        assertThat(run("plan", "remove", snapshot.toString(), "--vm", "vm1", "--out", plan.toString()).status()).isZero();
        Path journal = dir.resolve("run1/journal.jsonl");
        CommandLineTest.Run applied = run("apply", snapshot.toString(), plan.toString(), "--journal", journal.toString());
        assertThat(applied.status()).as(applied.err()).isZero();
        assertThat(applied.out()).startsWith("Done: ");
        CommandLineTest.Run undone = run("undo", journal.toString());
        assertThat(undone.status()).isZero();
        JsonNode runs = json(run("runs", snapshot.toString(), "--format", "json"));
        assertThat(runs.get("runs")).hasSize(2);
        JsonNode apply = runs.get("runs").get(0);
        assertThat(apply.get("kind").asText()).isEqualTo("apply");
        assertThat(apply.get("operation").asText()).isEqualTo("remove-tpm");
        assertThat(apply.get("outcome").asText()).isEqualTo("done");
        assertThat(apply.get("done").asInt()).isPositive();
        assertThat(apply.get("journal").asText()).isEqualTo(journal.toAbsolutePath().toString());
        assertThat(apply.get("durationMs").asLong()).isNotNegative();
        JsonNode undo = runs.get("runs").get(1);
        assertThat(undo.get("kind").asText()).isEqualTo("undo");
        assertThat(undo.get("outcome").asText()).isEqualTo("done");
        assertThat(undo.get("done").asInt()).as("rows restored").isPositive();
        CommandLineTest.Run text = run("runs", snapshot.toString(), "--format", "text");
        assertThat(text.out()).contains("apply remove-tpm", "undo", "journal " + journal.toAbsolutePath());
    }

    @Test
    void cloudsCanBeNamedMergedAndSplit() throws Exception {
        Path other = SqliteTestDatabase.create(dir.resolve("other.sqlite"), sink -> new Rows(sink).host("h2", false)
                .resource("r1", "TpmVO"));
        TestSnapshots.exec(other, "UPDATE HostEO SET zoneUuid = 'z2'");
        run("audit", snapshot.toString(), "--format", "json");
        run("audit", other.toString(), "--format", "json");
        JsonNode clouds = json(run("clouds", "--format", "json")).get("clouds");
        assertThat(clouds).hasSize(2);
        long a = clouds.get(0).get("id").asLong();
        long b = clouds.get(1).get("id").asLong();
        assertThat(run("clouds", "name", String.valueOf(a), "production").out()).contains("now called production");
        assertThat(run("clouds", "merge", String.valueOf(b), String.valueOf(a)).status()).isZero();
        JsonNode merged = json(run("clouds", "--format", "json")).get("clouds");
        assertThat(merged).hasSize(1);
        assertThat(merged.get(0).get("name").asText()).isEqualTo("production");
        assertThat(merged.get(0).get("audits").asInt()).isEqualTo(2);
        assertThat(json(run("history", other.toString(), "--format", "json")).get("audits")).hasSize(2);
        CommandLineTest.Run split = run("clouds", "split", String.valueOf(a), other.toAbsolutePath().toString());
        assertThat(split.status()).as(split.err()).isZero();
        assertThat(json(run("clouds", "--format", "json")).get("clouds")).hasSize(2);
        JsonNode otherHistory = json(run("history", other.toString(), "--format", "json"));
        assertThat(otherHistory.get("audits")).hasSize(1);
        assertThat(otherHistory.at("/audits/0/new").asInt()).as("computed again on its own").isEqualTo(1);
        assertThat(run("clouds", "merge", "99", String.valueOf(a)).status()).isEqualTo(1);
    }

    @Test
    void aDamagedCatalogueIsSetAsideAndTheAuditIsTheSame() throws Exception {
        String without = CommandLineTest.run("audit", snapshot.toString(), "--format", "json", "--no-catalogue").out();
        Files.writeString(catalogue, "garbage, not a catalogue");
        CommandLineTest.Run run = run("audit", snapshot.toString(), "--format", "json");
        assertThat(run.status()).isEqualTo(3);
        assertThat(run.err().lines().toList()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("tpm-console: warning: The catalogue ").contains("set aside"));
        assertThat(withoutCatalogueFields(run.out())).isEqualTo(withoutCatalogueFields(without));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("catalogue.sqlite.damaged-"));
        }
        assertThat(json(run("history", snapshot.toString(), "--format", "json")).get("audits")).hasSize(1);
    }

    @Test
    void aNewerCatalogueIsLeftAloneAndTheAuditIsTheSame() throws Exception {
        run("audit", snapshot.toString(), "--format", "json");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + catalogue); Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
                    + " checksum, installed_by, installed_on, execution_time, success) VALUES (99, '7', 'future', 'SQL',"
                    + " 'V7__future.sql', 0, 'ops', '2027-01-01 00:00:00', 1, 1)");
        }
        String hash = TestSnapshots.sha256(catalogue);
        String without = CommandLineTest.run("audit", snapshot.toString(), "--format", "json", "--no-catalogue").out();
        CommandLineTest.Run run = run("audit", snapshot.toString(), "--format", "json", "--fail-on", "new");
        assertThat(run.status()).isEqualTo(3);
        assertThat(run.err().lines().toList()).singleElement().satisfies(line -> assertThat(line)
                .contains("newer TPM Console", "nothing is recorded"));
        assertThat(run.out()).isEqualTo(without);
        assertThat(TestSnapshots.sha256(catalogue)).isEqualTo(hash);
        assertThat(run("history", snapshot.toString()).status()).as("a command that needs it says why").isEqualTo(1);
    }

    @Test
    void aLockedCatalogueIsAWarningAndTheAuditIsTheSame() throws Exception {
        run("audit", snapshot.toString(), "--format", "json");
        String before = run("audit", snapshot.toString(), "--format", "json").out();
        Process holder = CatalogueLockHolder.start(catalogue);
        try {
            CommandLineTest.Run run = run("audit", snapshot.toString(), "--format", "json");
            assertThat(run.status()).isEqualTo(3);
            assertThat(run.err().lines().toList()).singleElement().satisfies(line -> assertThat(line)
                    .contains("locked by another TPM Console", "not recorded"));
            assertThat(run.out()).as("statuses were read; only the recording waited").isEqualTo(before);
        } finally {
            holder.getOutputStream().close();
            holder.waitFor();
        }
        assertThat(json(run("history", snapshot.toString(), "--format", "json")).get("audits")).hasSize(2);
    }

    @Test
    void anotherProgramsFileIsLeftAlone() throws Exception {
        String hash = TestSnapshots.sha256(snapshot);
        CommandLineTest.Run run = CommandLineTest.run("audit", snapshot.toString(), "--format", "json", "--catalogue",
                snapshot.toString());
        assertThat(run.status()).isEqualTo(3);
        assertThat(run.err()).contains("not a TPM Console catalogue");
        assertThat(TestSnapshots.sha256(snapshot)).isEqualTo(hash);
    }

    /** The report without the catalogue's two fields (a set-aside catalogue is a new one: every finding is new). */
    static String withoutCatalogueFields(String json) {
        return json.replaceAll(",\\s*\"status\" : [^,}]*,\\s*\"firstSeen\" : [^,}\\n]*", "");
    }
}
