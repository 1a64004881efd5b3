package dev.tpmconsole.views.util;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpmconsole.model.i18n.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No text a person reads is set from a string literal in the windows' code: every such text is a key of the
 * bundles ({@code ui.…}), so that it is there in both languages and follows a change of language. The scan
 * looks for the places a text is given (setText, setTitle, setPromptText, new Label, new Button, new MenuItem,
 * new Tab, Commands.action, a Tables column's header, a window's title, a confirmation...) with a string
 * literal that has letters and is not a key. Ids, style classes and keys pass.
 */
class NoLiteralTextTest {

    static final String LITERAL = "\"((?:[^\"\\\\\\n]|\\\\.)*)\"";

    /** The calls that take a text; group 1 is the first string literal given as that text. */
    static final List<Pattern> TEXT_CALLS = Stream.of(
            "\\.set(?:Text|Title|PromptText|HeaderText|ContentText|Tooltip)\\(\\s*" + LITERAL,
            "\\bnew\\s+(?:javafx\\.scene\\.control\\.)?(?:Label|Button|MenuItem|Menu|Tooltip|CheckBox|Tab|Action"
                    + "|RadioButton|RadioMenuItem|CheckMenuItem|ToggleButton|Hyperlink|TitledPane|ButtonType|Text)"
                    + "\\(\\s*" + LITERAL,
            "\\bTables\\.(?:column|number|styled|table)\\(\\s*[^,()]+,\\s*" + LITERAL,
            "\\bCommands\\.action\\(\\s*[^,()]+,\\s*" + LITERAL,
            "\\bcommand\\(\\s*\"[^\"]*\",\\s*" + LITERAL,
            "\\b(?:windows\\.)?stage\\(\\s*" + LITERAL,
            "\\bExtensionFilter\\(\\s*" + LITERAL,
            "\\.(?:then|otherwise)\\(\\s*" + LITERAL,
            "\\bShortcuts\\.Group\\(\\s*" + LITERAL,
            "\\bnew\\s+Shortcut\\(\\s*" + LITERAL,
            "\\bshowNotice\\(\\s*" + LITERAL,
            "\\bconfirm\\(\\s*" + LITERAL,
            "\\bFilterBar\\.label\\(\\s*" + LITERAL,
            "\\bMap\\.entry\\(\\s*" + LITERAL,
            "\\b(?:section|heading|note|radio|label|table)\\(\\s*(?:\"[^\"]*\",\\s*)?" + LITERAL)
            .map(Pattern::compile).toList();

    static final Pattern LETTER = Pattern.compile("\\p{L}");

    @Test
    void noTextIsSetFromALiteral() throws IOException {
        List<String> found = new ArrayList<>();
        Path views = Path.of("src/main/java/dev/tpmconsole/views");
        try (Stream<Path> files = Files.walk(views)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                found.addAll(scan(f));
            }
        }
        Path gui = Path.of("../app/src/main/java/dev/tpmconsole/app/ConsoleGui.java");
        if (Files.exists(gui)) {
            found.addAll(scan(gui));
        }
        assertThat(found).as("texts set from string literals (put them in Views.properties and its _zh_CN)").isEmpty();
    }

    @Test
    void theScanFindsALiteralText() {
        assertThat(literalTexts("label.setText(\"Hello\"); new Button(\"ui.button.close\"); x.setId(\"ok\");"
                + " Tables.column(\"c\", \"Name\", 3, f); Commands.action(\"a\", \"ui.menu.file\", null, r);"))
                .containsExactly("Hello", "Name");
    }

    static List<String> scan(Path file) throws IOException {
        String text = Files.readString(file);
        List<String> out = new ArrayList<>();
        for (String literal : literalTexts(text)) {
            out.add(file.getFileName() + ": \"" + literal + "\"");
        }
        return out;
    }

    static List<String> literalTexts(String source) {
        String code = source.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)^\\s*//.*$", "");
        List<String> out = new ArrayList<>();
        for (Pattern p : TEXT_CALLS) {
            Matcher m = p.matcher(code);
            while (m.find()) {
                String literal = m.group(1);
                if (LETTER.matcher(literal).find() && !isKey(literal) && !out.contains(literal)) {
                    out.add(literal);
                }
            }
        }
        return out;
    }

    static boolean isKey(String literal) {
        return literal.startsWith("ui.") && Messages.english().has(literal);
    }
}
