package dev.tpmconsole.app.bench;

import dev.tpmconsole.model.plan.PlanPreview;
import dev.tpmconsole.model.plan.Planner;
import dev.tpmconsole.model.source.OpenOptions;
import dev.tpmconsole.model.source.SqliteSnapshot;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * Plans "remove TPM" for the first VMS VMs with a TPM of a snapshot (by uuid, as {@link RunBenchmark} does), RUNS
 * times, and prints each plan's items, rows and time. The memory it needs is read by {@code bench/plan-memory.sh}
 * from the JVM's collector log. Usage: PlanBenchmark SNAPSHOT VMS [RUNS]
 */
public final class PlanBenchmark {

    private PlanBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: PlanBenchmark SNAPSHOT VMS [RUNS]");
            System.exit(2);
        }
        Path snapshot = Path.of(args[0]);
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        List<String> vms = RunBenchmark.vmsWithTpm(snapshot, Integer.parseInt(args[1]));
        for (int run = 1; run <= runs; run++) {
            long start = System.nanoTime();
            PlanPreview p;
            try (SqliteSnapshot s = SqliteSnapshot.open(snapshot, OpenOptions.readOnly())) {
                p = new Planner(s, Clock.systemUTC()).remove(vms);
            }
            long ms = (System.nanoTime() - start) / 1_000_000;
            int items = p.plan().steps().stream().mapToInt(x -> x.items().size()).sum();
            System.out.printf("plan %d: %,d VMs, %,d items, %,d rows deleted, in %,d ms%n", run, vms.size(), items,
                    p.plan().deletes().size(), ms);
        }
    }
}
