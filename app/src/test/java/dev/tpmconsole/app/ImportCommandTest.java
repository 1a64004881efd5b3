package dev.tpmconsole.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tpmconsole.app.commands.ImportCommand;
import dev.tpmconsole.model.demo.DemoGenerator;
import dev.tpmconsole.model.demo.DemoOptions;
import dev.tpmconsole.model.testing.MariaDbTestDatabase;
import dev.tpmconsole.model.testing.TestSnapshots;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code import} as scripts see it, on dumps of this machine's MariaDB made by its real mysqldump. */
class ImportCommandTest {

    @TempDir
    static Path shared;
    static MariaDbTestDatabase db;
    static Path dumpGz;

    @TempDir
    Path dir;

    @BeforeAll
    static void dump() throws Exception {
        db = MariaDbTestDatabase.create(false);
        db.load(sink -> DemoGenerator.generate(new DemoOptions(150, 21), sink));
        Path plain = db.dump(shared.resolve("zstack.sql"), "--hex-blob");
        dumpGz = shared.resolve("zstack.sql.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dumpGz))) {
            Files.copy(plain, out);
        }
    }

    @AfterAll
    static void drop() throws Exception {
        if (db != null) {
            db.close();
        }
    }

    @org.junit.jupiter.api.AfterEach
    void noLanguageLeftForTheTestsAfter() {
        CommandLineLanguage.set(null);
    }

    @Test
    void importsADumpAndTheSnapshotAuditsLikeTheLiveDatabase() throws Exception {
        Path out = dir.resolve("imported.sqlite");
        CommandLineTest.Run r = CommandLineTest.run("import", dumpGz.toString(), "--out", out.toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.err()).as("no progress bar without a terminal").isEmpty();
        long vms = TestSnapshots.count(out, "SELECT count(*) FROM VmInstanceEO");
        assertThat(r.out()).startsWith("Imported " + out + ": ")
                .contains("Schema: backups by resourceUuid · no key-ref FK · all tables")
                .containsPattern("VmInstanceEO\\s+" + String.format("%,d", vms) + "\n")
                .containsPattern("Read [\\d.]+ KB of dump \\([\\d.]+ [KM]B of SQL\\); skipped 0 other tables");
        CommandLineTest.Run zh = CommandLineTest.run("import", dumpGz.toString(), "--out",
                dir.resolve("zh.sqlite").toString(), "--lang", "zh_CN");
        assertThat(zh.status()).as(zh.err()).isZero();
        assertThat(zh.out()).as("the layout in the language asked")
                .contains("表结构：备份按 resourceUuid 关联 · 无密钥引用外键 · 表齐全");

        Path catalogue = dir.resolve("catalogue.sqlite");
        CommandLineTest.Run live = CommandLineTest.run("audit", db.url(), "--format", "json", "--catalogue",
                catalogue.toString());
        CommandLineTest.Run snapshot = CommandLineTest.run("audit", out.toString(), "--format", "json", "--catalogue",
                catalogue.toString());
        assertThat(snapshot.status()).isEqualTo(live.status()).isEqualTo(3);
        ObjectMapper mapper = new ObjectMapper();
        JsonNode a = mapper.readTree(live.out());
        JsonNode b = mapper.readTree(snapshot.out());
        // the snapshot of the live database is the same cloud: what the live audit saw first, it has seen
        for (int i = 0; i < b.get("findings").size(); i++) {
            assertThat(a.get("findings").get(i).get("status").asText()).isEqualTo("new");
            assertThat(b.get("findings").get(i).get("status").asText()).isEqualTo("seen");
            assertThat(b.get("findings").get(i).get("firstSeen")).isEqualTo(a.get("findings").get(i).get("firstSeen"));
            ((ObjectNode) a.get("findings").get(i)).remove(List.of("status", "firstSeen"));
            ((ObjectNode) b.get("findings").get(i)).remove(List.of("status", "firstSeen"));
        }
        ((ObjectNode) a).remove("source");
        ((ObjectNode) b).remove("source");
        assertThat(b).isEqualTo(a);
        assertThat(b.get("findings").size()).isGreaterThan(10);
    }

    @Test
    void writesBesideTheDumpByDefaultAndReplacesOnlyWithForce() throws Exception {
        Path dump = Files.copy(dumpGz, dir.resolve("zstack-2026-11-20.sql.gz"));
        CommandLineTest.Run first = CommandLineTest.run("import", dump.toString());
        assertThat(first.status()).isZero();
        Path snapshot = dir.resolve("zstack-2026-11-20.sqlite");
        assertThat(first.out()).startsWith("Imported " + snapshot + ": ");
        String hash = TestSnapshots.sha256(snapshot);
        CommandLineTest.Run again = CommandLineTest.run("import", dump.toString());
        assertThat(again.status()).isEqualTo(1);
        assertThat(again.out()).isEmpty();
        assertThat(again.err()).isEqualTo("tpm-console: " + snapshot + " exists already; pass --force to replace it\n");
        assertThat(TestSnapshots.sha256(snapshot)).isEqualTo(hash);
        assertThat(CommandLineTest.run("import", dump.toString(), "--force").status()).isZero();
        assertThat(TestSnapshots.listing(dir)).containsExactly("zstack-2026-11-20.sql.gz", "zstack-2026-11-20.sqlite");
        assertThat(ImportCommand.class).isNotNull();
    }

    @Test
    void aDumpThatIsCutOffExitsOneWithAMessageAndWritesNothing() throws Exception {
        byte[] whole = Files.readAllBytes(dumpGz);
        Path cut = Files.write(dir.resolve("cut.sql.gz"), Arrays.copyOf(whole, whole.length / 2));
        CommandLineTest.Run r = CommandLineTest.run("import", cut.toString(), "--out", dir.resolve("x.sqlite").toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("tpm-console: " + cut + " is cut off: the gzip data ends early\n");
        Path text = Files.writeString(dir.resolve("notes.sql"), "SELECT 1;\nhello\n");
        CommandLineTest.Run notDump = CommandLineTest.run("import", text.toString());
        assertThat(notDump.status()).isEqualTo(1);
        assertThat(notDump.err()).startsWith("tpm-console: " + text + " is not plain mysqldump output: at byte 10");
        assertThat(TestSnapshots.listing(dir)).containsExactly("cut.sql.gz", "notes.sql");
    }

    @Test
    void usageErrorsExitTwoAndHelpListsTheCommand() {
        assertThat(CommandLineTest.run("import").status()).isEqualTo(2);
        assertThat(CommandLineTest.run("import", "a.sql", "--bogus").status()).isEqualTo(2);
        CommandLineTest.Run help = CommandLineTest.run("--help");
        assertThat(help.out()).contains("import");
        CommandLineTest.Run importHelp = CommandLineTest.run("import", "--help");
        assertThat(importHelp.out()).contains("--out=SNAPSHOT", "--force", "--database=NAME", "gzip");
    }
}
