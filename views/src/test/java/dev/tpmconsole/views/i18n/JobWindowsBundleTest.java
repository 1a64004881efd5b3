package dev.tpmconsole.views.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpmconsole.model.i18n.BundleAudit;
import dev.tpmconsole.model.i18n.Language;
import dev.tpmconsole.model.i18n.Messages;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The views bundle as the job windows use it: both languages hold the same keys with the same arguments, the
 * Chinese is written, every key is used, and every key of the job windows' code is in the bundle.
 */
class JobWindowsBundleTest {

    private static final List<String> JOB_PACKAGES = List.of("audit", "preview", "run", "repair", "hosts",
            "importdump", "overview", "log");

    @Test
    void theBundleIsSound() {
        assertThat(BundleAudit.problems("dev.tpmconsole.views.i18n.Views", List.of(), Path.of("src/main/java")))
                .isEmpty();
    }

    @Test
    void everyKeyTheJobWindowsWriteIsInTheBundleInBothLanguages() {
        for (String pkg : JOB_PACKAGES) {
            for (String literal : BundleAudit.literals(Path.of("src/main/java/dev/tpmconsole/views", pkg))) {
                if (literal.startsWith("ui.")) {
                    for (Language l : Language.values()) {
                        assertThat(Messages.of(l).has(literal)).as(literal + " in " + l).isTrue();
                    }
                }
            }
        }
    }
}
