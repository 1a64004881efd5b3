package dev.tpmconsole.app.commands;

import dev.tpmconsole.model.catalogue.RunKind;
import dev.tpmconsole.model.catalogue.RunOutcome;
import dev.tpmconsole.model.i18n.Message;
import dev.tpmconsole.model.i18n.Messages;
import dev.tpmconsole.model.pipeline.Pipeline;
import dev.tpmconsole.model.pipeline.RefusedException;
import dev.tpmconsole.model.pipeline.RunEvent;
import dev.tpmconsole.model.pipeline.RunStorageException;
import dev.tpmconsole.model.pipeline.Runs;
import dev.tpmconsole.model.plan.Plan;
import dev.tpmconsole.model.plan.PlanJson;
import dev.tpmconsole.model.source.OpenOptions;
import dev.tpmconsole.model.source.Source;
import io.reactivex.rxjava3.schedulers.Schedulers;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code apply SOURCE PLAN [--journal FILE]} and {@code apply --resume JOURNAL}: runs a plan through the
 * clean-up pipeline, changing SOURCE in place after a backup. Exit 0 every item done, 4 finished with failed
 * (or skipped) items, 1 refused before any change, 2 usage error.
 */
@Command(name = "apply", mixinStandardHelpOptions = true)
public final class ApplyCommand implements Callable<Integer> {

    public static final int FAILED_ITEMS = 4;

    @Spec
    CommandSpec spec;

    /** {@code --catalogue} / {@code --no-catalogue}: accepted by every command. */
    @picocli.CommandLine.Mixin
    CatalogueOption catalogue;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Mode mode;

    @picocli.CommandLine.Mixin
    SshOptions ssh;

    @Option(names = "--nodes-stopped")
    boolean nodesStopped;

    /** How host work is done. */
    public enum HostWorkMode { export, ssh }

    @Option(names = "--host-work", paramLabel = "MODE", defaultValue = "export")
    HostWorkMode hostWork = HostWorkMode.export;

    @picocli.CommandLine.Mixin
    HostParallelism hostParallelism;

    static final class Mode {
        @ArgGroup(exclusive = false)
        Fresh fresh;

        @Option(names = "--resume", paramLabel = "JOURNAL", required = true)
        Path resume;
    }

    static final class Fresh {
        @Parameters(index = "0", paramLabel = "SOURCE")
        String source;

        @Parameters(index = "1", paramLabel = "PLAN")
        Path plan;

        @Option(names = "--journal", paramLabel = "FILE")
        Path journal;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        String sourceSpec;
        Plan plan = null;
        if (mode.resume != null) {
            if (!Files.isRegularFile(mode.resume)) {
                err.println("tpm-console: " + Messages.text("cli.noJournal", mode.resume.toString()));
                return 1;
            }
            // the journal names a live database without its password: it comes from the environment again
            sourceSpec = dev.tpmconsole.model.source.JdbcUrls.stripPassword(Runs.sourceOf(mode.resume));
        } else {
            sourceSpec = mode.fresh.source;
            if (!Files.isRegularFile(mode.fresh.plan)) {
                err.println("tpm-console: " + Messages.text("cli.apply.noPlan", mode.fresh.plan.toString()));
                return 1;
            }
            try {
                plan = PlanJson.read(mode.fresh.plan);
            } catch (java.io.IOException e) {
                err.println("tpm-console: " + Messages.text("cli.apply.notAPlan", mode.fresh.plan.toString(),
                        e.getLocalizedMessage()));
                return 1;
            }
        }
        boolean overSsh = mode.resume != null ? startedOverSsh(mode.resume) : hostWork == HostWorkMode.ssh;
        int parallelism = hostParallelism.get(spec);
        Path catalogueFile = catalogue.file(spec);
        try (Source source = CliSources.open(sourceSpec, OpenOptions.writableOptions(), ssh);
             HostWorkOverSsh hosts = overSsh ? HostWorkOverSsh.open(source, ssh, parallelism) : null;
             CatalogueAccess access = CatalogueAccess.start(catalogueFile, err)) {
            dev.tpmconsole.model.source.LiveWriteGuard.check(source, nodesStopped, Clock.systemUTC());
            Runs.Run run;
            try {
                run = mode.resume != null
                        ? Runs.resume(source, mode.resume, Clock.systemUTC(), Schedulers.io(), hosts)
                        : Runs.start(source, plan, mode.fresh.journal, Clock.systemUTC(), Schedulers.io(), hosts);
            } catch (RefusedException e) {
                err.println("tpm-console: " + e.getLocalizedMessage());
                return 1;
            }
            try (run) {
                RunRecording recording = RunRecording.start(access, source,
                        RunKind.ofPlan(run.prepared().plan().operation()),
                        run.prepared().plan().operation(), mode.resume != null,
                        run.journalFile().resolveSibling(Runs.PLAN).toString(), run.journalFile().toString());
                Progress progress = new Progress(err, System.console() != null);
                RunEvent.RunEnded ended;
                try {
                    ended = (RunEvent.RunEnded) run.events().doOnNext(progress::accept)
                            .filter(RunEvent.RunEnded.class::isInstance).blockingLast();
                } catch (RuntimeException e) {
                    RunStorageException stop = Pipeline.storageFailure(e);
                    if (stop == null) {
                        throw e;
                    }
                    progress.finish();
                    out.println(Messages.text("cli.apply.stopped", progress.totalDone, progress.totalFailed,
                            run.folder().toString()));
                    out.flush();
                    err.println("tpm-console: " + Messages.text("cli.apply.stoppedResume", stop.getLocalizedMessage(),
                            Invocation.self() + " apply --resume " + Invocation.quoted(run.journalFile().toString())));
                    err.flush();
                    recording.ended(RunOutcome.STOPPED, progress.totalDone, progress.totalFailed, 0, stop.getMessage());
                    return FAILED_ITEMS;
                }
                progress.finish();
                out.println(Messages.text("cli.apply.ended", Message.of(ended.outcome() == RunEvent.Outcome.DONE
                                ? "cli.apply.done" : "cli.apply.finishedWithFailures"),
                        ended.done(), ended.failed(), ended.skipped(), run.folder().toString()));
                for (String f : progress.failures) {
                    out.println(Messages.text("cli.apply.failedItem", f));
                }
                for (String f : progress.skippedItems) {
                    out.println(Messages.text("cli.apply.skippedItem", f));
                }
                if (!progress.moves.isEmpty()) {
                    out.println(Messages.text("cli.apply.hostWork", progress.moves.entrySet().stream()
                            .map(e -> e.getValue() + " " + e.getKey()).collect(java.util.stream.Collectors.joining(", ")),
                            dev.tpmconsole.model.hosts.HostTrash.STATE_TRASH + "/"));
                }
                if (ended.outcome() != RunEvent.Outcome.DONE) {
                    out.println(Messages.text("cli.apply.retry", Invocation.self() + " apply --resume "
                            + Invocation.quoted(run.journalFile().toString())));
                }
                out.flush();
                recording.ended(RunOutcome.of(ended.outcome()), ended.done(), ended.failed(),
                        ended.skipped(), progress.failures.isEmpty() ? null
                                : Message.of("cli.apply.runFailures", progress.failures.size(),
                                        progress.failures.get(0)).english());
                return ended.outcome() == RunEvent.Outcome.DONE ? 0 : FAILED_ITEMS;
            }
        }
    }

