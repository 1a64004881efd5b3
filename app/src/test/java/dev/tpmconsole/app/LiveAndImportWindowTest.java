package dev.tpmconsole.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpmconsole.model.demo.DemoGenerator;
import dev.tpmconsole.model.demo.DemoOptions;
import dev.tpmconsole.model.source.QueryGuard;
import dev.tpmconsole.model.testing.MariaDbTestDatabase;
import dev.tpmconsole.model.testing.TestSnapshots;
import dev.tpmconsole.views.importdump.ImportViewModel;
import dev.tpmconsole.views.main.OpenDatabaseDialog;
import dev.tpmconsole.views.prefs.RecentDatabase;
import dev.tpmconsole.views.util.FxQueryGuard;
import dev.tpmconsole.views.util.FxSchedulers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real main window on this machine's MariaDB: File > Open database typed into like a person would (with a
 * user that has a password), and File > Import dump on a dump made by the real mysqldump. The guard refuses any
 * query on the FX thread; the preferences go to a real file, which must never hold the password.
 */
@ExtendWith(ApplicationExtension.class)
class LiveAndImportWindowTest {

    static final String PASSWORD = "Pw-" + Long.toHexString(ThreadLocalRandom.current().nextLong()) + "!x";

    @TempDir
    static Path shared;
    static MariaDbTestDatabase db;
    static String user;
    static String url;
    static Path dump;

    @TempDir
    Path dir;

    ConsoleGui gui;
    JsonPreferencesStore store;
    Stage stage;

    @BeforeAll
    static void create() throws Exception {
        db = MariaDbTestDatabase.create(false);
        db.load(sink -> DemoGenerator.generate(new DemoOptions(120, 9), sink));
        dump = db.dump(shared.resolve("zstack.sql"));
        user = db.createUser("tpmgui_", PASSWORD, "SELECT");
        url = MariaDbTestDatabase.serverUrl() + db.name();
    }

