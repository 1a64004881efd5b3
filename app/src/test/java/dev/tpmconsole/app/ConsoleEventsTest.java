package dev.tpmconsole.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpmconsole.model.i18n.Language;
import dev.tpmconsole.model.i18n.Messages;
import dev.tpmconsole.model.source.OpenOptions;
import dev.tpmconsole.model.source.SqliteSnapshot;
import dev.tpmconsole.model.stats.SourceSummary;
import dev.tpmconsole.model.testing.TestSnapshots;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The event log's line of a source's counts is in the console's language, its layout too (it was English). */
class ConsoleEventsTest {

    @TempDir
    Path dir;

    @AfterEach
    void english() {
        Messages.setCurrent(Language.EN);
    }

    @Test
    void theCountsEventWritesTheLayoutInTheConsolesLanguage() throws Exception {
        Path demo = TestSnapshots.demo(dir.resolve("demo.sqlite"), 20, 2);
        try (SqliteSnapshot s = SqliteSnapshot.open(demo, OpenOptions.readOnly())) {
            SourceSummary summary = SourceSummary.of(s);
            Messages.setCurrent(Language.ZH_CN);
            assertThat(ConsoleEvents.counted(summary)).startsWith(demo + "：")
                    .endsWith("备份按 resourceUuid 关联 · 无密钥引用外键 · 表齐全")
                    .doesNotContain("backups by", "tables");
            Messages.setCurrent(Language.EN);
            assertThat(ConsoleEvents.counted(summary)).matches(java.util.regex.Pattern.quote(demo.toString())
                    + ": \\d+ VMs, \\d+ TPMs, [\\d,]+ rows; backups by resourceUuid · no key-ref FK · all tables");
        }
    }

    @Test
    void anAuditsEventNamesTheSeveritiesInTheConsolesLanguage() throws Exception {
        Path demo = TestSnapshots.demo(dir.resolve("demo.sqlite"), 200, 3);
        try (SqliteSnapshot s = SqliteSnapshot.open(demo, OpenOptions.readOnly())) {
            dev.tpmconsole.model.audit.AuditReport report = new dev.tpmconsole.model.audit.Auditor(s)
                    .run(java.util.List.of(dev.tpmconsole.model.audit.AuditRule.values()));
            java.util.Map<dev.tpmconsole.model.audit.Severity, Long> counts = new java.util.EnumMap<>(
                    dev.tpmconsole.model.audit.Severity.class);
            report.findings().forEach(f -> counts.merge(f.severity(), 1L, Long::sum));
            assertThat(counts).as("the demo has findings of every severity").hasSize(3);
            Messages.setCurrent(Language.ZH_CN);
            assertThat(ConsoleEvents.audited(report)).endsWith(String.format("（孤立 %d 个，可疑 %d 个，提示 %d 个）",
                    counts.get(dev.tpmconsole.model.audit.Severity.ORPHAN),
                    counts.get(dev.tpmconsole.model.audit.Severity.SUSPECT),
                    counts.get(dev.tpmconsole.model.audit.Severity.INFO)));
            Messages.setCurrent(Language.EN);
            assertThat(ConsoleEvents.audited(report)).endsWith(String.format("(%d orphan, %d suspect, %d info)",
                    counts.get(dev.tpmconsole.model.audit.Severity.ORPHAN),
                    counts.get(dev.tpmconsole.model.audit.Severity.SUSPECT),
                    counts.get(dev.tpmconsole.model.audit.Severity.INFO)));
        }
    }
}