    /** Whether the run of a journal does its host work over SSH (its first run-started line says so). */
    static boolean startedOverSsh(Path journal) throws java.io.IOException {
        return dev.tpmconsole.model.pipeline.Journal.read(journal).stream().filter(RunEvent.RunStarted.class::isInstance)
                .map(RunEvent.RunStarted.class::cast).findFirst().map(RunEvent.RunStarted::overSsh).orElse(false);
    }

    /** The progress line: one line rewritten on a terminal, a line per step otherwise. */
    static final class Progress {
        private final PrintWriter err;
        private final boolean terminal;
        final List<String> failures = new ArrayList<>();
        final List<String> skippedItems = new ArrayList<>();
        /** Host work over SSH by outcome (moved, moved before, already gone). */
        final java.util.Map<String, Integer> moves = new java.util.TreeMap<>();
        int totalDone;
        int totalFailed;
        private String step = "";
        private int stepItems;
        private int done;
        private int failed;

        Progress(PrintWriter err, boolean terminal) {
            // on a terminal the line is redrawn with control sequences of its own; what it shows is ours
            this.err = terminal ? dev.tpmconsole.app.SafeOutput.raw(err) : err;
            this.terminal = terminal;
        }

        void accept(RunEvent e) {
            if (e instanceof RunEvent.StepStarted s) {
                step = s.step().label();
                stepItems = s.items();
                done = 0;
                failed = 0;
            } else if (e instanceof RunEvent.ItemDone) {
                done++;
                totalDone++;
            } else if (e instanceof RunEvent.ItemSkipped k) {
                skippedItems.add(k.item() + ": " + (k.why() != null ? k.why().toString() : k.reason()));
                return;
            } else if (e instanceof RunEvent.HostMoved m) {
                moves.merge(m.outcome(), 1, Integer::sum);
                return;
            } else if (e instanceof RunEvent.ItemFailed f) {
                failed++;
                totalFailed++;
                failures.add(f.item() + ": " + f.cause());
            } else if (e instanceof RunEvent.StepEnded s) {
                line(Messages.text(s.reason() == null ? "cli.apply.stepEnded" : "cli.apply.stepEndedBecause", s.step(),
                        outcome(s.outcome()), s.done(), s.failed(),
                        s.reason() == null ? "" : s.why() != null ? s.why() : s.reason()), true);
                return;
            } else {
                return;
            }
            if (terminal) {
                line(Messages.text("cli.apply.stepProgress", step, done, stepItems, failed), false);
            }
        }

        /** A step's outcome as a person reads it: done, failed, skipped, cancelled. */
        static String outcome(RunEvent.Outcome o) {
            return Messages.text(switch (o) {
                case DONE -> "cli.apply.outcome.done";
                case FAILED -> "cli.apply.outcome.failed";
                case SKIPPED -> "cli.apply.outcome.skipped";
                case CANCELLED -> "cli.apply.outcome.cancelled";
            });
        }

        private void line(String text, boolean end) {
            if (terminal) {
                err.print("\r\033[2K" + text + (end ? "\n" : ""));
            } else if (end) {
                err.println(text);
            }
            err.flush();
        }

        void finish() {
            err.flush();
        }
    }
}