    @AfterAll
    static void drop() throws Exception {
        if (db != null) {
            db.close();
        }
    }

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Path config = Files.createTempDirectory(shared, "config");
        store = new JsonPreferencesStore(config);
        gui = ConsoleGui.show(stage, shared, store, FxQueryGuard.create(QueryGuard.Mode.THROW), FxSchedulers.javafx());
    }

    @Test
    void opensTheLiveDatabaseFromTheDialogAndRemembersItWithoutThePassword(FxRobot robot) throws Exception {
        OpenDatabaseDialog[] dialog = new OpenDatabaseDialog[1];
        robot.interact(() -> dialog[0] = gui.window().showOpenDatabase(null));
        WaitForAsyncUtils.waitForFxEvents();
        Button open = robot.lookup("#dbOpen").queryButton();
        assertThat(open.isDisabled()).as("no URL yet").isTrue();
        robot.clickOn("#dbUrl").write("jdbc:mariadb://h", 0);
        assertThat(open.isDisabled()).as("no database named").isTrue();
        // typing is slow in TestFX (it waits for the FX thread after each key): the long URL is pasted
        TextField urlField = robot.lookup("#dbUrl").queryAs(TextField.class);
        robot.interact(() -> urlField.setText(url));
        robot.clickOn("#dbUser").write(user, 0);
        robot.clickOn("#dbPassword").write(PASSWORD, 0);
        assertThat(open.isDisabled()).isFalse();
        assertThat((Object) robot.lookup("#dbPassword").query()).isInstanceOf(PasswordField.class);
        assertThat(dialog[0].dialog().getResult()).isNull();
        robot.clickOn("#dbOpen");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> gui.viewModel().summaryProperty().get() != null
                && gui.viewModel().summaryProperty().get().counted());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(gui.viewModel().errorProperty().get()).isEmpty();
        assertThat(stage.getTitle()).isEqualTo(db.name() + " on 127.0.0.1:3306 (live, read-only) — TPM Console");
        assertThat(robot.lookup("#statusSource").queryAs(Label.class).getText()).isEqualTo(url);
        assertThat(robot.lookup("#statusMode").queryAs(Label.class).getText()).isEqualTo("read-only");
        TableView<?> vms = robot.lookup("#vmTable").queryTableView();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !vms.getItems().isEmpty());
        assertThat(dialog[0].dialog().isShowing()).isFalse();
        assertThat(String.valueOf(dialog[0].dialog().getResult())).contains("password=***").doesNotContain(PASSWORD);

        // remembered (and saved) without the password; choosing it again asks for the password only
        String saved = Files.readString(store.file());
        assertThat(saved).contains(url, user).doesNotContain(PASSWORD);
        assertThat(store.load().recentDatabases()).containsExactly(new RecentDatabase(url, user));
        robot.interact(() -> gui.window().showOpenDatabase(gui.viewModel().recentDatabases().get(0)));
        WaitForAsyncUtils.waitForFxEvents();
        Node again = robot.lookup("#openDatabaseDialog").query();
        assertThat(robot.from(again).lookup("#dbUrl").queryAs(TextField.class).getText()).isEqualTo(url);
        assertThat(robot.from(again).lookup("#dbUser").queryAs(TextField.class).getText()).isEqualTo(user);
        assertThat(robot.from(again).lookup("#dbPassword").queryAs(PasswordField.class).getText()).isEmpty();
        robot.clickOn(robot.from(again).lookup("#dbCancel").queryButton());
        robot.interact(stage::close);
        assertThat(Files.readString(store.file())).contains(url).doesNotContain(PASSWORD);
    }

    @Test
    void importsADumpWithProgressAndOpensTheSnapshot(FxRobot robot) throws Exception {
        Path target = dir.resolve("zstack.sqlite");
        robot.interact(() -> gui.window().showImport(dump, target, false));
        ImportViewModel importer = gui.viewModel().importer();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> importer.resultProperty().get() != null
                || !importer.errorProperty().get().isEmpty());
        // the row counts come after the snapshot's first rows are shown (the summary names the source before them)
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> gui.viewModel().summaryProperty().get() != null
                && gui.viewModel().summaryProperty().get().counted());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(importer.errorProperty().get()).isEmpty();
        TableView<?> tables = robot.lookup("#importTables").queryTableView();
        assertThat(tables.getItems()).hasSize(15);
        // its rows are as tall as every other list's (the default's were half as tall again)
        assertThat(tables.getFixedCellSize()).isPositive()
                .isEqualTo(robot.lookup("#vmTable").queryTableView().getFixedCellSize());
        assertThat(robot.lookup("#importProgress").queryAs(javafx.scene.control.ProgressBar.class).getProgress())
                .isEqualTo(1.0);
        assertThat(robot.lookup("#importStatus").queryAs(Label.class).getText())
                .startsWith("Imported " + String.format("%,d", importer.resultProperty().get().totalRows())
                        + " rows into zstack.sqlite");
        assertThat(robot.lookup("#cancelImport").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#closeImport").queryButton().isDisabled()).isFalse();
        assertThat(stage.getTitle()).isEqualTo("zstack.sqlite (read-only) — TPM Console");
        assertThat(gui.viewModel().recent()).containsExactly(target.toAbsolutePath());
        assertThat(TestSnapshots.count(target, "SELECT count(*) FROM VmInstanceEO"))
                .isEqualTo(gui.viewModel().summaryProperty().get().count("VmInstanceEO"));
        Stage importStage = (Stage) tables.getScene().getWindow();
        robot.clickOn("#closeImport");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(importStage.isShowing()).isFalse();
    }

    /** A dump of another database ends the import with a reason, and the table no longer says "yet". */
    @Test
    void aDumpOfAnotherDatabaseEndsWithItsReason(FxRobot robot) throws Exception {
        Path other = Files.writeString(dir.resolve("other.sql"), "CREATE TABLE `t` (`a` int);\nINSERT INTO `t` VALUES (1);\n");
        Path target = dir.resolve("other.sqlite");
        robot.interact(() -> gui.window().showImport(other, target, false));
        ImportViewModel importer = gui.viewModel().importer();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !importer.errorProperty().get().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#importError").queryAs(Label.class).getText())
                .contains("is not a dump of ZStack's database: it holds none of the tables ResourceVO");
        assertThat(robot.lookup("#importStatus").queryAs(Label.class).getText())
                .isEqualTo("Failed; no snapshot was written");
        assertThat(robot.lookup("#importPlaceholder").queryAs(Label.class).getText())
                .isEqualTo("No table of the ZStack schema was read");
        assertThat(target).doesNotExist();
        robot.clickOn("#closeImport");
    }
}
