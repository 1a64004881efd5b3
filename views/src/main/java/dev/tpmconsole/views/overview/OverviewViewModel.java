package dev.tpmconsole.views.overview;

import dev.tpmconsole.model.audit.AuditRule;
import dev.tpmconsole.model.catalogue.Audit;
import dev.tpmconsole.model.catalogue.Catalogue;
import dev.tpmconsole.model.catalogue.CloudMarkers;
import dev.tpmconsole.model.i18n.Message;
import dev.tpmconsole.model.source.Source;
import dev.tpmconsole.model.stats.CloudStats;
import dev.tpmconsole.views.util.FxSchedulers;
import dev.tpmconsole.views.util.MessageProperty;
import io.reactivex.rxjava3.core.Single;
import io.reactivex.rxjava3.disposables.CompositeDisposable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Summary tab's overview of the open source's cloud: from the catalogue, its audits over time (findings per
 * rule), what the last audit found new and resolved, and the acknowledged findings; from the source, its TPMs by
 * key state and its hosts' files and backups. Both load in the background (the catalogue's part first: it is small
 * however large the cloud). The catalogue's part is read again after an audit or scan is recorded; the source's part
 * only when another source is shown or a run changed it ({@link #sourceChanged()}): on a large cloud it is the
 * costly one, and nothing else changes it.
 */
public final class OverviewViewModel implements AutoCloseable {

    /** How many hosts the host chart shows (the busiest). */
    public static final int HOSTS_SHOWN = 15;

    /** One audit as the chart plots it. */
    public record AuditPoint(long id, Instant at, int findings, int newFindings, int resolvedFindings,
                             java.util.Map<String, Long> counts) {
    }

    private final ObservableValue<Source> source;
    private final ObservableValue<Catalogue> catalogue;
    private final FxSchedulers schedulers;

    private final ReadOnlyStringWrapper cloudName = new ReadOnlyStringWrapper(this, "cloudName", "");
    private final MessageProperty historyStatus = new MessageProperty(this, "historyStatus", null);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ObservableList<AuditPoint> audits = FXCollections.observableArrayList();
    private final ObservableList<AuditPoint> auditsReadOnly = FXCollections.unmodifiableObservableList(audits);
    private final ObservableList<String> rules = FXCollections.observableArrayList();
    private final ObservableList<String> rulesReadOnly = FXCollections.unmodifiableObservableList(rules);
    private final ObservableList<Catalogue.FindingEntry> added = FXCollections.observableArrayList();
    private final ObservableList<Catalogue.FindingEntry> addedReadOnly = FXCollections.unmodifiableObservableList(added);
    private final ObservableList<Catalogue.FindingEntry> resolved = FXCollections.observableArrayList();
    private final ObservableList<Catalogue.FindingEntry> resolvedReadOnly =
            FXCollections.unmodifiableObservableList(resolved);
    private final ObservableList<Catalogue.AckEntry> acks = FXCollections.observableArrayList();
    private final ObservableList<Catalogue.AckEntry> acksReadOnly = FXCollections.unmodifiableObservableList(acks);
    private final MessageProperty changesTitle = new MessageProperty(this, "changesTitle", null);
    private final ReadOnlyObjectWrapper<CloudStats> stats = new ReadOnlyObjectWrapper<>(this, "stats");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final CompositeDisposable loads = new CompositeDisposable();
    private final CompositeDisposable statsLoads = new CompositeDisposable();
    private final BooleanProperty catalogueOpening = new SimpleBooleanProperty(this, "catalogueOpening");
    private final BooleanProperty active = new SimpleBooleanProperty(this, "active", true);
    /** Something changed while the overview was not shown: it reads again when it is. */
    private boolean stale;
    private boolean closed;
    /** The source whose data {@link #stats} shows (or is being read for); null: to be read. */
    private Source statsOf;
    private boolean historyLoading;
    private boolean statsLoading;

    public OverviewViewModel(ObservableValue<Source> source, ObservableValue<Catalogue> catalogue,
                             FxSchedulers schedulers) {
        this.source = source;
        this.catalogue = catalogue;
        this.schedulers = schedulers;
        // on the FX scheduler: the window may hide the overview in answer to the same change (a source opened from
        // the Summary tab shows the VM list), and then the overview reads nothing until it is shown again
        source.addListener((o, a, b) -> {
            statsOf = null;
            schedulers.fx().scheduleDirect(this::refresh);
        });
        catalogue.addListener((o, a, b) -> refresh());
        active.addListener((o, a, b) -> {
            if (b && stale) {
                refresh();
            }
        });
        catalogueOpening.addListener((o, a, b) -> {
            if (catalogue.getValue() == null) {
                refresh();
            }
        });
        refresh();
    }

    /**
     * Whether the overview is shown (the window binds it to its Summary tab). While it is not, nothing is read: on a
     * large cloud the source's part is seconds of the database's work that would compete with the VM list's first
     * rows; what changed meanwhile is read when it is shown.
     */
    public BooleanProperty activeProperty() {
        return active;
    }

    /** Whether the catalogue is still being opened (its history is then on its way, not missing). */
    public BooleanProperty catalogueOpeningProperty() {
        return catalogueOpening;
    }

    /** The source's data changed (another source, or a run changed it): both parts are read again. */
    public void sourceChanged() {
        statsOf = null;
        refresh();
    }

    /** What the catalogue's part shows. */
    private record History(String cloud, List<AuditPoint> audits, List<String> rules, Catalogue.Changes changes,
                           List<Catalogue.AckEntry> acks) {
    }

    /**
     * Reads the catalogue's part again, in the background, and the source's part if it was not read for the source
     * shown yet.
     */
    public void refresh() {
        if (closed) {
            return; // a refresh scheduled before the window went
        }
        Source s = source.getValue();
        if (s != null && !active.get()) {
            stale = true;
            return;
        }
        stale = false;
        loads.clear();
        Catalogue c = catalogue.getValue();
        error.set("");
        if (s == null) {
            statsLoads.clear();
            statsOf = null;
            clear();
            cloudName.set("");
            historyStatus.clear();
            stats.set(null);
            historyLoading = false;
            statsLoading = false;
            loading.set(false);
            return;
        }
        if (c == null) {
            clear();
            cloudName.set("");
            historyStatus.set(catalogueOpening.get() ? "ui.overview.status.opening" : "ui.overview.status.noCatalogue");
            historyLoading = false;
        } else {
            historyStatus.set("ui.overview.status.reading");
            historyLoading = true;
            loads.add(Single.fromCallable(() -> history(s, c))
                    .subscribeOn(schedulers.background())
                    .observeOn(schedulers.fx())
                    .subscribe(h -> {
                        if (source.getValue() == s) {
                            historyLoading = false;
                            show(h);
                            updateLoading();
                        }
                    }, this::failed));
        }
        if (statsOf != s) {
            statsOf = s;
            statsLoads.clear();
            statsLoading = true;
            statsLoads.add(Single.fromCallable(() -> CloudStats.read(s, HOSTS_SHOWN))
                    .subscribeOn(schedulers.background())
                    .observeOn(schedulers.fx())
                    .subscribe(st -> {
                        if (source.getValue() == s) {
                            statsLoading = false;
                            stats.set(st);
                            updateLoading();
                        }
                    }, e -> {
                        statsOf = null;
                        failed(e);
                    }));
        }
        updateLoading();
    }

    private void updateLoading() {
        loading.set(historyLoading || statsLoading);
    }

    private static History history(Source s, Catalogue c) throws Exception {
        CloudMarkers markers = CloudMarkers.read(s);
        Optional<Catalogue.CloudEntry> cloud = c.cloudOf(markers);
        if (cloud.isEmpty()) {
            return new History(markers.label(), List.of(), List.of(), null, List.of());
        }
        long id = cloud.get().id();
        List<AuditPoint> points = new ArrayList<>();
        Set<String> withFindings = new LinkedHashSet<>();
        for (Catalogue.AuditEntry a : c.history(id, Audit.AUDIT)) {
            points.add(new AuditPoint(a.id(), a.startedAt(), a.findings(), a.newFindings(), a.resolvedFindings(),
                    a.counts()));
            a.counts().forEach((rule, n) -> {
                if (n > 0) {
                    withFindings.add(rule);
                }
            });
        }
        List<String> rules = new ArrayList<>();
        for (AuditRule r : AuditRule.values()) {
            if (withFindings.contains(r.name())) {
                rules.add(r.name());
            }
        }
        Catalogue.Changes changes = points.isEmpty() ? null : c.changes(points.get(points.size() - 1).id());
        return new History(cloud.get().displayName(), points, rules, changes, c.acknowledgements(id));
    }

    private void show(History h) {
        cloudName.set(h.cloud());
        audits.setAll(h.audits());
        rules.setAll(h.rules());
        acks.setAll(h.acks());
        if (h.changes() == null) {
            added.clear();
            resolved.clear();
            changesTitle.clear();
            historyStatus.set("ui.overview.status.noAudit");
            return;
        }
        added.setAll(h.changes().added());
        resolved.setAll(h.changes().resolved());
        AuditPoint last = h.audits().get(h.audits().size() - 1);
        changesTitle.set(h.audits().size() == 1 ? Message.of("ui.overview.changes.first")
                : Message.of("ui.overview.changes.since", last.newFindings(), last.resolvedFindings()));
        historyStatus.set("ui.overview.status.audits", h.audits().size(),
                last.at(), last.findings());
    }

    private void clear() {
        audits.clear();
        rules.clear();
        added.clear();
        resolved.clear();
        acks.clear();
        changesTitle.clear();
    }

    private void failed(Throwable t) {
        historyLoading = false;
        statsLoading = false;
        loading.set(false);
        error.set(t.getLocalizedMessage() != null ? t.getLocalizedMessage() : t.toString());
        historyStatus.set("ui.overview.status.failed", error.get());
    }

    public ReadOnlyStringProperty cloudNameProperty() {
        return cloudName.getReadOnlyProperty();
    }

    /** The status of the history, in the language it was written in. */
    public ReadOnlyStringProperty historyStatusProperty() {
        return historyStatus.textProperty();
    }

    /** {@link #historyStatusProperty()} as a message (null: none), for a view to show in the language of the moment. */
    public ReadOnlyObjectProperty<Message> historyStatusMessageProperty() {
        return historyStatus.messageProperty();
    }

    /** What the last audit changed, in the language it was written in (empty: no audit yet). */
    public ReadOnlyStringProperty changesTitleProperty() {
        return changesTitle.textProperty();
    }

    /** {@link #changesTitleProperty()} as a message (null: none). */
    public ReadOnlyObjectProperty<Message> changesTitleMessageProperty() {
        return changesTitle.messageProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Whether a part of the overview is still loading. */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** The cloud's audits, oldest first. */
    public ObservableList<AuditPoint> audits() {
        return auditsReadOnly;
    }

    /** The rules that found something in at least one audit, in catalogue order: the chart's series. */
    public ObservableList<String> rules() {
        return rulesReadOnly;
    }

    /** What the last audit saw first (at most {@link Catalogue#LISTED}). */
    public ObservableList<Catalogue.FindingEntry> added() {
        return addedReadOnly;
    }

    /** What the last audit no longer reported (at most {@link Catalogue#LISTED}). */
    public ObservableList<Catalogue.FindingEntry> resolved() {
        return resolvedReadOnly;
    }

    public ObservableList<Catalogue.AckEntry> acknowledgements() {
        return acksReadOnly;
    }

    public ReadOnlyObjectProperty<CloudStats> statsProperty() {
        return stats.getReadOnlyProperty();
    }

    @Override
    public void close() {
        closed = true;
        loads.dispose();
        statsLoads.dispose();
    }
}
