package dev.tpmconsole.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tpmconsole.model.audit.AuditRule;
import dev.tpmconsole.model.testing.Rows;
import dev.tpmconsole.model.testing.SqliteTestDatabase;
import dev.tpmconsole.model.testing.TestSnapshots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code audit} as scripts use it: the JSON and CSV contracts, exit statuses, --rule, --out. */
class AuditCommandTest {

    @TempDir
    static Path shared;
    static Path dirty;
    static Path clean;

    @TempDir
    Path dir;

    /**
     * A small snapshot, written to {@code file}, that the audit finds dirty: a key ref without a provider uuid, one
     * of a TPM that does not exist, a host file on a host that does not exist, a backup resource with content but
     * no backup row.
     */
    static Path dirty(Path file) throws Exception {
        return SqliteTestDatabase.create(file, sink -> {
            Rows r = new Rows(sink);
            r.provider("prov1", "nkp-default").host("h", false).vm("vm1", true).tpm("tpm1", "vm1");
            r.keyRef(1, "TpmVO", "tpm1", null, "nkp-default", "kek/1");
            r.keyRef(2, "TpmVO", "gone", "prov1", "nkp-default", "kek/1");
            r.hostFile("f1", "vm1", "h_expunged", "NvRam");
            r.resource("c1", "VmHostBackupFileVO").content("c1");
        });
    }

    @BeforeAll
    static void build() throws Exception {
        dirty = dirty(shared.resolve("dirty.sqlite"));
        clean = SqliteTestDatabase.create(shared.resolve("clean.sqlite"), sink -> {
            Rows r = new Rows(sink);
            r.provider("p", "nkp").host("h", false).vm("v", true).tpm("t", "v").keyRef(1, "TpmVO", "t", "p", "nkp", "k");
            r.hostFile("f", "v", "h_expunged", "TpmState");
        });
    }

    @Test
    void jsonReportFieldByField() throws Exception {
        String hash = TestSnapshots.sha256(dirty);
        CommandLineTest.Run run = CommandLineTest.run("audit", dirty.toString(), "--format", "json");
        assertThat(run.status()).isEqualTo(3);
        assertThat(run.err()).isEmpty();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(fieldNames(json)).containsExactly("source", "schema", "findings", "counts");
        assertThat(json.get("source").asText()).isEqualTo(dirty.toString());
        assertThat(fieldNames(json.get("schema"))).containsExactly("backupOwnerColumn", "keyRefResourceFk");
        assertThat(json.at("/schema/backupOwnerColumn").asText()).isEqualTo("resourceUuid");
        assertThat(json.at("/schema/keyRefResourceFk").isBoolean()).isTrue();
        assertThat(json.at("/schema/keyRefResourceFk").asBoolean()).isFalse();

        List<String> rules = new ArrayList<>();
        for (JsonNode f : json.get("findings")) {
            // the contract's fields in its order, then the catalogue's additions (docs/catalogue.md)
            assertThat(fieldNames(f)).containsExactly("rule", "severity", "table", "key", "detail", "repair", "relinkTo",
                    "status", "firstSeen");
            assertThat(f.get("key").isTextual()).as("key is always a string").isTrue();
            assertThat(f.get("severity").asText()).isIn("orphan", "suspect", "info");
            assertThat(f.get("detail").asText()).isNotBlank();
            rules.add(f.get("rule").asText() + ":" + f.get("key").asText());
        }
        assertThat(rules).containsExactly("KEY_REF_ORPHANED:2", "KEY_REF_PROVIDER_LOST:1",
                "HOST_FILE_ON_MISSING_HOST:f1", "CONTENT_WITHOUT_OWNER:c1", "RESOURCE_ROW_STALE:c1");
        JsonNode lost = json.get("findings").get(1);
        assertThat(lost.get("severity").asText()).isEqualTo("suspect");
        assertThat(lost.get("table").asText()).isEqualTo("EncryptedResourceKeyRefVO");
        assertThat(lost.get("repair").asText()).isEqualTo("relink");
        assertThat(lost.get("relinkTo").asText()).isEqualTo("prov1");
        JsonNode orphan = json.get("findings").get(0);
        assertThat(orphan.get("relinkTo").isNull()).isTrue();
        assertThat(orphan.get("repair").asText()).isEqualTo("delete");
        assertThat(orphan.get("severity").asText()).isEqualTo("orphan");
        assertThat(json.at("/findings/2/repair").asText()).isEqualTo("none");

        List<String> counted = fieldNames(json.get("counts"));
        assertThat(counted).containsExactly(java.util.Arrays.stream(AuditRule.values()).map(Enum::name).toArray(String[]::new));
        assertThat(json.at("/counts/KEY_REF_ORPHANED").asLong()).isEqualTo(1);
        assertThat(json.at("/counts/TPM_WITHOUT_VM").isIntegralNumber()).isTrue();
        assertThat(json.at("/counts/TPM_WITHOUT_VM").asLong()).isZero();
        assertThat(TestSnapshots.sha256(dirty)).as("the source is never written").isEqualTo(hash);
    }

