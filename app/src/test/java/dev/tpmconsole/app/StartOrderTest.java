package dev.tpmconsole.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpmconsole.model.events.EventLog;
import dev.tpmconsole.model.source.Source;
import dev.tpmconsole.model.testing.TestSnapshots;
import dev.tpmconsole.views.prefs.PreferencesStore;
import dev.tpmconsole.views.util.FxQueryGuard;
import dev.tpmconsole.views.util.FxSchedulers;
import dev.tpmconsole.model.source.QueryGuard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What the console does first at its start: the snapshot is opened while the window is built (a head start the
 * window then shows), and the catalogue, whose persistence layer takes seconds of CPU to start, opens only once the
 * first VMs are listed (or the source could not be opened). An audit asked for at the start ({@code gui --audit})
 * waits for the catalogue, so that it is recorded in the history.
 */
@ExtendWith(ApplicationExtension.class)
class StartOrderTest {

    @TempDir
    static Path dir;
    static Path snapshot;

    ConsoleGui gui;

    @BeforeAll
    static void demo() throws Exception {
        snapshot = TestSnapshots.demo(dir.resolve("start-demo.sqlite"), 120, 3);
    }

    @Start
    void start(Stage stage) throws Exception {
        gui = ConsoleGui.show(stage, new ConsoleGui.Setup(Files.createDirectories(dir.resolve("data")),
                PreferencesStore.inMemory(), null, FxQueryGuard.create(QueryGuard.Mode.THROW), FxSchedulers.javafx(),
                new EventLog(ConsoleGui.EVENTS_KEPT, Clock.systemUTC()),
                dir.resolve("catalogue-" + System.nanoTime() + ".sqlite")));
    }

    @Test
    void theCatalogueOpensAfterTheFirstRowsAndAnAuditAskedAtTheStartIsRecorded(FxRobot robot) throws Exception {
        CompletableFuture<Source> opening = new CompletableFuture<>();
        robot.interact(() -> {
            gui.auditOnceOpen();
            gui.viewModel().openFrom(snapshot, opening);
        });
        // nothing listed yet: the catalogue waits, and says it is opening
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(gui.catalogue()).isNull();
        assertThat(gui.overviewViewModel().catalogueOpeningProperty().get()).isTrue();
        assertThat(gui.auditStage()).as("no audit before a source is open").isNull();

        // the head start finishes: the window shows that source, lists its VMs, then the catalogue opens
        opening.complete(new DefaultSourceService(dir).open(snapshot));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> gui.catalogue() != null);
        assertThat(gui.browseViewModel().vms().rows().loadedProperty().get()).isTrue();
        assertThat(gui.viewModel().sourceProperty().get()).isNotNull();
        assertThat(gui.viewModel().recent()).containsExactly(snapshot.toAbsolutePath().normalize());

        // and the audit asked for at the start ran after it, recorded in the catalogue's history
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> gui.auditViewModel().marks().recordedProperty().get() != null);
        // it ran once its window showed (WindowSlot.afterShow): the window is showing
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> gui.auditStage().isShowing());
        assertThat(gui.catalogue().clouds()).singleElement()
                .satisfies(cloud -> assertThat(cloud.audits()).isEqualTo(1));
    }

    @Test
    void aHeadStartThatFailsIsShownAsAnOpenThatFailedAndTheCatalogueStillOpens(FxRobot robot) throws Exception {
        Path notSqlite = Files.writeString(dir.resolve("not-a-snapshot.sqlite"), "this is not SQLite\n");
        CompletableFuture<Source> opening = CompletableFuture.supplyAsync(() -> {
            try {
                return new DefaultSourceService(dir).open(notSqlite);
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
        String expected;
        try {
            new DefaultSourceService(dir).open(notSqlite).close();
            throw new AssertionError("opened a file that is not SQLite");
        } catch (dev.tpmconsole.model.source.SourceException e) {
            expected = e.getLocalizedMessage();
        }
        robot.interact(() -> gui.viewModel().openFrom(notSqlite, opening));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !gui.viewModel().errorProperty().get().isEmpty());
        assertThat(gui.viewModel().errorProperty().get()).isEqualTo(expected);
        assertThat(gui.viewModel().sourceProperty().get()).isNull();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> gui.catalogue() != null);
    }

    /**
     * A head start already open when the window is made is handed on before the window first shows (decision 0030):
     * the VM list's first page is then read while the window is built and laid out.
     */
    @Test
    void aSnapshotOpenBeforeTheWindowShowsIsBrowsedFromItsFirstLayout(FxRobot robot) throws Exception {
        Source opened = new DefaultSourceService(dir).open(snapshot);
        java.util.concurrent.atomic.AtomicReference<dev.tpmconsole.views.main.MainViewModel> model =
                new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicReference<Source> atShowing =
                new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicReference<ConsoleGui> second =
                new java.util.concurrent.atomic.AtomicReference<>();
        robot.interact(() -> {
            Stage stage = new Stage();
            stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_SHOWING,
                    e -> atShowing.set(model.get().sourceProperty().get()));
            try {
                second.set(ConsoleGui.show(stage, new ConsoleGui.Setup(Files.createDirectories(dir.resolve("data-2")),
                        PreferencesStore.inMemory(), null, FxQueryGuard.create(QueryGuard.Mode.THROW),
                        FxSchedulers.javafx(), new EventLog(ConsoleGui.EVENTS_KEPT, Clock.systemUTC()), null), vm -> {
                    model.set(vm);
                    vm.openFrom(snapshot, CompletableFuture.completedFuture(opened));
                }));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThat(atShowing.get()).as("the source, when the window first showed").isSameAs(opened);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> second.get().browseViewModel().vms().rows().loadedProperty().get());
        assertThat(second.get().browseViewModel().vms().rows().rows()).isNotEmpty();
        robot.interact(() -> second.get().stage().close());
    }

    /**
     * The window's icons are read once its first VM rows are shown, not beside the pulses that show them (decision
     * 0052); a window that opens nothing gets them at once.
     */
    @Test
    void theIconsAreReadOnceTheFirstRowsAreShown(FxRobot robot) throws Exception {
        Source opened = new DefaultSourceService(dir).open(snapshot);
        java.util.concurrent.atomic.AtomicReference<ConsoleGui> third =
                new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicInteger iconsAtFirstRows = new java.util.concurrent.atomic.AtomicInteger(-1);
        robot.interact(() -> {
            try {
                Path data = Files.createDirectories(dir.resolve("data-3"));
                third.set(ConsoleGui.show(new Stage(), new ConsoleGui.Setup(data, PreferencesStore.inMemory(), null,
                        FxQueryGuard.create(QueryGuard.Mode.THROW), FxSchedulers.javafx(),
                        new EventLog(ConsoleGui.EVENTS_KEPT, Clock.systemUTC()), null),
                        vm -> vm.openFrom(snapshot, CompletableFuture.completedFuture(opened))));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            // the first rows are shown some pulses after the window: this listener is there before
            third.get().browseViewModel().firstRowsShownProperty().addListener((o, a, b) ->
                    iconsAtFirstRows.compareAndSet(-1, third.get().stage().getIcons().size()));
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> third.get().stage().getIcons().size() == 8);
        assertThat(iconsAtFirstRows.get()).as("the icons when the first rows were shown").isZero();
        // the window of @Start opened nothing when it showed: its icons came without waiting for rows
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> gui.stage().getIcons().size() == 8);
        robot.interact(() -> third.get().stage().close());
    }
}
