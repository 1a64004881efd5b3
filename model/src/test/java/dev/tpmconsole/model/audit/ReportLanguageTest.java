package dev.tpmconsole.model.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpmconsole.model.demo.DemoGenerator;
import dev.tpmconsole.model.demo.DemoOptions;
import dev.tpmconsole.model.i18n.Language;
import dev.tpmconsole.model.i18n.Messages;
import dev.tpmconsole.model.source.OpenOptions;
import dev.tpmconsole.model.source.Source;
import dev.tpmconsole.model.source.SqliteSnapshot;
import dev.tpmconsole.model.testing.SqliteTestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reports of a real audit in both languages: JSON and CSV are the same bytes whatever the current
 * language (scripts read them), the text report is written in the current language.
 */
class ReportLanguageTest {

    @TempDir
    static Path dir;
    static Path demo;
    static Path scenario;

    @BeforeAll
    static void build() throws Exception {
        demo = dir.resolve("demo.sqlite");
        DemoGenerator.writeSnapshot(demo, new DemoOptions(600, 77), false);
        scenario = SqliteTestDatabase.create(dir.resolve("scenario.sqlite"), AuditScenario::write);
    }

    /** The three reports of one audit, each finding of the second rule that fired marked seen, the others new. */
    static Map<String, String> reports(Path snapshot) throws Exception {
        AuditReport report;
        Map<String, String> out = new LinkedHashMap<>();
        try (Source s = SqliteSnapshot.open(snapshot, OpenOptions.readOnly())) {
            report = new Auditor(s).run(Arrays.asList(AuditRule.values()));
            FindingStates states = f -> f.rule().ordinal() % 2 == 0
                    ? new FindingState(FindingState.Status.NEW, null)
                    : new FindingState(FindingState.Status.SEEN, Instant.parse("2026-03-04T05:06:07Z"));
            ByteArrayOutputStream json = new ByteArrayOutputStream();
            report.replay(ReportWriters.json(json, states), s.layout());
            out.put("json", json.toString(StandardCharsets.UTF_8));
            StringWriter csv = new StringWriter();
            report.replay(ReportWriters.csv(new PrintWriter(csv), states), s.layout());
            out.put("csv", csv.toString());
            StringWriter text = new StringWriter();
            report.replay(ReportWriters.text(new PrintWriter(text), states), s.layout());
            out.put("text", text.toString());
            out.put("firstTitle", report.findings().get(0).rule().title().in(Messages.of(Language.ZH_CN)));
        }
        return out;
    }

    static Map<String, String> reportsIn(Language language, Path snapshot) throws Exception {
        Language before = Messages.currentLanguage();
        try {
            Messages.setCurrent(language);
            return reports(snapshot);
        } finally {
            Messages.setCurrent(before);
        }
    }

    @Test
    void jsonAndCsvAreTheSameBytesInEveryLanguage_theTextIsInTheCurrentOne() throws Exception {
        for (Path snapshot : new Path[] {demo, scenario}) {
            Map<String, String> en = reportsIn(Language.EN, snapshot);
            Map<String, String> zh = reportsIn(Language.ZH_CN, snapshot);
            assertThat(zh.get("json")).isEqualTo(en.get("json")).contains("\"detail\" : \"");
            assertThat(zh.get("csv")).isEqualTo(en.get("csv"));
            assertThat(en.get("text")).startsWith("Audit of ").contains("Summary: ").doesNotContain("!");
            assertThat(zh.get("text")).startsWith("审计：").contains(zh.get("firstTitle"), "汇总：", "孤立", "新增")
                    .doesNotContain("!rule.", "!report.", "!severity.", "!finding.", "Summary", "which does not exist");
            assertThat(zh.get("firstTitle")).doesNotContain("!").isNotBlank();
        }
    }

    @Test
    void everyRuleFiresOnTheScenarioAndEveryDetailReadsInChinese() throws Exception {
        try (Source s = SqliteSnapshot.open(scenario, OpenOptions.readOnly())) {
            AuditReport report = new Auditor(s).run(Arrays.asList(AuditRule.values()));
            Messages zh = Messages.of(Language.ZH_CN);
            assertThat(report.findings()).isNotEmpty().allSatisfy(f -> {
                String text = f.message().in(zh);
                assertThat(text).doesNotContain("!").isNotEqualTo(f.detail());
                assertThat(text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN))
                        .as(text).isTrue();
            });
        }
    }

    /**
     * With -Dreports.dump=DIR: writes the English reports, to compare with those of the code before the bundle,
     * and the Chinese text report, to read.
     */
    @Test
    void dumpWhenAsked() throws Exception {
        String to = System.getProperty("reports.dump");
        if (to == null) {
            return;
        }
        Path d = Files.createDirectories(Path.of(to));
        for (Path snapshot : new Path[] {demo, scenario}) {
            for (Map.Entry<String, String> e : reportsIn(Language.EN, snapshot).entrySet()) {
                Files.writeString(d.resolve(snapshot.getFileName() + "." + e.getKey()), e.getValue());
            }
            Files.writeString(d.resolve(snapshot.getFileName() + ".zh_CN.text"), reportsIn(Language.ZH_CN, snapshot).get("text"));
        }
    }
}
