package dev.tpmconsole.views.log;

import dev.tpmconsole.model.events.Event;
import dev.tpmconsole.model.events.EventLog;
import dev.tpmconsole.model.util.AtomicFiles;
import io.reactivex.rxjava3.core.Scheduler;
import io.reactivex.rxjava3.disposables.Disposable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The event log window's state: the events of an {@link EventLog} as they come (the last ones the log
 * keeps), filtered by the least level shown, the selected one, and their text for Copy and Save. FX thread
 * only; events arrive through {@code fx}.
 */
public final class EventLogViewModel implements AutoCloseable {

    private final EventLog log;
    private final ObservableList<Event> all = FXCollections.observableArrayList();
    private final FilteredList<Event> shown = new FilteredList<>(all);
    private final ObjectProperty<Event.Level> minimumLevel = new SimpleObjectProperty<>(this, "minimumLevel",
            Event.Level.INFO);
    private final ObjectProperty<Event> selected = new SimpleObjectProperty<>(this, "selected");
    private final StringBinding count;
    private final Disposable subscription;

    public EventLogViewModel(EventLog log, Scheduler fx) {
        this.log = log;
        minimumLevel.addListener((o, a, b) -> shown.setPredicate(e -> e.level().compareTo(level()) >= 0));
        shown.setPredicate(e -> e.level().compareTo(level()) >= 0);
        count = Bindings.createStringBinding(() -> {
            long errors = all.stream().filter(e -> e.level() == Event.Level.ERROR).count();
            long warnings = all.stream().filter(e -> e.level() == Event.Level.WARNING).count();
            return shown.size() < all.size()
                    ? dev.tpmconsole.views.util.I18n.t("ui.eventlog.countShown", all.size(), errors, warnings, shown.size())
                    : dev.tpmconsole.views.util.I18n.t("ui.eventlog.count", all.size(), errors, warnings);
        }, all, shown, dev.tpmconsole.views.util.I18n.languageProperty());
        subscription = log.events().observeOn(fx).subscribe(this::add);
    }

    private Event.Level level() {
        return minimumLevel.get() == null ? Event.Level.INFO : minimumLevel.get();
    }

    private void add(Event e) {
        all.add(e);
        if (all.size() > log.capacity()) {
            all.remove(0, all.size() - log.capacity());
        }
    }

    /** The events shown, oldest first. */
    public ObservableList<Event> events() {
        return shown;
    }

    public ObjectProperty<Event.Level> minimumLevelProperty() {
        return minimumLevel;
    }

    public ObjectProperty<Event> selectedProperty() {
        return selected;
    }

    /** "12 events · 1 error · 2 warnings", and how many are shown when a filter hides some. */
    public StringBinding countBinding() {
        return count;
    }

    /** The selected event's text with its details, for the pane under the table. */
    public StringBinding detailsBinding() {
        return Bindings.createStringBinding(() -> selected.get() == null ? "" : selected.get().toText(), selected);
    }

    /** The file the log is appended to, or null. */
    public Path file() {
        return log.file();
    }

    /** These events as text, one after the other, as the log file holds them. */
    public static String text(List<Event> events) {
        return events.stream().map(Event::toText).collect(Collectors.joining("\n", "", events.isEmpty() ? "" : "\n"));
    }

    /** Every event shown, as text. */
    public String shownText() {
        return text(List.copyOf(shown));
    }

    /** Writes the events shown to {@code file} (replaced whole, never half-written). */
    public void save(Path file) throws IOException {
        byte[] bytes = shownText().getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    @Override
    public void close() {
        subscription.dispose();
    }
}
