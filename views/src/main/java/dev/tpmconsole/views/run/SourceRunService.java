package dev.tpmconsole.views.run;

import dev.tpmconsole.model.audit.AuditRule;
import dev.tpmconsole.model.audit.Auditor;
import dev.tpmconsole.model.audit.Finding;
import dev.tpmconsole.model.pipeline.Runs;
import dev.tpmconsole.model.plan.Plan;
import dev.tpmconsole.model.source.LiveWriteGuard;
import dev.tpmconsole.model.source.OpenOptions;
import dev.tpmconsole.model.source.Source;
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

    /**
     * @param dataDir where runs on a live database keep their folders ({@code runs/<time>/})
     * @param items   where the pipeline runs its items (tests pass a synchronous one)
     * @param overSsh does host work on the hosts, for the runs that ask for it (null: none can)
     */
    public SourceRunService(Source shown, Path dataDir, Scheduler items, Runs.HostWork overSsh) {
        this.shown = shown;
        this.dataDir = dataDir;
        this.items = items;
        this.overSsh = overSsh;
    }

    /** Runs whose host work is exported. */
    public SourceRunService(Source shown, Path dataDir, Scheduler items) {
        this(shown, dataDir, items, null);
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
            throw new IllegalStateException("this window cannot reach hosts over SSH");
        }
        Source writable = shown.reopen(OpenOptions.writableOptions());
        try {
            // the confirmation of a run on a live database states that the management nodes are stopped
            LiveWriteGuard.check(writable, true, Clock.systemUTC());
            if (hostWorkOverSsh) {
                dev.tpmconsole.model.hosts.HostScanner.refuseDemo(writable);
            }
            return started(Runs.start(writable, plan, journalFor(writable), Clock.systemUTC(), items,
                    hostWorkOverSsh ? overSsh : null), writable);
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
            return started(Runs.resume(writable, journal, Clock.systemUTC(), items, overSsh), writable);
        } catch (Exception e) {
            writable.close();
            throw e;
        }
    }

    private static Started started(Runs.Run run, Source writable) {
        return new Started(run.events().doFinally(() -> {
            run.close();
            writable.close();
        }), run.journalFile(), run.folder());
    }

    @Override
    public List<Finding> residue(List<String> vmUuids) throws Exception {
        Set<String> vms = new HashSet<>(vmUuids);
        try (Source fresh = shown.reopen(OpenOptions.readOnly())) {
            return new Auditor(fresh).run(Arrays.asList(AuditRule.values())).findings().stream()
                    .filter(f -> f.severity().needsAction() && vms.contains(f.vmUuid())).toList();
        }
    }
}
