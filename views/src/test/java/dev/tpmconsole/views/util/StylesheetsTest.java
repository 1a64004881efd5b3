package dev.tpmconsole.views.util;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpmconsole.styles.Theme;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import javafx.css.CssParser;
import org.junit.jupiter.api.Test;

/** Every stylesheet of every theme parses without an error (a lost brace silently drops the rules after it). */
class StylesheetsTest {

    @Test
    void everyStylesheetParsesCleanly() throws Exception {
        for (Theme theme : Theme.values()) {
            for (String sheet : theme.stylesheets()) {
                CssParser.errorsProperty().clear();
                new CssParser().parse(new URL(sheet));
                List<String> errors = new ArrayList<>();
                CssParser.errorsProperty().forEach(e -> errors.add(e.getMessage()));
                assertThat(errors).as(sheet).isEmpty();
            }
        }
    }
}