    @Test
    void exitStatuses() throws Exception {
        CommandLineTest.Run onlyInfo = CommandLineTest.run("audit", clean.toString(), "--format", "json");
        assertThat(onlyInfo.status()).as("info findings alone: 0").isZero();
        assertThat(new ObjectMapper().readTree(onlyInfo.out()).get("findings").size()).isEqualTo(1);
        assertThat(CommandLineTest.run("audit", dirty.toString(), "--format", "json").status()).isEqualTo(3);
        assertThat(CommandLineTest.run("audit", dirty.toString(), "--rule", "TPM_WITHOUT_VM", "--format", "json").status())
                .isZero();
        CommandLineTest.Run missing = CommandLineTest.run("audit", dir.resolve("nope.sqlite").toString(), "--format", "json");
        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.out()).isEmpty();
        assertThat(missing.err()).contains("No such file");
        Path other = dir.resolve("other.sqlite");
        TestSnapshots.exec(other, "CREATE TABLE ResourceVO (uuid TEXT)");
        CommandLineTest.Run notZStack = CommandLineTest.run("audit", other.toString());
        assertThat(notZStack.status()).isEqualTo(1);
        assertThat(notZStack.err()).contains("not a ZStack database", "VmInstanceEO");
        CommandLineTest.Run badRule = CommandLineTest.run("audit", dirty.toString(), "--rule", "NO_SUCH_RULE");
        assertThat(badRule.status()).isEqualTo(2);
        assertThat(badRule.err()).contains("NO_SUCH_RULE", "KEY_REF_ORPHANED");
        assertThat(CommandLineTest.run("audit", dirty.toString(), "--format", "yaml").status()).isEqualTo(2);
    }

    @Test
    void ruleSelectionCountsOnlyWhatRan() throws Exception {
        CommandLineTest.Run run = CommandLineTest.run("audit", dirty.toString(), "--format", "json",
                "--rule", "RESOURCE_ROW_STALE", "KEY_REF_ORPHANED");
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(fieldNames(json.get("counts"))).containsExactly("KEY_REF_ORPHANED", "RESOURCE_ROW_STALE");
        assertThat(json.get("findings")).extracting(f -> f.get("rule").asText())
                .containsExactly("KEY_REF_ORPHANED", "RESOURCE_ROW_STALE");
    }

    @Test
    void csvHasTheContractHeaderAndQuotes() throws Exception {
        CommandLineTest.Run run = CommandLineTest.run("audit", dirty.toString(), "--format", "csv");
        assertThat(run.status()).isEqualTo(3);
        String[] lines = run.out().split("\r\n");
        assertThat(lines[0]).isEqualTo("rule,severity,table,key,detail,repair,status,firstSeen");
        assertThat(lines).hasSize(6);
        assertThat(lines[1]).startsWith("KEY_REF_ORPHANED,orphan,EncryptedResourceKeyRefVO,2,\"Key ref 2 (TpmVO key,")
                .containsPattern("\",delete,(new|seen),\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z$");
    }

    @Test
    void textIsGroupedByRule() {
        CommandLineTest.Run run = CommandLineTest.run("audit", dirty.toString(), "--format", "text");
        assertThat(run.status()).isEqualTo(3);
        assertThat(run.out()).contains("KEY_REF_ORPHANED  [orphan]  1 row", "KEY_REF_PROVIDER_LOST  [suspect]  1 row",
                "No findings: KEY_REF_DUPLICATE_PLACEHOLDER", "Summary: 3 orphan, 1 suspect, 1 info in 13 rules.");
    }

    @Test
    void outWritesAFileOnlyOnSuccess() throws Exception {
        Path report = dir.resolve("reports/audit.json");
        CommandLineTest.Run run = CommandLineTest.run("audit", dirty.toString(), "--format", "json", "--out", report.toString());
        assertThat(run.status()).isEqualTo(3);
        assertThat(run.out()).isEmpty();
        assertThat(new ObjectMapper().readTree(report.toFile()).get("findings").size()).isEqualTo(5);
        assertThat(TestSnapshots.listing(report.getParent())).containsExactly("audit.json");

        Path junk = Files.writeString(dir.resolve("junk.sqlite"), "junk");
        Path notWritten = dir.resolve("reports/bad.json");
        assertThat(CommandLineTest.run("audit", junk.toString(), "--out", notWritten.toString()).status()).isEqualTo(1);
        assertThat(TestSnapshots.listing(report.getParent())).containsExactly("audit.json");
    }

    @Test
    void showSqlPrintsRunnableQueries() throws Exception {
        CommandLineTest.Run run = CommandLineTest.run("audit", dirty.toString(), "--show-sql", "--rule", "TPM_WITHOUT_VM");
        assertThat(run.status()).isZero();
        assertThat(run.out()).startsWith("-- TPM_WITHOUT_VM\nSELECT").contains("FROM TpmVO t").endsWith(";\n");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        Iterator<String> it = node.fieldNames();
        it.forEachRemaining(names::add);
        return names;
    }

}
