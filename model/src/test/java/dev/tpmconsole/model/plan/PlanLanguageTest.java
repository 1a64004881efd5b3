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
}
