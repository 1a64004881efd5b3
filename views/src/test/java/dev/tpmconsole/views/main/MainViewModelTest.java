package dev.tpmconsole.views.main;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpmconsole.model.source.Source;
import dev.tpmconsole.views.util.ClassSnapshot;
import dev.tpmconsole.views.util.FxSchedulers;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class MainViewModelTest {

    @RegisterExtension
    static final ClassSnapshot demo = ClassSnapshot.demo("small.sqlite", 40, 5);

    @TempDir
    Path dir;

    /** Opens real snapshots; serves the demo above as the demo. */
    static SnapshotService service() {
        return new SnapshotService(demo.path());
    }

    @Test
    void opensASnapshotAndSummarisesIt() {
        try (MainViewModel vm = new MainViewModel(service(), FxSchedulers.synchronous())) {
            assertThat(vm.titleBinding().get()).isEqualTo("TPM Console");
            vm.open(demo.path());
            assertThat(vm.busyProperty().get()).isFalse();
            assertThat(vm.errorProperty().get()).isEmpty();
            assertThat(vm.summaryProperty().get().source()).isEqualTo(demo.path().toAbsolutePath().toString());
            assertThat(vm.titleBinding().get()).isEqualTo("small.sqlite (read-only) — TPM Console");
            assertThat(vm.counts()).extracting(TableCountRow::table).startsWith("ResourceVO", "ManagementNodeVO");
            assertThat(vm.counts()).filteredOn(r -> r.table().equals("VmInstanceEO"))
                    .singleElement().extracting(TableCountRow::rows).isEqualTo(vm.summaryProperty().get().count("VmInstanceEO"));
        }
    }

    /** Wired to the VM list, the row counts wait for the source's first rows, in the window as a browse view shows them. */
    @Test
    void theRowCountsWaitForTheFirstRows() {
        try (MainViewModel vm = new MainViewModel(service(), FxSchedulers.synchronous());
             dev.tpmconsole.views.browse.BrowseViewModel browse = new dev.tpmconsole.views.browse.BrowseViewModel(
                     FxSchedulers.synchronous(), s -> new dev.tpmconsole.model.browse.BrowseQueries(s,
                     new dev.tpmconsole.model.audit.AuditDirtyVmIndex(s)))) {
            javafx.beans.property.SimpleObjectProperty<Source> shown = countingAfter(vm);
            vm.open(demo.path());
            assertThat(vm.summaryProperty().get().counted()).as("not before the first rows").isFalse();
            assertThat(vm.counts()).isEmpty();
            shown.set(vm.sourceProperty().get());
            assertThat(vm.summaryProperty().get().counted()).isTrue();
            assertThat(vm.summaryProperty().get().count("VmInstanceEO")).isPositive();

            // as the window wires it: the browse view says when a source's first rows are shown
            MainViewModel wired = new MainViewModel(service(), FxSchedulers.synchronous());
            wired.sourceProperty().addListener((o, a, b) -> browse.setSource(b));
            wired.countAfter(browse.firstRowsShownProperty());
            wired.open(demo.path());
            assertThat(browse.vms().rows().rows()).isNotEmpty();
            assertThat(browse.firstRowsShownProperty().get()).isSameAs(wired.sourceProperty().get());
            assertThat(wired.summaryProperty().get().counted()).isTrue();
            wired.close();
        }
    }

    @Test
    void aBadFileKeepsWhatWasOpenAndSaysWhy() throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.sqlite"), "not a database at all, sorry");
        try (MainViewModel vm = new MainViewModel(service(), FxSchedulers.synchronous())) {
            vm.open(demo.path());
            Source first = vm.sourceProperty().get();
            vm.open(junk);
            assertThat(vm.errorProperty().get()).contains("junk.sqlite").contains("not an SQLite database");
            assertThat(vm.hasErrorBinding().get()).isTrue();
            assertThat(vm.sourceProperty().get()).isSameAs(first);
            assertThat(vm.summaryProperty().get().source()).endsWith("small.sqlite");
            vm.dismissError();
            assertThat(vm.hasErrorBinding().get()).isFalse();
        }
    }

    /**
     * The row counts of the open source, which start once its first rows are shown, never cancel an open that started
     * before them: the open of a bad file said nothing and the window stayed busy when the first rows of the source
     * before it were shown while that file was being opened (CI met it twice, as MainWindowSmokeTest's time-outs).
     */
    @Test
    void theRowCountsOfTheOpenSourceDoNotCancelTheNextOpen() throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.sqlite"), "not a database at all, sorry");
        java.util.List<Runnable> fxQueue = new java.util.ArrayList<>();
        FxSchedulers deferred = fxQueued(fxQueue);
        try (MainViewModel vm = new MainViewModel(service(), deferred)) {
            javafx.beans.property.SimpleObjectProperty<Source> shown = countingAfter(vm);
            vm.open(demo.path());
            runAll(fxQueue);
            Source first = vm.sourceProperty().get();
            assertThat(first).isNotNull();

            // the bad file is read; what it found waits in the FX queue when the first source's rows are shown
            vm.open(junk);
            assertThat(fxQueue).hasSize(1);
            shown.set(first);
            runAll(fxQueue);
            assertThat(vm.errorProperty().get()).contains("junk.sqlite").contains("not an SQLite database");
            assertThat(vm.busyProperty().get()).isFalse();
            assertThat(vm.sourceProperty().get()).isSameAs(first);
            assertThat(vm.summaryProperty().get().counted()).as("and the first source's rows were counted").isTrue();
        }
    }

    /**
     * The counts of a source that another open replaced while they were read say nothing: that source is closed under
     * them, and their failure is not the window's news.
     */
    @Test
    void theCountsOfAReplacedSourceSayNothing() throws Exception {
        Path second = Files.copy(demo.path(), dir.resolve("second.sqlite"));
        java.util.List<Runnable> background = new java.util.ArrayList<>();
        java.util.List<Runnable> fxQueue = new java.util.ArrayList<>();
        FxSchedulers deferred = new FxSchedulers(io.reactivex.rxjava3.schedulers.Schedulers.from(background::add),
                io.reactivex.rxjava3.schedulers.Schedulers.from(fxQueue::add));
        try (MainViewModel vm = new MainViewModel(service(), deferred)) {
            javafx.beans.property.SimpleObjectProperty<Source> shown = countingAfter(vm);
            vm.open(demo.path());
            runAll(background);
            runAll(fxQueue);
            Source first = vm.sourceProperty().get();
            shown.set(first);
            vm.open(second);
            assertThat(background).as("the first source's counts, then the second open").hasSize(2);
            background.remove(1).run();
            runAll(fxQueue);
            assertThat(vm.sourceProperty().get()).isNotSameAs(first);
            // the counts read the first source now, closed
            runAll(background);
            runAll(fxQueue);
            assertThat(vm.errorProperty().get()).isEmpty();
            assertThat(vm.busyProperty().get()).isFalse();
            assertThat(vm.summaryProperty().get().source()).endsWith("second.sqlite");
        }
    }

    /** Runs what the queue holds, and what running it adds, in order. */
    private static void runAll(java.util.List<Runnable> queue) {
        while (!queue.isEmpty()) {
            queue.remove(0).run();
        }
    }

    /** Makes {@code vm} count its rows once the returned property (the first rows shown, as in the window) is set. */
    private static javafx.beans.property.SimpleObjectProperty<Source> countingAfter(MainViewModel vm) {
        javafx.beans.property.SimpleObjectProperty<Source> shown = new javafx.beans.property.SimpleObjectProperty<>();
        vm.countAfter(shown);
        return shown;
    }

    /** Schedulers whose background work runs at once and whose FX work waits in {@code fxQueue} until run. */
    private static FxSchedulers fxQueued(java.util.List<Runnable> fxQueue) {
        return new FxSchedulers(io.reactivex.rxjava3.schedulers.Schedulers.trampoline(),
                io.reactivex.rxjava3.schedulers.Schedulers.from(fxQueue::add));
    }

    @Test
    void openingAnotherClosesThePrevious() throws Exception {
        Path second = Files.copy(demo.path(), dir.resolve("second.sqlite"));
        try (MainViewModel vm = new MainViewModel(service(), FxSchedulers.synchronous())) {
            vm.open(demo.path());
            Source first = vm.sourceProperty().get();
            vm.open(second);
            assertThat(vm.sourceProperty().get()).isNotSameAs(first);
            org.assertj.core.api.Assertions.assertThatThrownBy(first::connection).hasMessageContaining("closed");
        }
    }

    @Test
    void openDemoAsksTheServiceForTheDemo() {
        SnapshotService service = service();
        try (MainViewModel vm = new MainViewModel(service, FxSchedulers.synchronous())) {
            vm.openDemo();
            assertThat(service.demoRequests.get()).isEqualTo(1);
            assertThat(vm.summaryProperty().get().source()).endsWith("small.sqlite");
        }
    }

    @Test
    void openedSnapshotsComeFirstInRecentButNotTheDemoNorAFailure() throws Exception {
        Path second = Files.copy(demo.path(), dir.resolve("second.sqlite"));
        Path junk = Files.writeString(dir.resolve("junk.sqlite"), "nope");
        Path remembered = dir.resolve("old.sqlite");
        try (MainViewModel vm = new MainViewModel(service(), FxSchedulers.synchronous(), java.util.List.of(remembered))) {
            assertThat(vm.recent()).containsExactly(remembered);
            vm.open(demo.path());
            vm.open(second);
            vm.open(junk);
            vm.openDemo();
            assertThat(vm.recent()).containsExactly(second.toAbsolutePath(), demo.path().toAbsolutePath(), remembered);
            vm.open(demo.path());
            assertThat(vm.recent()).containsExactly(demo.path().toAbsolutePath(), second.toAbsolutePath(), remembered);
            vm.clearRecent();
            assertThat(vm.recent()).isEmpty();
        }
    }

    @Test
    void recentKeepsTheNewestEight() throws Exception {
        java.util.List<Path> many = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            many.add(dir.resolve("s" + i + ".sqlite"));
        }
        try (MainViewModel vm = new MainViewModel(service(), FxSchedulers.synchronous(), many)) {
            assertThat(vm.recent()).hasSize(MainViewModel.MAX_RECENT).startsWith(many.get(0));
            vm.open(demo.path());
            assertThat(vm.recent()).hasSize(MainViewModel.MAX_RECENT).startsWith(demo.path().toAbsolutePath(), many.get(0))
                    .doesNotContain(many.get(7));
        }
    }

    /**
     * A head start the FX thread takes before its queue comes to it (as the console does before its window shows):
     * the source is handed on at once, with what an open remembers; its delivery through the queue, which follows,
     * neither opens it again nor closes it. One not yet open is left to come as any open does.
     */
    @Test
    void aHeadStartAlreadyOpenIsHandedOnAtOnceAndOnlyOnce() throws Exception {
        java.util.List<Runnable> fxQueue = new java.util.ArrayList<>();
        FxSchedulers deferred = fxQueued(fxQueue);
        try (MainViewModel vm = new MainViewModel(service(), deferred)) {
            // as in the window: the row counts wait for the first rows
            javafx.beans.property.SimpleObjectProperty<Source> shown = countingAfter(vm);
            java.util.concurrent.CompletableFuture<Source> opening = new java.util.concurrent.CompletableFuture<>();
            vm.openFrom(demo.path(), opening);
            assertThat(vm.takeHeadStart()).as("not open yet").isFalse();
            assertThat(vm.busyProperty().get()).isTrue();

            Source opened = service().open(demo.path());
            opening.complete(opened);
            assertThat(fxQueue).as("its delivery waits in the FX queue").hasSize(1);
            assertThat(vm.takeHeadStart()).isTrue();
            assertThat(vm.sourceProperty().get()).isSameAs(opened);
            assertThat(vm.busyProperty().get()).isFalse();
            assertThat(vm.recent()).containsExactly(demo.path().toAbsolutePath().normalize());
            assertThat(vm.takeHeadStart()).as("once").isFalse();

            // the queue comes to the delivery; then the first rows are shown, and the row counts follow
            runAll(fxQueue);
            assertThat(vm.sourceProperty().get()).isSameAs(opened);
            assertThat(vm.summaryProperty().get().counted()).isFalse();
            shown.set(opened);
            runAll(fxQueue);
            org.assertj.core.api.Assertions.assertThatCode(opened::connection).as("not closed as a previous source")
                    .doesNotThrowAnyException();
            assertThat(vm.summaryProperty().get().counted()).isTrue();
            assertThat(vm.recent()).hasSize(1);
        }
    }

    @Test
    void aHeadStartThatFailedComesAsAnyFailedOpen() {
        java.util.List<Runnable> fxQueue = new java.util.ArrayList<>();
        FxSchedulers deferred = fxQueued(fxQueue);
        try (MainViewModel vm = new MainViewModel(service(), deferred)) {
            vm.openDemoFrom(java.util.concurrent.CompletableFuture.failedFuture(
                    new dev.tpmconsole.model.source.SourceException(
                    dev.tpmconsole.model.source.SourceException.Reason.CORRUPT, "the demo could not be made")));
            assertThat(vm.takeHeadStart()).isFalse();
            assertThat(vm.sourceProperty().get()).isNull();
            runAll(fxQueue);
            assertThat(vm.errorProperty().get()).isEqualTo("the demo could not be made");
            assertThat(vm.busyProperty().get()).isFalse();
        }
    }

    /** An open started after the head start makes it moot: taking it then hands on nothing. */
    @Test
    void anotherOpenMakesTheHeadStartMoot() throws Exception {
        java.util.List<Runnable> fxQueue = new java.util.ArrayList<>();
        FxSchedulers deferred = fxQueued(fxQueue);
        Path second = Files.copy(demo.path(), dir.resolve("second.sqlite"));
        try (MainViewModel vm = new MainViewModel(service(), deferred)) {
            java.util.concurrent.CompletableFuture<Source> opening = new java.util.concurrent.CompletableFuture<>();
            vm.openFrom(demo.path(), opening);
            vm.open(second);
            Source late = service().open(demo.path());
            opening.complete(late);
            assertThat(vm.takeHeadStart()).isFalse();
            runAll(fxQueue);
            assertThat(vm.sourceProperty().get().snapshotFile()).contains(second.toAbsolutePath().normalize());
            org.assertj.core.api.Assertions.assertThatThrownBy(late::connection)
                    .as("the moot head start's source is closed")
                    .hasMessageContaining("closed");
        }
    }
}
