package dev.tpmconsole.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpmconsole.views.prefs.Confirmations;
import dev.tpmconsole.views.prefs.TableLayout;
import dev.tpmconsole.views.prefs.UiPreferences;
import dev.tpmconsole.views.prefs.WindowGeometry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonPreferencesStoreTest {

    @TempDir
    Path dir;

    static final UiPreferences SOME = UiPreferences.defaults()
            .withWindow(new WindowGeometry(10, 20, 1300, 850, false)).withTheme("DARK")
            .withRecent(List.of("/a/one.sqlite", "/b/two.sqlite")).withVmSplit(0.61).withFontSize(18)
            .withConfirmations(new Confirmations(false, true))
            .withTables(Map.of("vmTable", new TableLayout(List.of(new TableLayout.ColumnLayout("vmUuidColumn", 300, true),
                    new TableLayout.ColumnLayout("vmNameColumn", 150, false)), "vmKeyStateColumn", false)));

    @Test
    void whatIsSavedLoadsBack() throws Exception {
        JsonPreferencesStore store = new JsonPreferencesStore(dir.resolve("cfg"));
        assertThat(store.load()).isEqualTo(UiPreferences.defaults());
        store.save(SOME);
        assertThat(new JsonPreferencesStore(dir.resolve("cfg")).load()).isEqualTo(SOME);
        assertThat(Files.readString(store.file())).contains("\"theme\" : \"DARK\"", "vmKeyStateColumn",
                "\"fontSize\" : 18", "\"runOnSnapshot\" : false");
        assertThat(store.loadProblem()).isNull();
        assertThat(TestFiles.names(dir.resolve("cfg"))).containsExactly("preferences.json");
    }

    /** The window reads its preferences while JavaFX starts: the next load gives what was read then, and its problem. */
    @Test
    void preloadedPreferencesAreTheNextLoadOnlyWithTheirProblem() throws Exception {
        JsonPreferencesStore saved = new JsonPreferencesStore(dir);
        saved.save(SOME);
        JsonPreferencesStore store = new JsonPreferencesStore(dir).preload();
        saved.save(SOME.withTheme("LIGHT"));
        assertThat(store.load()).as("what was read when preloaded").isEqualTo(SOME);
        assertThat(store.load()).as("then the file again").isEqualTo(SOME.withTheme("LIGHT"));

        Files.writeString(store.file(), "not json at all");
        JsonPreferencesStore corrupt = new JsonPreferencesStore(dir).preload();
        assertThat(Files.exists(dir.resolve("preferences.json.corrupt"))).as("set aside when read").isTrue();
        assertThat(corrupt.load()).isEqualTo(UiPreferences.defaults());
        assertThat(corrupt.loadProblem()).startsWith("The preferences in " + store.file() + " could not be read (");
    }

    @Test
    void aCorruptFileFallsBackToTheDefaultsAndIsSetAside() throws Exception {
        JsonPreferencesStore store = new JsonPreferencesStore(dir);
        for (String junk : new String[] {"{\"theme\": \"DARK\", \"recent\": [", "not json at all", "[1, 2, 3]",
            "{\"window\": {\"x\": \"left\"}}", "\u0000\u0001\u0002"}) {
            Files.writeString(store.file(), junk);
            assertThat(store.load()).as(junk).isEqualTo(UiPreferences.defaults());
            assertThat(Files.readString(dir.resolve("preferences.json.corrupt"))).isEqualTo(junk);
            assertThat(Files.exists(store.file())).isFalse();
            assertThat(store.loadProblem()).as(junk).startsWith("The preferences in " + store.file() + " could not be read (")
                    .endsWith("); the defaults are used. The file was set aside as " + dir.resolve("preferences.json.corrupt") + ".");
            assertThat(store.load()).isEqualTo(UiPreferences.defaults());
            assertThat(store.loadProblem()).as("a later load with no file is no problem").isNull();
        }
        store.save(SOME);
        assertThat(store.load()).isEqualTo(SOME);
        assertThat(store.loadProblem()).isNull();
    }

    @Test
    void aFolderWhereTheFileShouldBeFallsBackToTheDefaults() throws Exception {
        JsonPreferencesStore store = new JsonPreferencesStore(dir);
        Files.createDirectories(store.file().resolve("inside"));
        assertThat(store.load()).isEqualTo(UiPreferences.defaults());
        assertThat(store.loadProblem()).contains("could not be read", "the defaults are used");
        store.save(SOME);
        assertThat(store.load()).isEqualTo(SOME);
    }

    @Test
    void confirmationsMissingFromAnOlderFileAreAllAsked() throws Exception {
        JsonPreferencesStore store = new JsonPreferencesStore(dir);
        Files.writeString(store.file(), "{\"theme\": \"DARK\", \"confirmations\": {\"quitWhileBusy\": false}}");
        UiPreferences p = store.load();
        assertThat(p.confirmations()).isEqualTo(new Confirmations(true, false));
        assertThat(p.fontSize()).isNull();
        Files.writeString(store.file(), "{\"theme\": \"DARK\"}");
        assertThat(store.load().confirmations()).isEqualTo(Confirmations.all());
    }

    @Test
    void unknownAndMissingPartsReadAsDefaults() throws Exception {
        JsonPreferencesStore store = new JsonPreferencesStore(dir);
        Files.writeString(store.file(), "{\"theme\": \"LIGHT\", \"fromTheFuture\": {\"x\": 1}, \"tables\": null}");
        UiPreferences p = store.load();
        assertThat(p.theme()).isEqualTo("LIGHT");
        assertThat(p.tables()).isEmpty();
        assertThat(p.recent()).isEmpty();
        assertThat(p.window()).isNull();
    }

    /** Folder listings. */
    static final class TestFiles {
        static List<String> names(Path dir) throws Exception {
            try (var s = Files.list(dir)) {
                return s.map(f -> f.getFileName().toString()).sorted().toList();
            }
        }
    }
}
