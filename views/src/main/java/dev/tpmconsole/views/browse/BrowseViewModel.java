package dev.tpmconsole.views.browse;

import dev.tpmconsole.model.browse.BrowseQueries;
import dev.tpmconsole.model.source.Source;
import dev.tpmconsole.views.util.FxSchedulers;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The browse views' state: the VM list and the selected VM's details, the hosts and the key providers,
 * all over the queries of the open source. The source comes from the main window; the factory (given by
 * the app) decides which {@link dev.tpmconsole.model.browse.DirtyVmIndex} answers "dirty".
 */
public final class BrowseViewModel implements AutoCloseable {

    /** Rows fetched per page: a few screens' worth. */
    public static final int PAGE_SIZE = 200;

    private final Function<Source, BrowseQueries> queriesFactory;
    private final VmListViewModel vms;
    private final VmDetailsViewModel details;
    private final HostListViewModel hosts;
    private final ProviderListViewModel providers;
    private final dev.tpmconsole.views.hosts.HostScanViewModel scan;
    private final ReadOnlyObjectWrapper<BrowseQueries> queries = new ReadOnlyObjectWrapper<>(this, "queries");

    public BrowseViewModel(FxSchedulers schedulers, Function<Source, BrowseQueries> queriesFactory) {
        this(schedulers, queriesFactory, null, null);
    }

    /**
     * @param hostScans reaches the hosts for a scan from the Hosts tab (null: this console does not)
     * @param prompts   asks for passphrases and unknown host keys during a scan
     */
    public BrowseViewModel(FxSchedulers schedulers, Function<Source, BrowseQueries> queriesFactory,
                           dev.tpmconsole.views.hosts.HostScanService hostScans, dev.tpmconsole.model.ssh.SshPrompts prompts) {
        this.queriesFactory = Objects.requireNonNull(queriesFactory);
        this.scan = new dev.tpmconsole.views.hosts.HostScanViewModel(schedulers, hostScans, prompts,
                java.time.Clock.systemUTC());
        this.vms = new VmListViewModel(schedulers, PAGE_SIZE);
        this.details = new VmDetailsViewModel(schedulers);
        this.hosts = new HostListViewModel(schedulers, PAGE_SIZE);
        this.providers = new ProviderListViewModel(schedulers, PAGE_SIZE);
        vms.selectedProperty().addListener((o, a, b) -> details.show(b == null ? null : b.uuid()));
        details.lastScanProperty().bind(scan.reportProperty());
        // once the VMs' first rows are shown (not before: they come first), the details and the filter box get ready,
        // and the rows are counted (firstRowsShown); for each source, the first one's and those opened after it (whose
        // rows replace rows already loaded). Shown means painted: that work starts after the pulse that lays the rows
        // out, whose CSS and layout would otherwise wait for one of two cores behind it (a 100,000-VM snapshot's names,
        // read for the filter box, took 45-55 ms of CPU in that pulse's 55-65 ms: decision 0040), and, in a window
        // whose list makes its first screenful of rows a few a pulse, after the pulse that makes the last of them
        // (FxSchedulers.afterPaint, decision 0046).
        javafx.beans.InvalidationListener shown = o -> {
            BrowseQueries q = queries.get();
            if (q == null || !rowsSettled() || afterPaint == q || warmed == q && firstRowsShown.get() == q.source()) {
                return;
            }
            afterPaint = q;
            schedulers.afterPaint().accept(() -> {
                if (afterPaint == q) {
                    afterPaint = null;
                }
                // read again now: another source since, or its rows read again meanwhile, say so themselves when done
                if (closed || queries.get() != q || !rowsSettled()) {
                    return;
                }
                if (vms.rows().loadedProperty().get() && warmed != q) {
                    warmed = q;
                    details.warmUp();
                }
                firstRowsShown.set(q.source());
            });
        };
        vms.rows().loadingProperty().addListener(shown);
        vms.rows().loadedProperty().addListener(shown);
        vms.rows().errorProperty().addListener(shown);
    }

    private final javafx.beans.property.ReadOnlyObjectWrapper<Source> firstRowsShown =
            new javafx.beans.property.ReadOnlyObjectWrapper<>(this, "firstRowsShown");

    /**
     * The last source whose first VM rows were shown (or could not be read), set once the pulse after them has painted
     * them, and the list's first screenful of rows is made ({@link FxSchedulers#afterPaint()}): what else a source's
     * opening reads (the row counts of every table, the catalogue) waits for it, so that the rows come first.
     */
    public javafx.beans.property.ReadOnlyObjectProperty<Source> firstRowsShownProperty() {
        return firstRowsShown.getReadOnlyProperty();
    }

    /** The queries warmed up (the details' findings, a snapshot's VMs by name) since they were made or refreshed. */
    private BrowseQueries warmed;
    /** The queries whose first rows wait for the pulse that paints them (null: none). */
    private BrowseQueries afterPaint;
    private boolean closed;

    /** Whether the VM list's rows are read (shown), or could not be: not while they are being read. */
    private boolean rowsSettled() {
        return !vms.rows().loadingProperty().get()
                && (vms.rows().loadedProperty().get() || !vms.rows().errorProperty().get().isEmpty());
    }

    /** Browses another source (null: none). Called on the FX thread when the main window opened one. */
    public void setSource(Source source) {
        BrowseQueries q = source == null ? null : queriesFactory.apply(source);
        queries.set(q);
        details.setQueries(q);
        vms.setQueries(q);
        hosts.setQueries(q);
        providers.setQueries(q);
        scan.sourceProperty().set(source);
    }

    /** Queries every list again, the VMs with dirty rows included (the database may have changed underneath). */
    public void reload() {
        BrowseQueries q = queries.get();
        if (q != null) {
            q.refresh();
            warmed = null;
        }
        vms.reload();
        hosts.reload();
        providers.reload();
        details.show(details.shownUuidProperty().get());
    }

    public ReadOnlyObjectProperty<BrowseQueries> queriesProperty() {
        return queries.getReadOnlyProperty();
    }

    public VmListViewModel vms() {
        return vms;
    }

    public VmDetailsViewModel details() {
        return details;
    }

    public HostListViewModel hosts() {
        return hosts;
    }

    public ProviderListViewModel providers() {
        return providers;
    }

    /** The host scan of the Hosts tab. */
    public dev.tpmconsole.views.hosts.HostScanViewModel scan() {
        return scan;
    }

    @Override
    public void close() {
        closed = true;
        vms.close();
        details.close();
        hosts.close();
        providers.close();
        scan.close();
    }
}
