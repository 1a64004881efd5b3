package dev.tpmconsole.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tpmconsole.app.CommandLineTest.Run;
import dev.tpmconsole.model.audit.AuditRule;
import dev.tpmconsole.model.i18n.Language;
import dev.tpmconsole.model.i18n.Messages;
import dev.tpmconsole.model.testing.TestSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --lang}: the commands and their help in English or Chinese, and what machines read the same in both. */
class CliLanguageTest {

    /** A key a bundle does not hold, as Messages shows it. */
    static final String MISSING_KEY = "![a-zA-Z]+\\.[\\w.]+!";

    @TempDir
    static Path shared;
    static Path demo;

    @BeforeAll
    static void demo() throws Exception {
        demo = TestSnapshots.demo(shared.resolve("demo.sqlite"), 120, 11);
    }

    static Run run(String... args) {
        return CommandLineTest.run(args);
    }

    /** A command run here with --lang leaves it as this process's: the windows of the tests after would start in it. */
    @org.junit.jupiter.api.AfterEach
    void noLanguageLeftForTheTestsAfter() {
        CommandLineLanguage.set(null);
    }

    @Test
    void onlyALanguageStartsTheWindowInIt() {
        assertThat(Launcher.onlyLanguage()).isTrue();
        assertThat(Launcher.onlyLanguage("--lang", "zh_CN")).isTrue();
        assertThat(Launcher.onlyLanguage("--lang=zh_CN")).isTrue();
        assertThat(Launcher.onlyLanguage("--lang", "zh_CN", "info")).isFalse();
        assertThat(Launcher.onlyLanguage("info")).isFalse();
        assertThat(Launcher.onlyLanguage("--version")).isFalse();
        // the window starts without any command's model for these, with the whole command line for a language that
        // is none (its usage error)
        assertThat(Launcher.windowAlone()).isTrue();
        assertThat(Launcher.windowAlone("--lang", "zh_CN")).isTrue();
        assertThat(Launcher.windowAlone("--lang=en")).isTrue();
        assertThat(Launcher.windowAlone("--lang", "fr")).isFalse();
        assertThat(Launcher.windowAlone("info")).isFalse();
    }

    @Test
    void theAuditInChineseNamesItsRulesInChinese() {
        String key = "rule." + AuditRule.TPM_WITHOUT_VM.name() + ".title";
        // the rules' titles and the text report are the model's (its bundle); this runs once they are there
        assumeTrue(Messages.of(Language.ZH_CN).has(key), "the model bundle has the rules' titles");
        Run r = run("audit", demo.toString(), "--no-catalogue", "--format", "text", "--lang", "zh_CN");
        assertThat(r.status()).as(r.err()).isEqualTo(3);
        String title = Messages.of(Language.ZH_CN).get(key);
        // the rule's title as the English report writes it (a String, or a Message read in English)
        String english = String.valueOf(AuditRule.TPM_WITHOUT_VM.title());
        assertThat(r.out()).contains(title).doesNotContainPattern(MISSING_KEY).doesNotContain(english);
        assertThat(Messages.currentLanguage()).as("the process's language is back as it was").isEqualTo(Language.EN);
    }

    @Test
    void jsonAndCsvAreTheSameBytesInEveryLanguage() {
        for (String format : List.of("json", "csv")) {
            Run en = run("audit", demo.toString(), "--no-catalogue", "--format", format, "--lang", "en");
            Run zh = run("audit", demo.toString(), "--no-catalogue", "--format", format, "--lang=zh_CN");
            assertThat(en.status()).as(en.err()).isEqualTo(3);
            assertThat(zh.status()).isEqualTo(3);
            assertThat(zh.out()).as(format).isNotEmpty().isEqualTo(en.out());
        }
        Run en = run("info", demo.toString(), "--no-catalogue", "--format", "json", "--lang", "en");
        Run zh = run("info", demo.toString(), "--no-catalogue", "--format", "json", "--lang", "zh_CN");
        assertThat(zh.out()).isEqualTo(en.out());
    }

