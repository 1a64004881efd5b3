package dev.tpmconsole.model.pipeline;

import dev.tpmconsole.model.plan.Plan;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** Exports host work (the console cannot reach hosts from a database copy: it never marks it done). */
public interface HostWorkPort {

    /** Writes the work out; returns, by {@code order}, the entries refused by validation with the reason. */
    Map<Integer, String> export(List<Plan.HostWork> work) throws IOException;
}
