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

    /** The key prefixes of the job windows' block of the bundle (the rest is the main window's, tested with it). */
    private static final List<String> JOB_PREFIXES = List.of("ui.job.", "ui.audit.", "ui.preview.", "ui.run.",
            "ui.repair.", "ui.hostscan.", "ui.ssh.", "ui.import.", "ui.overview.", "ui.eventlog.");

    @Test
    void theJobWindowsBlockIsSound() {
        // the keys of the job windows are all written out in their code: none is built from a name
        List<String> problems = BundleAudit.problems("dev.tpmconsole.views.i18n.Views", List.of(),
                Path.of("src/main/java")).stream().filter(p -> JOB_PREFIXES.stream().anyMatch(p::startsWith)).toList();
        assertThat(problems).isEmpty();
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
