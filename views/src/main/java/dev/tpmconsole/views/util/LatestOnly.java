package dev.tpmconsole.views.util;

import io.reactivex.rxjava3.core.Scheduler;
import io.reactivex.rxjava3.core.Single;
import io.reactivex.rxjava3.disposables.CompositeDisposable;
import io.reactivex.rxjava3.schedulers.Schedulers;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs one view-model's queries in the background, one after the other, where only the latest request
 * counts: a request made while older ones wait makes them skip (they never reach the database), and a
 * result that arrives after a newer request was made is dropped on the FX thread. So a person typing in a
 * filter box gets the list of what is typed now, never the lists of every keystroke, and at most one
 * outdated query is still running. Results (and errors) are delivered on the FX scheduler only.
 *
 * <p>{@link #submit} and {@link #follow} are called on the FX thread.
 */
public final class LatestOnly implements AutoCloseable {

    private final Scheduler.Worker worker;
    private final Scheduler serial;
    private final Scheduler fx;
    private final AtomicInteger generation = new AtomicInteger();
    private final CompositeDisposable running = new CompositeDisposable();

    public LatestOnly(FxSchedulers schedulers) {
        this.worker = schedulers.background().createWorker();
        this.serial = Schedulers.from(worker::schedule);
        this.fx = schedulers.fx();
    }

    /** Starts a new generation: what was submitted before is outdated. Returns the new generation. */
    public int next() {
        return generation.incrementAndGet();
    }

    /** The current generation. */
    public int current() {
        return generation.get();
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
        running.add(Single.fromCallable(() -> {
                    if (gen != generation.get()) {
                        return Outcome.<T>skip();
                    }
                    try {
                        return Outcome.of(work.call());
                    } catch (Exception | LinkageError e) {
                        return Outcome.<T>failed(e);
                    }
                })
                .subscribeOn(serial)
                .observeOn(fx)
                .subscribe(o -> {
                    if (o.skipped() || gen != generation.get()) {
                        return;
                    }
                    if (o.error() != null) {
                        onError.accept(o.error());
                    } else {
                        onResult.accept(o.value());
                    }
                }));
    }

    @Override
    public void close() {
        generation.incrementAndGet();
        running.dispose();
        worker.dispose();
    }

    private record Outcome<T>(T value, Throwable error, boolean skipped) {
        static <T> Outcome<T> of(T value) {
            return new Outcome<>(value, null, false);
        }

        static <T> Outcome<T> failed(Throwable e) {
            return new Outcome<>(null, e, false);
        }

        static <T> Outcome<T> skip() {
            return new Outcome<>(null, null, true);
        }
    }

    /** A message for a person: the exception's own, or its kind when it has none. */
    public static String message(Throwable t) {
        String m = t.getMessage();
        return m != null && !m.isBlank() ? m : t.toString();
    }
}
