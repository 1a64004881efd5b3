package dev.tpmconsole.views.util;

import io.reactivex.rxjava3.core.Scheduler;
import io.reactivex.rxjava3.core.Single;
import io.reactivex.rxjava3.disposables.Disposable;
import io.reactivex.rxjava3.schedulers.Schedulers;
import io.reactivex.rxjava3.subjects.PublishSubject;
import io.reactivex.rxjava3.subjects.Subject;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs one view-model's queries in the background, one after the other, where only the latest request
 * counts: a request made while older ones wait makes them skip (they never reach the database), and a
 * result that arrives after a newer request was made is dropped on the FX thread. So a person typing in a
 * filter box gets the list of what is typed now, never the lists of every keystroke, and at most one
 * outdated query is still running. Results (and errors) are delivered on the FX scheduler only.
 *
 * <p>Requests come in generations: {@link #submit} starts a new one, {@link #follow} adds a follow-up (the next
 * page, the row count) to the current one. The generations are a stream {@code switchMap}s to the newest,
 * each a stream of jobs run one at a time ({@code concatMapSingle}) on one background thread.
 *
 * <p>{@link #submit}, {@link #next} and {@link #follow} are called on the FX thread.
 */
public final class LatestOnly implements AutoCloseable {

    private final Scheduler.Worker worker;
    private final Subject<Generation> generations = PublishSubject.create();
    private final Disposable subscription;
    private Generation current = new Generation(0);

    /** A generation's jobs, in the order they were asked for. */
    private record Generation(int id, Subject<Job<?>> jobs) {
        Generation(int id) {
            this(id, PublishSubject.<Job<?>>create().toSerialized());
        }
    }

    /** A job and where its outcome goes. */
    private record Job<T>(int generation, Callable<T> work, Consumer<T> onResult, Consumer<Throwable> onError) {
        /** Does the work (in the background) and returns the delivery of its outcome (for the FX thread). */
        Delivery run() {
            try {
                T value = work.call();
                return new Delivery(generation, () -> onResult.accept(value));
            } catch (Exception | LinkageError e) {
                return new Delivery(generation, () -> onError.accept(e));
            }
        }
    }

    /** A job's outcome on its way to the FX thread. */
    private record Delivery(int generation, Runnable deliver) {
    }

    public LatestOnly(FxSchedulers schedulers) {
        this.worker = schedulers.background().createWorker();
        Scheduler serial = Schedulers.from(worker::schedule);
        this.subscription = generations
                .switchMap(g -> g.jobs().concatMapSingle(job -> Single.fromCallable(job::run).subscribeOn(serial)))
                .observeOn(schedulers.fx())
                .subscribe(d -> {
                    if (d.generation() == current.id()) {
                        d.deliver().run();
                    }
                });
    }

    /** Starts a new generation: what was submitted before is outdated. Returns the new generation. */
    public int next() {
        current = new Generation(current.id() + 1);
        generations.onNext(current);
        return current.id();
    }

    /** The current generation. */
    public int current() {
        return current.id();
    }

    /** Makes every earlier request outdated and runs {@code work} as the latest one. */
    public <T> void submit(Callable<T> work, Consumer<T> onResult, Consumer<Throwable> onError) {
        follow(next(), work, onResult, onError);
    }

    /**
     * Runs {@code work} as part of generation {@code gen} (a follow-up such as the next page), unless that
     * generation is outdated by the time it would start or deliver.
     */
    public <T> void follow(int gen, Callable<T> work, Consumer<T> onResult, Consumer<Throwable> onError) {
        Objects.requireNonNull(work);
        if (gen == current.id()) {
            current.jobs().onNext(new Job<>(gen, work, onResult, onError));
        }
    }

    @Override
    public void close() {
        current = new Generation(current.id() + 1);
        subscription.dispose();
        worker.dispose();
    }
}
