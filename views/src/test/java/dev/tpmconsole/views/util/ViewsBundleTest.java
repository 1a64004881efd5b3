package dev.tpmconsole.views.util;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpmconsole.model.i18n.BundleAudit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The windows' bundle is sound: every key in both languages with the same arguments, the Chinese not the
 * English left as it is, no key also in another module's bundle, and every key used by the code (views, and
 * ConsoleGui in the app, which opens the windows).
 */
class ViewsBundleTest {

    static final String BUNDLE = "dev.tpmconsole.views.i18n.Views";

    @Test
    void theBundleIsSound() {
        List<Path> roots = new ArrayList<>(List.of(Path.of("src/main/java")));
        Path app = Path.of("../app/src/main/java/dev/tpmconsole/app");
        if (Files.isDirectory(app)) {
            roots.add(app);
        }
        assertThat(BundleAudit.problems(BUNDLE, ViewsKeys.built(), roots.toArray(Path[]::new))).isEmpty();
    }
}
