package dev.tpmconsole.model.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpmconsole.model.demo.DemoGenerator;
import dev.tpmconsole.model.demo.DemoOptions;
import dev.tpmconsole.model.i18n.Language;
import dev.tpmconsole.model.i18n.Messages;
import dev.tpmconsole.model.source.OpenOptions;
import dev.tpmconsole.model.source.Source;
import dev.tpmconsole.model.source.SqliteSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plans of the demo: the plan file is the same bytes in every language; the reasons to show follow the language. */
class PlanLanguageTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T08:00:00Z"), ZoneOffset.UTC);

    @TempDir
    static Path dir;
    static Path demo;

    @BeforeAll
    static void build() throws Exception {
        demo = dir.resolve("demo.sqlite");
        DemoGenerator.writeSnapshot(demo, new DemoOptions(300, 11), false);
    }

    /** The plan files (remove, reset, repair) and the summaries, in the current language. */
    static Map<String, String> plans() throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        try (Source s = SqliteSnapshot.open(demo, OpenOptions.readOnly())) {
            List<String> vms = new ArrayList<>();
            try (var c = s.connection(); var st = c.createStatement(); var rs = st.executeQuery(
                    "SELECT DISTINCT vmInstanceUuid FROM VmHostFileVO ORDER BY vmInstanceUuid LIMIT 40")) {
                while (rs.next()) {
                    vms.add(rs.getString(1));
                }
            }
            Planner planner = new Planner(s, CLOCK);
            PlanPreview remove = planner.remove(vms);
            PlanPreview reset = planner.reset(vms);
            PlanPreview repair = new RepairPlanner(s, CLOCK).plan(List.of(), Set.of());
            for (Map.Entry<String, PlanPreview> e : Map.of("remove", remove, "reset", reset, "repair", repair)
                    .entrySet()) {
                Plan p = e.getValue().plan();
                out.put(e.getKey() + ".json", PlanJson.write(p));
                StringBuilder shown = new StringBuilder(p.summaryMessage().toString()).append('\n');
                p.steps().forEach(st -> st.items().forEach(i -> shown.append(i.why()).append('\n')));
                p.kept().forEach(k -> shown.append(k.why()).append('\n'));
                out.put(e.getKey() + ".shown", shown.toString());
            }
        }
        return out;
    }

    static Map<String, String> plansIn(Language language) throws Exception {
        Language before = Messages.currentLanguage();
        try {
            Messages.setCurrent(language);
            return plans();
        } finally {
            Messages.setCurrent(before);
        }
    }

    @Test
    void thePlanFileIsTheSameInEveryLanguage_whatIsShownFollowsIt() throws Exception {
        Map<String, String> en = plansIn(Language.EN);
        Map<String, String> zh = plansIn(Language.ZH_CN);
        for (String op : List.of("remove", "reset", "repair")) {
            assertThat(zh.get(op + ".json")).isEqualTo(en.get(op + ".json"));
            assertThat(en.get(op + ".shown")).doesNotContain("!");
            assertThat(zh.get(op + ".shown")).doesNotContain("!plan.", "will delete", "of VM ")
                    .contains("保留");
        }
        assertThat(zh.get("remove.shown")).contains("云主机", "将删除");
        // a plan read back from its file shows its English reasons
        Plan read = PlanJson.read(en.get("remove.json"));
        assertThat(read.steps().get(1).items()).isNotEmpty()
                .allSatisfy(i -> assertThat(i.why().english()).isEqualTo(i.reason()));
        assertThat(PlanJson.write(read)).isEqualTo(en.get("remove.json"));
        String dump = System.getProperty("reports.dump");
        if (dump != null) {
            Files.createDirectories(Path.of(dump));
            for (Map.Entry<String, String> e : en.entrySet()) {
                Files.writeString(Path.of(dump, "plan-" + e.getKey()), e.getValue());
            }
            Files.writeString(Path.of(dump, "plan-remove.zh_CN.shown"), zh.get("remove.shown"));
            Files.writeString(Path.of(dump, "plan-repair.zh_CN.shown"), zh.get("repair.shown"));
        }
    }

    /**
     * An item and a kept row hold their reason as a message only; its English, the plan file's, is written when asked
     * (a plan of 10,000 items held 10,000 sentences more while the preview window showed: decision 0048).
     */
    @Test
    void itemsAndKeptRowsHoldTheirReasonsAsMessages_theEnglishIsWrittenWhenAsked() {
        assertThat(java.util.Arrays.stream(Plan.Item.class.getRecordComponents()).map(c -> c.getName()))
                .containsExactly("table", "key", "action", "why");
        assertThat(java.util.Arrays.stream(Plan.Kept.class.getRecordComponents()).map(c -> c.getName()))
                .containsExactly("table", "key", "why");
        dev.tpmconsole.model.i18n.Message why = dev.tpmconsole.model.i18n.Message.of("plan.tpm.noRef",
                dev.tpmconsole.model.i18n.Message.of("plan.vm", "web", "vm-1"));
        Language before = Messages.currentLanguage();
        try {
            Messages.setCurrent(Language.ZH_CN);
            Plan.Item item = new Plan.Item("TpmVO", "tpm-1", Plan.Action.DELETE, why);
            Plan.Kept kept = new Plan.Kept("TpmVO", "tpm-1", why);
            assertThat(item.reason()).isEqualTo(kept.reason()).isEqualTo(why.english()).contains("web", "vm-1")
                    .doesNotContain("云主机");
            // equal to the same item read back from a plan file, which has the English only
            assertThat(item).isEqualTo(new Plan.Item("TpmVO", "tpm-1", Plan.Action.DELETE, why.english()))
                    .hasSameHashCodeAs(new Plan.Item("TpmVO", "tpm-1", Plan.Action.DELETE, why.english()));
            assertThat(kept).isEqualTo(new Plan.Kept("TpmVO", "tpm-1", why.english()));
            assertThat(new Plan.Item("TpmVO", "tpm-1", Plan.Action.DELETE, (String) null).reason()).isNull();
        } finally {
            Messages.setCurrent(before);
        }
    }
}
