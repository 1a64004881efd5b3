package dev.tpmconsole.views.run;

import dev.tpmconsole.model.audit.Finding;
import dev.tpmconsole.model.pipeline.RunEvent;
import dev.tpmconsole.model.plan.Plan;
import io.reactivex.rxjava3.core.Observable;
import java.nio.file.Path;
import java.util.List;

/** What the run view needs from the model; the app wires the real one (a writable copy of the open source). */
public interface RunService {

    /** A started run: its events (subscribing applies it) and its journal. */
    record Started(Observable<RunEvent> events, Path journal, Path folder) {
    }

    /**
     * Checks the plan (refusing a stale one, nothing written) and prepares its run, its host work done on the
     * hosts over SSH or exported as scripts.
     */
    Started start(Plan plan, boolean hostWorkOverSsh) throws Exception;

    /** Prepares the resumption of a run: failed and unstarted items run (again), host work as the run began it. */
    Started resume(Path journal) throws Exception;

    /** The audit's orphan and suspect findings about these VMs now: empty means no residue. */
    List<Finding> residue(List<String> vmUuids) throws Exception;
}
