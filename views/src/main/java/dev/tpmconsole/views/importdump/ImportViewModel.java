package dev.tpmconsole.views.importdump;

import dev.tpmconsole.model.dump.DumpImporter;
import dev.tpmconsole.model.dump.ImportOptions;
import dev.tpmconsole.model.dump.ImportProgress;
import dev.tpmconsole.model.dump.ImportResult;
import dev.tpmconsole.model.i18n.Message;
import dev.tpmconsole.model.source.SourceException;
import dev.tpmconsole.views.util.Formats;
import dev.tpmconsole.views.util.BackgroundTask;
import dev.tpmconsole.views.util.FxSchedulers;
import dev.tpmconsole.views.util.JobViewModel;
import dev.tpmconsole.views.util.MessageProperty;
import io.reactivex.rxjava3.core.ObservableEmitter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The state of File > Import dump: imports a dump into a new snapshot in the background, with the bytes of
 * the file read, the rows read per table and the table being read, and Cancel; when it is done, the snapshot
 * is handed to whoever opens snapshots (the main window). Progress reaches the FX thread about ten times a
 * second (the importer's pace), never once per row.
 */
public final class ImportViewModel extends JobViewModel {

    /** The rows read so far of one table; {@code current} while it is being read. */
    public record TableRows(String table, long rows, boolean current) {
    }

    private final Consumer<Path> open;

    private final ReadOnlyObjectWrapper<Path> dump = new ReadOnlyObjectWrapper<>(this, "dump");
    private final ReadOnlyObjectWrapper<Path> target = new ReadOnlyObjectWrapper<>(this, "target");
    private final ReadOnlyBooleanWrapper cancelling = new ReadOnlyBooleanWrapper(this, "cancelling");
    private final MessageProperty bytes = new MessageProperty(this, "bytes", null);
    private final ReadOnlyObjectWrapper<ImportResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ObservableList<TableRows> tables = FXCollections.observableArrayList();
    /** A read-only view held once: listeners on a view made per call would be lost to the collector. */
    private final ObservableList<TableRows> tablesReadOnly = FXCollections.unmodifiableObservableList(tables);
    private final BooleanBinding canCancel;
    private final BooleanBinding hasError;
    private DumpImporter importer;

    /**
     * @param open opens a finished snapshot (the main window's {@code open}), called on the FX thread
     */
    public ImportViewModel(FxSchedulers schedulers, Consumer<Path> open) {
        super(schedulers, null);
        this.open = Objects.requireNonNull(open);
        canCancel = Bindings.createBooleanBinding(() -> task.isRunning() && !cancelling.get(), task.runningProperty(),
                cancelling);
        hasError = task.errorProperty().isNotEmpty();
    }

    /**
     * Imports {@code dumpFile} into {@code snapshot} in the background ({@code overwrite}: the person agreed to
     * replace an existing file). Does nothing while an import runs.
     */
    public void start(Path dumpFile, Path snapshot, boolean overwrite) {
        if (task.isRunning()) {
            return;
        }
        dump.set(dumpFile.toAbsolutePath().normalize());
        target.set(snapshot.toAbsolutePath().normalize());
        cancelling.set(false);
        task.setProgress(0);
        bytes.clear();
        result.set(null);
        tables.clear();
        AtomicReference<ObservableEmitter<Object>> events = new AtomicReference<>();
        DumpImporter current = new DumpImporter(new ImportOptions(overwrite, null), p -> {
            ObservableEmitter<Object> e = events.get();
            if (e != null) {
                e.onNext(p);
            }
        });
        importer = current;
        Path from = dump.get();
        Path to = target.get();
        task.start(Message.of("ui.import.status.reading", from.getFileName().toString()), BackgroundTask.<Object>work(emitter -> {
                    events.set(emitter);
                    // a disposal (the window closed) stops the import too; Cancel goes through cancel()
                    emitter.setCancellable(current::cancel);
                    emitter.onNext(current.run(from, to));
                }), event -> {
                    if (event instanceof ImportProgress p) {
                        progressed(p);
                    } else if (event instanceof ImportResult r) {
                        finished(r);
                    }
                }, () -> { }, this::failed);
    }

    private void progressed(ImportProgress p) {
        task.setProgress(p.phase() == ImportProgress.Phase.INDEXING ? -1 : p.fraction());
        bytes.set(Message.of("ui.import.bytesOf", Formats.bytes(p.bytesRead()), Formats.bytes(p.totalBytes()),
                p.totalRows()));
        showTables(p.rowsPerTable(), p.phase() == ImportProgress.Phase.READING ? p.table() : null);
        if (!cancelling.get()) {
            task.setMessage(switch (p.phase()) {
                case READING -> Message.of("ui.import.status.reading", p.table() == null
                        ? dump.get().getFileName().toString() : p.table());
                case INDEXING -> Message.of("ui.import.status.indexing");
                case DONE -> Message.of("ui.import.status.done");
            });
        }
    }

    private void showTables(Map<String, Long> rows, String current) {
        // one change per update: the table view redraws once
        tables.setAll(rows.entrySet().stream().map(e -> new TableRows(e.getKey(), e.getValue(),
                e.getKey().equals(current))).toList());
    }

    private void finished(ImportResult r) {
        task.ended();
        cancelling.set(false);
        task.setProgress(1);
        showTables(r.rowsPerTable(), null);
        bytes.set(Message.of("ui.import.bytes", Formats.bytes(r.dumpBytes()), r.totalRows()));
        result.set(r);
        task.setMessage(r.warnings().isEmpty()
                ? Message.of("ui.import.status.imported", r.totalRows(), r.snapshot().getFileName().toString(),
                        r.elapsed().toMillis() / 1000.0)
                : Message.of("ui.import.status.importedWarnings", r.totalRows(), r.snapshot().getFileName().toString(),
                        r.elapsed().toMillis() / 1000.0, String.join(" ", r.warnings())));
        open.accept(r.snapshot());
    }

    private void failed(Throwable t) {
        boolean wasCancelling = cancelling.get();
        cancelling.set(false);
        task.setProgress(0);
        if (t instanceof SourceException se && se.reason() == SourceException.Reason.CANCELLED || wasCancelling) {
            task.setMessage(Message.of("ui.import.status.cancelled"));
            return;
        }
        task.setMessage(Message.of("ui.import.status.failed"));
        if (t instanceof FileAlreadyExistsException) {
            task.fail(Message.of("ui.import.exists", target.get().toString()));
        } else {
            task.fail(t);
        }
    }

    /** Stops the import; it removes what it wrote and then reports "Cancelled". */
    public void cancel() {
        if (task.isRunning() && !cancelling.get()) {
            cancelling.set(true);
            task.setMessage(Message.of("ui.import.status.cancelling"));
            importer.cancel();
        }
    }

    public ReadOnlyObjectProperty<Path> dumpProperty() {
        return dump.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Path> targetProperty() {
        return target.getReadOnlyProperty();
    }


    /** "12.3 MiB of 45.6 MiB read · 123,456 rows", in the language it was written in. */
    public ReadOnlyStringProperty bytesProperty() {
        return bytes.textProperty();
    }

    /** {@link #bytesProperty()} as a message (null before the first progress), for a view to show. */
    public ReadOnlyObjectProperty<Message> bytesMessageProperty() {
        return bytes.messageProperty();
    }

    public ReadOnlyObjectProperty<ImportResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** Rows read per table, in the dump's order. */
    public ObservableList<TableRows> tables() {
        return tablesReadOnly;
    }

    public BooleanBinding canCancelBinding() {
        return canCancel;
    }

    public BooleanBinding hasErrorBinding() {
        return hasError;
    }

    /** Stops a running import (its partial file is removed) when the window goes. */
    @Override
    public void close() {
        if (importer != null) {
            importer.cancel();
        }
        super.close();
    }
}
