package dev.tpmconsole.app;

import dev.tpmconsole.model.audit.AuditRule;
import dev.tpmconsole.model.audit.Auditor;
import dev.tpmconsole.model.audit.Finding;
import dev.tpmconsole.model.pipeline.Runs;
import dev.tpmconsole.model.plan.Plan;
import dev.tpmconsole.model.source.OpenOptions;
import dev.tpmconsole.model.source.Source;
import dev.tpmconsole.model.source.SourceException;
import dev.tpmconsole.model.source.SqliteSnapshot;
import dev.tpmconsole.views.run.RunService;
import io.reactivex.rxjava3.schedulers.Schedulers;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs plans from the window on the open snapshot: each run opens the snapshot for changes (the person
 * confirmed it) and closes it when the run ends; the re-audit reads it afresh.
 */
final class SnapshotRunService implements RunService {

    private final Source shown;

    SnapshotRunService(Source shown) {
        this.shown = shown;
    }

    private Path snapshot() throws SourceException {
        java.util.Optional<Path> file = shown.snapshotFile();
        if (file.isPresent()) {
            return file.get();
        }
        throw new SourceException(SourceException.Reason.UNSUPPORTED, "Runs on a live database are started from the"
                + " command line (apply), which checks that the management nodes are stopped");
    }

    @Override
    public Started start(Plan plan) throws Exception {
        Source writable = SqliteSnapshot.open(snapshot(), OpenOptions.writableOptions());
        try {
            Runs.Run run = Runs.start(writable, plan, null, Clock.systemUTC(), Schedulers.io());
            return started(run, writable);
        } catch (Exception e) {
            writable.close();
            throw e;
        }
    }

    @Override
    public Started resume(Path journal) throws Exception {
        Source writable = SqliteSnapshot.open(snapshot(), OpenOptions.writableOptions());
        try {
            return started(Runs.resume(writable, journal, Clock.systemUTC(), Schedulers.io()), writable);
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
        try (Source fresh = SqliteSnapshot.open(snapshot(), OpenOptions.readOnly())) {
            return new Auditor(fresh).run(Arrays.asList(AuditRule.values())).findings().stream()
                    .filter(f -> f.severity().needsAction() && vms.contains(f.vmUuid())).toList();
        }
    }
}
