package dev.tpmconsole.model.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class MessagesTest {

    @Test
    void theModelBundleIsWholeInBothLanguagesAndEveryKeyIsUsed() {
        assertThat(BundleAudit.problems("dev.tpmconsole.model.i18n.Model", ModelKeys.built(), Path.of("src/main/java")))
                .isEmpty();
    }

    /**
     * A message without null arguments holds them in one immutable list, not a copied {@code ArrayList} and a read-only
     * view of it: a plan keeps a message for each of its 20,000 rows (decision 0048). Counted as the heap that 100,000
     * messages of two arguments keep after a full collection, less their arguments' lists made beforehand (on HotSpot's
     * 64-bit JVM with compressed references, 48 bytes a message so, and 104 before).
     */
    @Test
    void aMessageHoldsItsArgumentsInOneSmallImmutableList() {
        int n = 100_000;
        java.util.List<java.util.List<Object>> args = new java.util.ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            args.add(new java.util.ArrayList<>(java.util.List.of("table", "key")));
        }
        long before = usedAfterCollection();
        Message[] made = new Message[n];
        for (int i = 0; i < n; i++) {
            made[i] = new Message("ui.preview.reason.tag", args.get(i));
        }
        long perMessage = (usedAfterCollection() - before) / n;
        assertThat(perMessage).as("bytes a message of two arguments keeps").isLessThanOrEqualTo(72);
        assertThat(made[n - 1].args()).containsExactly("table", "key");
        assertThat(args).hasSize(n); // held until here, as the messages are
        assertThatThrownBy(() -> made[0].args().add("more")).isInstanceOf(UnsupportedOperationException.class);

        // null stays an argument as before, and a list that refuses to be asked for null is taken as well
        Message withNull = Message.of("text.verbatim", (Object) null);
        assertThat(withNull.args()).containsExactly((Object) null);
        assertThat(withNull.english()).isEqualTo("null");
        assertThat(withNull).isEqualTo(new Message("text.verbatim", Arrays.asList((Object) null)));
        assertThat(new Message("text.verbatim", java.util.List.of("x")).english()).isEqualTo("x");
        assertThat(Message.of("text.verbatim", "x")).isEqualTo(new Message("text.verbatim", java.util.List.of("x")));
    }

    @Test
    void aMessageIsWrittenInTheLanguageAskedWhateverTheCurrentOne() {
        Message name = Language.ZH_CN.message();
        Language before = Messages.currentLanguage();
        try {
            Messages.setCurrent(Language.ZH_CN);
            assertThat(name.english()).isEqualTo("Simplified Chinese");
            assertThat(name.in(Messages.of(Language.ZH_CN))).isEqualTo("简体中文");
            assertThat(name.toString()).isEqualTo("简体中文");
        } finally {
            Messages.setCurrent(before);
        }
    }

    @Test
    void aPatternParsedOnceWritesEachCallsOwnArgumentsFromManyThreadsAtOnce() throws Exception {
        String key = "rule.KEY_REF_DUPLICATE_PLACEHOLDER.detail";
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<Boolean>> checks = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                checks.add(pool.submit(() -> {
                    for (int i = 0; i < 2_000; i++) {
                        String id = thread + "-" + i;
                        String text = Messages.english().get(key, id, "p" + id, "t" + id, "m" + id);
                        if (!text.equals("Placeholder key ref " + id + " (provider p" + id + ") of TpmVO t" + id
                                + " duplicates materialized key ref m" + id + " of the same TPM.")) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (java.util.concurrent.Future<Boolean> check : checks) {
                assertThat(check.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        // the Chinese pattern of the same key is its own
        assertThat(Messages.of(Language.ZH_CN).get(key, "1", "p", "t", "m")).isNotEqualTo(Messages.english().get(key, "1", "p", "t", "m"));
    }

    @Test
    void aMissingKeyIsShownNotThrown() {
        assertThat(Messages.english().get("no.such.key")).isEqualTo("!no.such.key!");
        assertThat(Messages.english().has("no.such.key")).isFalse();
    }

    @Test
    void datesAndNumbersFollowTheLanguage() {
        Instant i = Instant.parse("2026-12-02T08:30:00Z");
        assertThat(Messages.of(Language.ZH_CN).dateTime(i)).contains("2026年12月2日");
        assertThat(Messages.english().dateTime(i)).contains("Dec 2, 2026");
        // on a 24-hour clock in both, as the console's lists and charts write hours: no "PM" or "下午"
        String hour = String.format("%02d:%02d:00", i.atZone(java.time.ZoneId.systemDefault()).getHour(),
                i.atZone(java.time.ZoneId.systemDefault()).getMinute());
        assertThat(Messages.english().dateTime(i)).endsWith(" " + hour).doesNotContain("AM").doesNotContain("PM");
        assertThat(Messages.of(Language.ZH_CN).dateTime(i)).endsWith(" " + hour).doesNotContain("上午")
                .doesNotContain("下午");
        assertThat(Messages.english().dateTime(Instant.parse("2026-12-02T20:30:00Z")))
                .doesNotContain("AM").doesNotContain("PM");
        assertThat(Messages.of(Language.ZH_CN).date(i)).startsWith("2026年12月");
        assertThat(Messages.english().date(i)).startsWith("Dec ");
        assertThat(Messages.of(Language.ZH_CN).number(19901)).isEqualTo("19,901");
    }

    @Test
    void languagesAreReadAsPeopleWriteThem() {
        assertThat(Arrays.asList("zh_CN", "zh-CN", "ZH", "zh_Hans")).allSatisfy(t -> assertThat(Language.of(t))
                .isEqualTo(Language.ZH_CN));
        assertThat(Language.of("en")).isEqualTo(Language.EN);
        assertThatThrownBy(() -> Language.of("fr")).hasMessageContaining("use en or zh_CN");
        assertThat(Language.forLocale(Locale.TAIWAN)).isEqualTo(Language.ZH_CN);
        assertThat(Language.forLocale(Locale.GERMANY)).isEqualTo(Language.EN);
    }

    @Test
    void aFailureIsEnglishAsAMessageAndInTheCurrentLanguageWhenLocalized(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path notSqlite = java.nio.file.Files.writeString(dir.resolve("notes.txt"), "-- MySQL dump 10.13\n");
        Language before = Messages.currentLanguage();
        try {
            Messages.setCurrent(Language.ZH_CN);
            assertThatThrownBy(() -> dev.tpmconsole.model.source.SqliteSnapshot.open(notSqlite,
                    dev.tpmconsole.model.source.OpenOptions.readOnly()))
                    .isInstanceOf(dev.tpmconsole.model.source.SourceException.class)
                    .hasMessage(notSqlite + " is not an SQLite database: it is SQL text (a mysqldump is converted with"
                            + " `tpm-console import`)")
                    .satisfies(e -> assertThat(e.getLocalizedMessage()).isEqualTo(notSqlite
                            + " 不是 SQLite 数据库：这是 SQL 文本（mysqldump 转储文件请用 `tpm-console import` 转换）"))
                    .satisfies(e -> assertThat(LocalizedException.messageOf(e).key()).isEqualTo("source.sqlite.notSqlite"));
            LocalizedException plain = new LocalizedException("plan.noVm");
            assertThat(plain.getMessage()).isEqualTo("Name at least one VM (--vm UUID)");
            assertThat(plain.getLocalizedMessage()).isEqualTo("请至少指定一台云主机（--vm UUID）");
            assertThat(LocalizedException.messageOf(new IllegalStateException("disk on fire")).toString())
                    .isEqualTo("disk on fire");
        } finally {
            Messages.setCurrent(before);
        }
    }

    @Test
    void anArgumentMayBeNull() {
        assertThat(Message.of("source.cannotRead", "x", null).english()).isEqualTo("Cannot read x: null");
    }

    /** The heap in use after a full collection (the test JVM's {@code System.gc()}). */
    private static long usedAfterCollection() {
        java.lang.management.MemoryMXBean memory = java.lang.management.ManagementFactory.getMemoryMXBean();
        System.gc();
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }
}
