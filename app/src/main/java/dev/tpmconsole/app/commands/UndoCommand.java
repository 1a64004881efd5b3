package dev.tpmconsole.app.commands;

import dev.tpmconsole.model.pipeline.QuarantinedRow;
import dev.tpmconsole.model.pipeline.Runs;
import dev.tpmconsole.model.source.OpenOptions;
import dev.tpmconsole.model.source.Source;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code undo JOURNAL}: puts back what a run deleted, from its quarantine bundle; rows that exist again are refused. */
@Command(name = "undo", mixinStandardHelpOptions = true,
        description = "Restore the rows a run deleted (from the quarantine bundle beside JOURNAL), in one"
                + " transaction; rows whose key exists again are refused and listed. Exit 0 all restored,"
                + " 4 some refused, 1 cannot read.")
public final class UndoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "JOURNAL", description = "The journal of the run to undo.")
    Path journal;

    @picocli.CommandLine.Mixin
    SshOptions ssh;

    @picocli.CommandLine.Option(names = "--nodes-stopped", description = "On a live database: state that every ZStack"
            + " management node is stopped.")
    boolean nodesStopped;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (!Files.isRegularFile(journal)) {
            spec.commandLine().getErr().println("tpm-console: no journal at " + journal);
            return 1;
        }
        try (Source source = CliSources.open(dev.tpmconsole.model.source.JdbcUrls.stripPassword(Runs.sourceOf(journal)),
                OpenOptions.writableOptions(), ssh)) {
            dev.tpmconsole.model.source.LiveWriteGuard.check(source, nodesStopped, java.time.Clock.systemUTC());
            int total = new dev.tpmconsole.model.pipeline.QuarantineFile(
                    journal.toAbsolutePath().getParent().resolve(Runs.QUARANTINE)).readAll().size();
            List<QuarantinedRow> refused = Runs.undo(source, journal);
            out.printf("Restored %d of %d rows into %s%n", total - refused.size(), total, source.displayName());
            for (QuarantinedRow r : refused) {
                out.println("  refused (exists again): " + r.id());
            }
            out.flush();
            return refused.isEmpty() ? 0 : ApplyCommand.FAILED_ITEMS;
        }
    }
}
