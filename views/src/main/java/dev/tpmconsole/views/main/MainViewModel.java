package dev.tpmconsole.views.main;

import dev.tpmconsole.model.source.Source;
import dev.tpmconsole.model.stats.SourceSummary;
import dev.tpmconsole.views.util.FxSchedulers;
import io.reactivex.rxjava3.core.Single;
import io.reactivex.rxjava3.disposables.Disposable;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of the main window: the open source and its summary, whether something is loading, the last error.
 * Opening runs in the background; results arrive on the FX scheduler. The previous source is closed only
 * when the new one opened, so a bad file leaves the window as it was.
 */
public final class MainViewModel implements AutoCloseable {

    /** How many recent snapshots File > Open recent lists. */
    public static final int MAX_RECENT = 8;

    private final SourceService service;
    private final FxSchedulers schedulers;

    private final ReadOnlyObjectWrapper<Source> source = new ReadOnlyObjectWrapper<>(this, "source");
    private final ReadOnlyObjectWrapper<SourceSummary> summary = new ReadOnlyObjectWrapper<>(this, "summary");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper busyMessage = new ReadOnlyStringWrapper(this, "busyMessage", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ObservableList<TableCountRow> counts = FXCollections.observableArrayList();
    /** A read-only view held once: listeners on a view made per call would be lost to the collector. */
    private final ObservableList<TableCountRow> countsReadOnly = FXCollections.unmodifiableObservableList(counts);
    private final ObservableList<Path> recent = FXCollections.observableArrayList();
    /** A read-only view held once: listeners on a view made per call would be lost to the collector. */
    private final ObservableList<Path> recentReadOnly = FXCollections.unmodifiableObservableList(recent);
    private final StringBinding title;
    private final BooleanBinding hasError;
    private Disposable pending = Disposable.disposed();

    public MainViewModel(SourceService service, FxSchedulers schedulers) {
        this(service, schedulers, List.of());
    }

    /**
     * @param recentSnapshots the snapshots opened before, newest first (from the preferences)
     */
    public MainViewModel(SourceService service, FxSchedulers schedulers, List<Path> recentSnapshots) {
        this.service = Objects.requireNonNull(service);
        recent.setAll(recentSnapshots.subList(0, Math.min(recentSnapshots.size(), MAX_RECENT)));
        this.schedulers = Objects.requireNonNull(schedulers);
        this.title = Bindings.createStringBinding(() -> {
            SourceSummary s = summary.get();
            if (s == null) {
                return "TPM Console";
            }
            String name = Path.of(s.source()).getFileName().toString();
            return name + (s.writable() ? "" : " (read-only)") + " — TPM Console";
        }, summary);
        this.hasError = error.isNotEmpty();
    }

    /** Opens a snapshot in the background; on success it replaces the current source. */
    public void open(Path snapshot) {
        Path path = snapshot.toAbsolutePath().normalize();
        load("Opening " + snapshot.getFileName() + "…", () -> service.open(path), path);
    }

    /** Opens the built-in demo snapshot, generating it on the first start. */
    public void openDemo() {
        load("Opening the demo snapshot (generated on first start)…", () -> service.open(service.demoSnapshot()), null);
    }

    /** Forgets the recent snapshots. */
    public void clearRecent() {
        recent.clear();
    }

    private void load(String message, Callable<Source> opener, Path remember) {
        pending.dispose();
        busy.set(true);
        busyMessage.set(message);
        error.set("");
        // The source is handed on as soon as it is open, so that the lists load at once; the row counts
        // (a read of every table, slow on a large snapshot read cold from disk) follow in the background.
        pending = Single.fromCallable(opener::call)
                .subscribeOn(schedulers.background())
                .observeOn(schedulers.fx())
                .subscribe(s -> {
                    if (remember != null) {
                        recent.remove(remember);
                        recent.add(0, remember);
                        if (recent.size() > MAX_RECENT) {
                            recent.remove(MAX_RECENT, recent.size());
                        }
                    }
                    opened(s);
                }, this::failed);
    }

    private void opened(Source opened) {
        Source previous = source.get();
        source.set(opened);
        summary.set(SourceSummary.withoutCounts(opened));
        counts.clear();
        busy.set(false);
        busyMessage.set("");
        if (previous != null) {
            previous.close();
        }
        pending = Single.fromCallable(() -> {
                    try {
                        return SourceSummary.of(opened);
                    } catch (SQLException e) {
                        throw opened.failure(e);
                    }
                })
                .subscribeOn(schedulers.background())
                .observeOn(schedulers.fx())
                .subscribe(counted -> {
                    if (source.get() == opened) {
                        summary.set(counted);
                        counts.setAll(counted.counts().entrySet().stream()
                                .map(e -> new TableCountRow(e.getKey(), e.getValue())).toList());
                    }
                }, this::failed);
    }

    private void failed(Throwable t) {
        busy.set(false);
        busyMessage.set("");
        String message = t.getMessage();
        error.set(message != null && !message.isBlank() ? message : t.toString());
    }

    public void dismissError() {
        error.set("");
    }

    public ReadOnlyObjectProperty<Source> sourceProperty() {
        return source.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SourceSummary> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty busyMessageProperty() {
        return busyMessage.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public BooleanBinding hasErrorBinding() {
        return hasError;
    }

    public StringBinding titleBinding() {
        return title;
    }

    /** Snapshots opened from files (not the demo), newest first, at most {@link #MAX_RECENT}. */
    public ObservableList<Path> recent() {
        return recentReadOnly;
    }

    public ObservableList<TableCountRow> counts() {
        return countsReadOnly;
    }

    @Override
    public void close() {
        pending.dispose();
        Source s = source.get();
        if (s != null) {
            s.close();
        }
    }

}
