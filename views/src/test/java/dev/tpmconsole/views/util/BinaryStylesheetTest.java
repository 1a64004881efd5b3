package dev.tpmconsole.views.util;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpmconsole.styles.Theme;
import java.net.URI;
import java.net.URL;
import java.util.List;
import javafx.css.CssParser;
import javafx.css.Rule;
import javafx.css.Stylesheet;
import org.junit.jupiter.api.Test;

/**
 * The console's stylesheet ships as text and as JavaFX's binary form made from it at build time (styles/pom.xml),
 * which JavaFX reads instead of the text when it is beside it: the two hold the same rules, selector for selector
 * and declaration for declaration.
 */
class BinaryStylesheetTest {

    @Test
    void theBinaryStylesheetHoldsTheSameRulesAsTheText() throws Exception {
        URL css = URI.create(Theme.LIGHT.stylesheets()[0]).toURL();
        assertThat(css.getPath()).endsWith("/console.css");
        URL bss = URI.create(css.toExternalForm().replaceAll("\\.css$", ".bss")).toURL();

        List<Rule> parsed = new CssParser().parse(css).getRules();
        List<Rule> binary = Stylesheet.loadBinary(bss).getRules();

        assertThat(parsed).hasSizeGreaterThan(100);
        assertThat(binary).hasSameSizeAs(parsed);
        for (int i = 0; i < parsed.size(); i++) {
            assertThat(binary.get(i).getSelectors().toString()).isEqualTo(parsed.get(i).getSelectors().toString());
            assertThat(binary.get(i).getDeclarations().toString()).isEqualTo(parsed.get(i).getDeclarations().toString());
        }
    }
}