    @Test
    void theHelpIsInTheLanguageAsked() {
        Run zh = run("--help", "--lang", "zh_CN");
        assertThat(zh.status()).isZero();
        assertThat(zh.out()).contains("用法：", "命令：", "退出状态：", "面向 ZStack 管理员的控制台", "--lang=LANG")
                .doesNotContain("Usage:", "Exit status:");
        Run auditZh = run("audit", "--lang=zh", "--help");
        assertThat(auditZh.out()).contains("报告 ZStack 遗留的行", "--fail-on=WHICH").doesNotContain("Report the rows");
        Run en = run("audit", "--help", "--lang", "en");
        assertThat(en.out()).contains("Usage: tpm-console audit", "Report the rows ZStack left behind")
                .doesNotContain("用法");
    }

    @Test
    void withoutLangTheHelpIsInTheDesktopsLanguage() {
        assumeTrue(Language.ofDesktop() == Language.EN, "a desktop in English (LANG=en, C or unset)");
        Run help = run("--help");
        assertThat(help.out()).contains("Usage: tpm-console", "Exit status:").doesNotContain("用法");
    }

    @Test
    void theWindowIsToldTheLanguageGiven() {
        run("gui", "--help", "--lang", "zh_CN");
        assertThat(CommandLineLanguage.given()).contains(Language.ZH_CN);
        run("gui", "--help", "--lang=en");
        assertThat(CommandLineLanguage.given()).contains(Language.EN);
        run("gui", "--help");
        assertThat(CommandLineLanguage.given()).as("the preference decides").isEmpty();
    }

    @Test
    void anUnknownLanguageIsAUsageErrorNamingTheTwo() {
        Run r = run("info", demo.toString(), "--lang", "fr");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("--lang", "'fr'", "en", "zh_CN");
        assertThat(run("--lang=xx", "--help").status()).isEqualTo(2);
    }

    @Test
    void picoclisUsageErrorsAreInTheLanguageAsked() {
        Run zh = run("info", "--lang", "zh_CN");
        assertThat(zh.status()).isEqualTo(2);
        assertThat(zh.err()).contains("缺少必需的参数或选项：'SOURCE'", "用法： tpm-console info");
        Run unknown = run("info", "--lang", "zh_CN", "--frobnicate", demo.toString());
        assertThat(unknown.status()).isEqualTo(2);
        assertThat(unknown.err()).contains("未知的选项或参数：'--frobnicate'");
        Run en = run("info", "--lang", "en");
        assertThat(en.err()).contains("Missing required parameter: 'SOURCE'", "Usage: tpm-console info");
    }

