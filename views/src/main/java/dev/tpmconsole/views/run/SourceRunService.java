package dev.tpmconsole.views.run;

import dev.tpmconsole.model.audit.AuditRule;
import dev.tpmconsole.model.audit.Auditor;
import dev.tpmconsole.model.audit.Finding;
import dev.tpmconsole.model.catalogue.Catalogue;
import dev.tpmconsole.model.catalogue.CloudMarkers;
import dev.tpmconsole.model.catalogue.RunKind;
import dev.tpmconsole.model.catalogue.RunOutcome;
import dev.tpmconsole.model.pipeline.RunEvent;
import dev.tpmconsole.model.pipeline.Runs;
import dev.tpmconsole.model.plan.Plan;
import dev.tpmconsole.model.source.LiveWriteGuard;
import dev.tpmconsole.model.source.OpenOptions;
import dev.tpmconsole.model.source.Source;
import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.core.Scheduler;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs plans from the window on the open source: each run opens it again for changes (the person confirmed
 * the run, and for a live database stated that the management nodes are stopped) and closes it when the run
 * ends; the re-audit reads it afresh. A snapshot is backed up into the run folder first; for a live database
 * the rows the plan touches are written there as an SQL script.
 */
public final class SourceRunService implements RunService {

    private final Source shown;
    private final Path dataDir;
    private final Scheduler items;
    private final Runs.HostWork overSsh;
    private final java.util.function.Supplier<Catalogue> catalogue;
    private final java.util.function.Consumer<String> warn;

    /**
     * @param dataDir where runs on a live database keep their folders ({@code runs/<time>/})
     * @param items   where the pipeline runs its items (tests pass a synchronous one)
     * @param overSsh   does host work on the hosts, for the runs that ask for it (null: none can)
     * @param catalogue where runs are recorded (its start, then how it ended); null from it: not recorded
     * @param warn      told, in one line, when the catalogue could not record a run (the run goes on)
     */
    public SourceRunService(Source shown, Path dataDir, Scheduler items, Runs.HostWork overSsh,
                            java.util.function.Supplier<Catalogue> catalogue, java.util.function.Consumer<String> warn) {
        this.shown = shown;
        this.dataDir = dataDir;
        this.items = items;
        this.overSsh = overSsh;
        this.catalogue = catalogue;
        this.warn = warn;
    }

    /** Runs whose host work is exported, recorded nowhere. */
    public SourceRunService(Source shown, Path dataDir, Scheduler items) {
        this(shown, dataDir, items, null, () -> null, w -> { });
    }

    /** Beside the snapshot by default; in the data folder for a live database. */
    private Path journalFor(Source source) {
        if (source.snapshotFile().isPresent()) {
            return null;
        }
        String stamp = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                .withZone(java.time.ZoneOffset.UTC).format(java.time.Instant.now());
        return dataDir.resolve("runs").resolve(stamp).resolve(Runs.JOURNAL);
    }

    @Override
    public Started start(Plan plan, boolean hostWorkOverSsh) throws Exception {
        if (hostWorkOverSsh && overSsh == null) {
            throw new IllegalStateException(dev.tpmconsole.views.util.I18n.t("ui.run.noSsh"));
        }
        Source writable = shown.reopen(OpenOptions.writableOptions());
        try {
            // the confirmation of a run on a live database states that the management nodes are stopped
            LiveWriteGuard.check(writable, true, Clock.systemUTC());
            if (hostWorkOverSsh) {
                dev.tpmconsole.model.hosts.HostScanner.refuseDemo(writable);
            }
            Runs.Run run = Runs.start(writable, plan, journalFor(writable), Clock.systemUTC(), items,
                    hostWorkOverSsh ? overSsh : null);
            return started(run, writable, record(writable, run, false));
        } catch (Exception e) {
            writable.close();
            throw e;
        }
    }

    @Override
    public Started resume(Path journal) throws Exception {
        Source writable = shown.reopen(OpenOptions.writableOptions());
        try {
            LiveWriteGuard.check(writable, true, Clock.systemUTC());
            Runs.Run run = Runs.resume(writable, journal, Clock.systemUTC(), items, overSsh);
            return started(run, writable, record(writable, run, true));
        } catch (Exception e) {
            writable.close();
            throw e;
        }
    }

    /**
     * The run's events; its connections, lock and files are closed before its stream completes (or fails), so that
     * whoever starts on its end (the re-audit, the main window's recount, a retry) finds the database let go.
     */
    private static Started started(Runs.Run run, Source writable, Observable<RunEvent> events) {
        return new Started(Observable.using(() -> run, r -> events, r -> {
            try {
                r.close();
            } finally {
                writable.close();
            }
        }, true), run.journalFile(), run.folder());
    }

    /**
     * The run's events, recording the run in the catalogue: its start now (its cloud read before anything
     * changes), how it ended when it has. A catalogue problem is a warning; the run is the same.
     */
    private Observable<RunEvent> record(Source writable, Runs.Run run, boolean resumed) {
        Catalogue c = catalogue.get();
        if (c == null) {
            return run.events();
        }
        long id;
        try {
            String operation = run.prepared().plan().operation();
            id = c.runStarted(CloudMarkers.read(writable), RunKind.ofPlan(operation), operation, resumed, run.journalFile().resolveSibling(Runs.PLAN).toString(),
                    run.journalFile().toString());
        } catch (Catalogue.Failure | java.sql.SQLException e) {
            warn.accept(dev.tpmconsole.views.util.I18n.t("ui.run.note.notRecorded", e.getLocalizedMessage()));
            return run.events();
        }
        int[] counts = new int[2];
        return run.events()
                .doOnNext(e -> {
                    if (e instanceof RunEvent.ItemDone) {
                        counts[0]++;
                    } else if (e instanceof RunEvent.ItemFailed) {
                        counts[1]++;
                    } else if (e instanceof RunEvent.RunEnded end) {
                        ended(c, id, RunOutcome.of(end.outcome()), end.done(), end.failed(),
                                end.skipped(), null);
                    }
                })
                .doOnError(t -> ended(c, id, RunOutcome.STOPPED, counts[0], counts[1], 0, t.getMessage()));
    }

    private void ended(Catalogue c, long id, RunOutcome outcome, int done, int failed, int skipped, String message) {
        try {
            c.runEnded(id, outcome, done, failed, skipped, message);
        } catch (Catalogue.Failure e) {
            warn.accept(dev.tpmconsole.views.util.I18n.t("ui.run.note.endNotRecorded", e.getLocalizedMessage()));
        }
    }

    @Override
    public List<Finding> residue(List<String> vmUuids) throws Exception {
        Set<String> vms = new HashSet<>(vmUuids);
        try (Source fresh = shown.reopen(OpenOptions.readOnly())) {
            // one processor left to the FX thread and the renderer (the main window reads its lists again after)
            int workers = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
            return new Auditor(fresh, workers).run(Arrays.asList(AuditRule.values())).findings().stream()
                    .filter(f -> f.severity().needsAction() && vms.contains(f.vmUuid())).toList();
        }
    }
}
