package dev.tpmconsole.app;

import dev.tpmconsole.model.catalogue.Catalogue;
import dev.tpmconsole.model.catalogue.CloudMarkers;
import dev.tpmconsole.model.events.EventLog;
import dev.tpmconsole.model.hosts.HostScanReport;
import dev.tpmconsole.model.source.Source;
import dev.tpmconsole.views.main.MainViewModel;
import dev.tpmconsole.views.overview.OverviewViewModel;
import dev.tpmconsole.views.util.FxSchedulers;
import dev.tpmconsole.views.util.I18n;
import dev.tpmconsole.views.util.When;
import io.reactivex.rxjava3.core.Single;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableBooleanValue;

/**
 * The window's catalogue (history, acknowledgements, runs): opened in the background once the first rows are
 * painted, recording the Hosts tab's scans, closed with the window. Until it is open the overview says so; a
 * notice about it (a damaged one set aside, a newer console's left alone) goes under the menu bar and into the
 * event log, and so does any problem with it later: the catalogue never stops the console. FX thread, except
 * {@link #recordHostScan}.
 */
final class ConsoleCatalogue {

    private final ObjectProperty<Catalogue> catalogue = new SimpleObjectProperty<>(this, "catalogue");
    private final OverviewViewModel overview;
    private final MainViewModel main;
    private final EventLog log;
    private final FxSchedulers schedulers;
    /** Conditions {@link #once} waits for: their properties hold them only weakly. */
    private final List<ObservableBooleanValue> awaited = new ArrayList<>();
    private boolean closed;

    ConsoleCatalogue(MainViewModel main, EventLog log, FxSchedulers schedulers) {
        this.main = main;
        this.log = log;
        this.schedulers = schedulers;
        this.overview = new OverviewViewModel(main.sourceProperty(), catalogue, schedulers);
    }

    /** The catalogue, once open (null while it opens, or without one). */
    ObjectProperty<Catalogue> property() {
        return catalogue;
    }

    OverviewViewModel overview() {
        return overview;
    }

    /**
     * Opens {@code file} (none: null) once {@code firstShown} holds and the next pulse has painted the window:
     * starting its persistence layer takes seconds of CPU that would otherwise delay the first rows on a small
     * machine. Until then the overview says the catalogue is opening.
     */
    void openAfter(Path file, ObservableBooleanValue firstShown) {
        if (file == null) {
            return;
        }
        overview.catalogueOpeningProperty().set(true);
        once(firstShown, () -> When.afterNextPulse(() -> open(file)));
    }

    private void open(Path file) {
        Single.fromCallable(() -> {
                    Catalogue.Opened opened = Catalogue.open(file, Clock.systemUTC());
                    if (opened.usable()) {
                        try {
                            opened.catalogue().warmUp();
                        } catch (Catalogue.Failure | RuntimeException e) {
                            // the catalogue is used as it is: the overview says what it cannot read
                        }
                    }
                    return opened;
                })
                .subscribeOn(schedulers.background())
                .observeOn(schedulers.fx())
                .doFinally(() -> overview.catalogueOpeningProperty().set(false))
                .subscribe(opened -> {
                    if (opened.notice() != null) {
                        main.showNotice(opened.why());
                        log.warning("catalogue", opened.notice(), null);
                    }
                    if (!closed) {
                        catalogue.set(opened.catalogue());
                    } else if (opened.catalogue() != null) {
                        opened.catalogue().close();
                    }
                }, t -> log.error("catalogue", I18n.t("ui.event.catalogueCannotOpen", String.valueOf(t)), t));
    }

    /** Records a host scan of the Hosts tab (on the scan's thread); a problem with the catalogue goes to the event log. */
    void recordHostScan(Source source, HostScanReport report, long durationMs) {
        Catalogue c = catalogue.get();
        if (c == null) {
            return;
        }
        try {
            c.recordHostScan(CloudMarkers.read(source), report, durationMs);
            schedulers.fx().scheduleDirect(overview::refresh);
        } catch (Catalogue.Failure | SQLException | RuntimeException e) {
            log.warning("catalogue", I18n.t("ui.event.hostScanNotRecorded", e instanceof Catalogue.Failure
                    ? e.getLocalizedMessage() : I18n.t("ui.event.catalogueFailed", String.valueOf(e))), null);
        }
    }

    /** A problem of a run's or repair's recording, for the event log. */
    void warn(String problem) {
        log.warning("catalogue", problem, null);
    }

    /** Closes the catalogue and the overview; one still opening is closed when it has opened. */
    void close() {
        closed = true;
        overview.close();
        if (catalogue.get() != null) {
            catalogue.get().close();
        }
    }

    /**
     * Runs {@code action} once, on the FX thread, the first time {@code condition} holds (now if it does); the
     * condition is kept until then.
     */
    void once(ObservableBooleanValue condition, Runnable action) {
        awaited.add(condition);
        When.firstTrue(condition, () -> {
            awaited.remove(condition);
            action.run();
        });
    }
}