    @Test
    void messagesAreInTheLanguageAsked() {
        Run zh = run("info", demo.toString(), "--no-catalogue", "--lang", "zh_CN");
        assertThat(zh.out()).contains("数据源：" + demo, "SQLite 数据库快照，只读", "缺少的可选表：无");
        Run usage = run("ack", demo.toString(), "--rule", "TPM_WITHOUT_VM", "--key", "x", "--lang", "zh_CN");
        assertThat(usage.status()).isEqualTo(2);
        assertThat(usage.err()).contains("确认需要给出原因");
        Run en = run("info", demo.toString(), "--no-catalogue", "--lang", "en");
        assertThat(en.out()).contains("Source:  " + demo, "SQLite snapshot, read-only");
        // a dump of another database says so in Chinese too, and leaves no file
        Path other = shared.resolve("other.sql");
        try {
            java.nio.file.Files.writeString(other, "CREATE TABLE `t` (`a` int);\nINSERT INTO `t` VALUES (1);\n");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Run dump = run("import", other.toString(), "--out", shared.resolve("other.sqlite").toString(), "--lang", "zh_CN");
        assertThat(dump.status()).isEqualTo(1);
        assertThat(dump.err()).contains("不是 ZStack 数据库的转储文件：其中没有以下任何一张表：ResourceVO")
                .doesNotContain("is not a dump");
        assertThat(shared.resolve("other.sqlite")).doesNotExist();
    }

    @Test
    void theOptionsErrorsAreInTheLanguageAsked() {
        Run both = run("audit", demo.toString(), "--no-catalogue", "--catalogue", "x.db", "--lang", "zh_CN");
        assertThat(both.status()).isEqualTo(2);
        assertThat(both.err()).contains("--catalogue 和 --no-catalogue 不能同时使用");
        Run bothEn = run("audit", demo.toString(), "--no-catalogue", "--catalogue", "x.db", "--lang", "en");
        assertThat(bothEn.err()).contains("--catalogue and --no-catalogue cannot be used together");
        Run tunnel = run("info", demo.toString(), "--no-catalogue", "--ssh-tunnel", "node", "--lang", "zh_CN");
        assertThat(tunnel.status()).isEqualTo(1);
        assertThat(tunnel.err()).contains("--ssh-tunnel 只适用于 jdbc: 数据源");
        Run tunnelEn = run("info", demo.toString(), "--no-catalogue", "--ssh-tunnel", "node", "--lang", "en");
        assertThat(tunnelEn.err()).contains("--ssh-tunnel applies to a jdbc: source, not to a snapshot");
    }

    @Test
    void chineseOnATerminalThatCannotWriteItIsUtf8() throws Exception {
        assertThat(TpmConsoleCommand.canWriteChinese(StandardCharsets.US_ASCII)).isFalse();
        assertThat(TpmConsoleCommand.canWriteChinese(StandardCharsets.UTF_8)).isTrue();
        assertThat(TpmConsoleCommand.canWriteChinese(Charset.forName("GB18030"))).isTrue();

        // LANG=C: Java writes US-ASCII, which would print every Chinese character as '?'
        byte[] zh = launch(List.of("--help", "--lang", "zh_CN"));
        assertThat(new String(zh, StandardCharsets.UTF_8)).contains("用法：", "面向 ZStack 管理员的控制台")
                .doesNotContain("??");
        byte[] en = launch(List.of("--help"));
        assertThat(new String(en, StandardCharsets.US_ASCII)).contains("Usage: tpm-console");
    }

    /**
     * The window started with no arguments, or only a language, where no display answers: one line on stderr in that
     * language, exit 1 (the start that makes no command line for picocli to parse says so as the {@code gui} command
     * does).
     */
    @Test
    void aWindowWithoutADisplaySaysSoInItsLanguage() throws Exception {
        Process en = windowWithoutDisplay(List.of());
        String enErr = new String(en.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(en.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(en.exitValue()).as(enErr).isEqualTo(1);
        assertThat(enErr.lines().filter(l -> l.startsWith("tpm-console: "))).singleElement().asString()
                .startsWith("tpm-console: cannot open a window: ");

        Process zh = windowWithoutDisplay(List.of("--lang", "zh_CN"));
        String zhErr = new String(zh.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(zh.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(zh.exitValue()).as(zhErr).isEqualTo(1);
        assertThat(zhErr).contains("tpm-console: 无法打开窗口：");
    }

    private Process windowWithoutDisplay(List<String> args) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1",
                "-Dtpmconsole.relaunch=false", "-cp", System.getProperty("java.class.path"), Launcher.class.getName()));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        for (String v : List.of("DISPLAY", "WAYLAND_DISPLAY", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS")) {
            pb.environment().remove(v);
        }
        pb.environment().put("LANG", "C.UTF-8");
        pb.environment().put("TPM_CONSOLE_DATA", shared.resolve("no-display-data").toString());
        pb.environment().put("TPM_CONSOLE_CONFIG", shared.resolve("no-display-config").toString());
        return pb.start();
    }

    /** stdout of the launcher in a process of its own, under LANG=C (no terminal). */
    private static byte[] launch(List<String> args) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), Launcher.class.getName()));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().remove("LC_ALL");
        pb.environment().remove("LC_MESSAGES");
        pb.environment().put("LANG", "C");
        Process p = pb.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = p.getInputStream()) {
            in.transferTo(out);
        }
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        return out.toByteArray();
    }
}
