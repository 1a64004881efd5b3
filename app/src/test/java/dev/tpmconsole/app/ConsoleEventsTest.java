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
}
