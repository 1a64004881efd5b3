package dev.tpmconsole.app.bench;

import dev.tpmconsole.model.plan.Plan;
import dev.tpmconsole.views.run.RunViewModel;
import dev.tpmconsole.views.util.FxSchedulers;
import io.reactivex.rxjava3.schedulers.Schedulers;
import java.nio.file.Path;

/**
 * Benchmark of the run window's view-model, which the console makes on the FX thread in the window's first turn: the
 * time to make it for a plan of about ITEMS items (default 10,000) on a demo snapshot, once in a JVM (as the console
 * makes one a run), after one made for a plan of a few items (so that its classes are loaded, as a console that has
 * shown a window has loaded most of them). Usage: RunViewModelBenchmark DEMO_SNAPSHOT [ITEMS]
 */
public final class RunViewModelBenchmark {

    public static void main(String[] args) throws Exception {
        Path demo = Path.of(args[0]);
        Plan plan = RunBenchmark.plan(demo, args.length > 1 ? Integer.parseInt(args[1]) : 10_000).plan();
        Plan small = RunBenchmark.plan(demo, 20).plan();
        FxSchedulers schedulers = FxSchedulers.javafx(); // its background: where the rows' index is made
        new RunViewModel(null, schedulers, Schedulers.computation(), small).close();
        long start = System.nanoTime();
        RunViewModel vm = new RunViewModel(null, schedulers, Schedulers.computation(), plan);
        long took = System.nanoTime() - start;
        System.out.printf("run view-model of %,d items made in %.1f ms%n", vm.items().size(), took / 1e6);
        System.exit(0);
    }
}
