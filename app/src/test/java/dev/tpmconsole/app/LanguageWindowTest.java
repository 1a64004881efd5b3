package dev.tpmconsole.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpmconsole.model.events.EventLog;
import dev.tpmconsole.model.i18n.Language;
import dev.tpmconsole.model.source.QueryGuard;
import dev.tpmconsole.views.prefs.UiPreferences;
import dev.tpmconsole.views.util.FxQueryGuard;
import dev.tpmconsole.views.util.FxSchedulers;
import dev.tpmconsole.views.util.I18n;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Menu;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The console starts in the language of its preferences; a {@code --lang} (the system property the gui command
 * sets) wins for that start and is not saved; choosing a language in the preferences applies it at once and
 * saves it.
 */
@ExtendWith(ApplicationExtension.class)
class LanguageWindowTest {

    @TempDir
    Path dir;

    JsonPreferencesStore store;
    EventLog events;
    Language before;
    String propertyBefore;

    @Start
    void start(Stage stage) {
        // mounted per test
    }

    @BeforeEach
    void remember() {
        before = I18n.languageProperty().get();
        propertyBefore = System.getProperty(CommandLineLanguage.PROPERTY);
    }

    @AfterEach
    void restore() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            for (Window w : List.copyOf(Window.getWindows())) {
                if (w instanceof Stage s) {
                    s.close();
                }
            }
            I18n.languageProperty().set(before);
        }).get(10, TimeUnit.SECONDS);
        if (propertyBefore == null) {
            System.clearProperty(CommandLineLanguage.PROPERTY);
        } else {
            System.setProperty(CommandLineLanguage.PROPERTY, propertyBefore);
        }
        if (events != null) {
            events.close();
        }
    }

    ConsoleGui open() throws Exception {
        store = new JsonPreferencesStore(dir.resolve("config"));
        events = new EventLog(ConsoleGui.EVENTS_KEPT, Clock.systemUTC(), dir.resolve("data/events.log"));
        ConsoleGui gui = WaitForAsyncUtils.asyncFx(() -> ConsoleGui.show(new Stage(), new ConsoleGui.Setup(
                dir.resolve("data"), store, store.file(), FxQueryGuard.create(QueryGuard.Mode.THROW),
                FxSchedulers.javafx(), events))).get(60, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        return gui;
    }

    static List<String> menus(ConsoleGui gui) {
        return gui.window().menuBar().getMenus().stream().map(Menu::getText).toList();
    }

    @Test
    void theSavedLanguageIsTheStartsAndAChoiceIsSaved(FxRobot robot) throws Exception {
        new JsonPreferencesStore(dir.resolve("config")).save(UiPreferences.defaults().withLanguage("zh_CN"));
        System.clearProperty(CommandLineLanguage.PROPERTY);
        ConsoleGui gui = open();
        assertThat(I18n.languageProperty().get()).isEqualTo(Language.ZH_CN);
        assertThat(menus(gui)).first().isEqualTo("文件(_F)");
        assertThat(gui.preferences().languageProperty().get()).isEqualTo(Language.ZH_CN);

        robot.interact(() -> gui.preferences().languageProperty().set(Language.EN));
        assertThat(menus(gui)).first().isEqualTo("_File");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "en".equals(store.load().language()));
    }

    @Test
    void langWinsForThisStartWithoutBeingSaved(FxRobot robot) throws Exception {
        new JsonPreferencesStore(dir.resolve("config")).save(UiPreferences.defaults().withLanguage("zh_CN"));
        System.setProperty(CommandLineLanguage.PROPERTY, "en");
        ConsoleGui gui = open();
        assertThat(I18n.languageProperty().get()).isEqualTo(Language.EN);
        assertThat(menus(gui)).first().isEqualTo("_File");
        // another preference changes and is saved: the saved language stays what it was
        robot.interact(() -> gui.appearance().fontSizeProperty().set(16));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Integer.valueOf(16).equals(store.load().fontSize()));
        assertThat(store.load().language()).isEqualTo("zh_CN");
    }
}
