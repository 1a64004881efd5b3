package dev.tpmconsole.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpmconsole.views.prefs.UiPreferences;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The preferences are read once; each change is applied to what is in memory and written whole. */
class PreferencesBinderTest {

    @TempDir
    Path dir;

    @Test
    void changesApplyToWhatWasLoadedNotToTheFileReadAgain() throws Exception {
        JsonPreferencesStore store = new JsonPreferencesStore(dir);
        store.save(UiPreferences.defaults().withTheme("DARK").withRecent(List.of("/a/one.sqlite")));
        List<IOException> failures = new ArrayList<>();
        PreferencesBinder binder = new PreferencesBinder(store, failures::add);
        assertThat(binder.current().theme()).isEqualTo("DARK");

        // the file changes under the console (another console, an editor): it is not read again
        Files.writeString(store.file(), "{\"theme\": \"LIGHT\", \"fontSize\": 11}");
        binder.update(p -> p.withFontSize(18));
        binder.update(p -> p.withRecent(List.of("/b/two.sqlite", "/a/one.sqlite")));

        UiPreferences written = new JsonPreferencesStore(dir).load();
        assertThat(written).isEqualTo(binder.current());
        assertThat(written.theme()).as("the theme as loaded, not as the file says now").isEqualTo("DARK");
        assertThat(written.fontSize()).isEqualTo(18);
        assertThat(written.recent()).containsExactly("/b/two.sqlite", "/a/one.sqlite");
        assertThat(failures).isEmpty();
    }

    @Test
    void aDamagedFileIsReportedOnceAndTheDefaultsAreWrittenBackOnTheFirstChange() throws Exception {
        Files.writeString(dir.resolve("preferences.json"), "{\"theme\": ");
        JsonPreferencesStore store = new JsonPreferencesStore(dir);
        PreferencesBinder binder = new PreferencesBinder(store, e -> { });
        assertThat(binder.loadProblem()).contains("could not be read");
        assertThat(binder.current()).isEqualTo(UiPreferences.defaults());
        binder.update(p -> p.withTheme("DARK"));
        assertThat(new JsonPreferencesStore(dir).load()).isEqualTo(UiPreferences.defaults().withTheme("DARK"));
    }
}
