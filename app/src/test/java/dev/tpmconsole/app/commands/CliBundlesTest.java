package dev.tpmconsole.app.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpmconsole.app.TpmConsoleCommand;
import dev.tpmconsole.model.i18n.BundleAudit;
import dev.tpmconsole.model.i18n.Language;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The command line's bundles are whole: Cli (what the commands say) as every bundle is checked, and CliHelp (the
 * help picocli reads) against the keys picocli looks up for every command, option and parameter there is.
 */
class CliBundlesTest {

    /** The usage sections picocli reads from a bundle, as {@code usage.SECTION} or {@code CMD.usage.SECTION}. */
    static final List<String> SECTIONS = List.of("headerHeading", "header", "synopsisHeading", "customSynopsis",
            "descriptionHeading", "description", "parameterListHeading", "optionListHeading", "commandListHeading",
            "footerHeading", "footer", "exitCodeListHeading", "exitCodeList");

    @Test
    void theCliBundleIsWhole() {
        assertThat(BundleAudit.problems("dev.tpmconsole.app.i18n.Cli", Set.of(), Path.of("src/main/java"))).isEmpty();
    }

    @Test
    void everyHelpKeyIsOnePicocliLooksUpAndIsInBothLanguages() {
        ResourceBundle en = TpmConsoleCommand.helpBundle(Language.EN);
        ResourceBundle zh = TpmConsoleCommand.helpBundle(Language.ZH_CN);
        assertThat(zh.getLocale()).as("the Chinese file itself, not the English one").isEqualTo(Language.ZH_CN.locale());
        Set<String> lookedUp = lookedUp(TpmConsoleCommand.commandLine(new StringWriter(), new StringWriter()));
        Set<String> enKeys = new TreeSet<>(en.keySet());
        Set<String> zhKeys = new TreeSet<>(zh.keySet());
        assertThat(zhKeys).as("the same keys in both files").isEqualTo(enKeys);
        List<String> unused = new ArrayList<>();
        for (String key : enKeys) {
            String base = key.replaceFirst("\\.\\d+$", "");
            if (!lookedUp.contains(key) && !lookedUp.contains(base)) {
                unused.add(key);
            }
            assertThat(zh.getString(key)).as(key).isNotBlank().isNotEqualTo(en.getString(key));
        }
        assertThat(unused).as("keys picocli never looks up").isEmpty();
    }

    @Test
    void everyCommandOptionAndParameterHasChineseHelp() {
        CommandLine cli = TpmConsoleCommand.commandLine(new StringWriter(), new StringWriter());
        cli.setResourceBundle(TpmConsoleCommand.helpBundle(Language.ZH_CN));
        Map<String, String> notChinese = new TreeMap<>();
        tree(cli).forEach(spec -> {
            String where = spec.qualifiedName();
            check(notChinese, where, spec.usageMessage().description().length > 0
                    ? spec.usageMessage().description() : spec.usageMessage().header());
            for (OptionSpec o : spec.options()) {
                check(notChinese, where + " " + o.longestName(), o.description());
            }
            for (PositionalParamSpec p : spec.positionalParameters()) {
                check(notChinese, where + " " + p.paramLabel(), p.description());
            }
        });
        assertThat(notChinese).isEmpty();
    }

    @Test
    void everyCommandOptionAndParameterHasEnglishHelp() {
        CommandLine cli = TpmConsoleCommand.commandLine(new StringWriter(), new StringWriter());
        cli.setResourceBundle(TpmConsoleCommand.helpBundle(Language.EN));
        List<String> missing = new ArrayList<>();
        tree(cli).forEach(spec -> {
            if (String.join("", spec.usageMessage().description()).isBlank()) {
                missing.add(spec.qualifiedName());
            }
            for (ArgSpec a : spec.args()) {
                if (String.join("", a.description()).isBlank()) {
                    missing.add(spec.qualifiedName() + " " + (a instanceof OptionSpec o ? o.longestName() : a.paramLabel()));
                }
            }
        });
        assertThat(missing).isEmpty();
    }

    private static void check(Map<String, String> notChinese, String where, String[] text) {
        String joined = String.join(" ", text);
        if (!joined.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
            notChinese.put(where, joined);
        }
    }

    /** The keys picocli looks up for the help of {@code cli} and its subcommands (picocli's Messages and ArgSpec). */
    static Set<String> lookedUp(CommandLine cli) {
        Set<String> keys = new TreeSet<>();
        tree(cli).forEach(spec -> {
            String prefix = spec.qualifiedName(".").replace(' ', '.') + ".";
            for (String section : SECTIONS) {
                keys.add("usage." + section);
                keys.add(prefix + "usage." + section);
            }
            for (OptionSpec o : spec.options()) {
                List<String> names = new ArrayList<>();
                if (o.descriptionKey() != null && !o.descriptionKey().isEmpty()) {
                    names.add(o.descriptionKey());
                }
                names.add(o.longestName());
                names.add(o.longestName().replaceFirst("^-+", ""));
                for (String n : names) {
                    keys.add(n);
                    keys.add(prefix + n);
                }
            }
            for (PositionalParamSpec p : spec.positionalParameters()) {
                String n = p.paramLabel() + "[" + p.index() + "]";
                keys.add(n);
                keys.add(prefix + n);
            }
        });
        return keys;
    }

    static Stream<CommandSpec> tree(CommandLine cli) {
        return Stream.concat(Stream.of(cli.getCommandSpec()),
                cli.getSubcommands().values().stream().distinct().flatMap(CliBundlesTest::tree));
    }
}
