package dev.tpmconsole.app.commands;

import dev.tpmconsole.model.catalogue.RunKind;
import dev.tpmconsole.model.catalogue.RunOutcome;
import dev.tpmconsole.model.i18n.Messages;
import dev.tpmconsole.model.pipeline.QuarantinedRow;
import dev.tpmconsole.model.pipeline.RefusedException;
import dev.tpmconsole.model.pipeline.Runs;
import dev.tpmconsole.model.source.OpenOptions;
import dev.tpmconsole.model.source.Source;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code undo JOURNAL}: puts back what a run deleted, from its quarantine bundle; rows that exist again are refused. */
@Command(name = "undo", mixinStandardHelpOptions = true)
public final class UndoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** {@code --catalogue} / {@code --no-catalogue}: accepted by every command. */
    @picocli.CommandLine.Mixin
    CatalogueOption catalogue;

    @Parameters(paramLabel = "JOURNAL")
    Path journal;

    @picocli.CommandLine.Mixin
    SshOptions ssh;

    @picocli.CommandLine.Option(names = "--nodes-stopped")
    boolean nodesStopped;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (!Files.isRegularFile(journal)) {
            spec.commandLine().getErr().println("tpm-console: " + Messages.text("cli.noJournal", journal.toString()));
            return 1;
        }
        boolean movedOnHosts = dev.tpmconsole.model.pipeline.Journal.read(journal).stream()
                .anyMatch(e -> e instanceof dev.tpmconsole.model.pipeline.RunEvent.HostMoved m && m.trashPath() != null);
        java.nio.file.Path catalogueFile = catalogue.file(spec);
        try (Source source = CliSources.open(dev.tpmconsole.model.source.JdbcUrls.stripPassword(Runs.sourceOf(journal)),
                OpenOptions.writableOptions(), ssh);
             HostWorkOverSsh hosts = movedOnHosts ? HostWorkOverSsh.open(source, ssh, 1) : null;
             CatalogueAccess access = CatalogueAccess.start(catalogueFile, spec.commandLine().getErr())) {
            dev.tpmconsole.model.source.LiveWriteGuard.check(source, nodesStopped, java.time.Clock.systemUTC());
            // the cloud is read before the undo changes anything; the run is recorded once it is known to go ahead
            RunRecording recording = RunRecording.start(access, source, RunKind.UNDO,
                    null, false, journal.toAbsolutePath().resolveSibling(Runs.PLAN).toString(),
                    journal.toAbsolutePath().toString());
            Runs.UndoResult result;
            try {
                result = Runs.undo(source, journal, java.time.Clock.systemUTC(), hosts);
            } catch (RefusedException e) {
                spec.commandLine().getErr().println("tpm-console: " + e.getLocalizedMessage());
                recording.ended(RunOutcome.REFUSED, 0, 0, 0, e.getMessage());
                return 1;
            } catch (java.io.IOException | java.sql.SQLException | RuntimeException e) {
                recording.ended(RunOutcome.FAILED, 0, 0, 0, e.getMessage());
                throw e;
            }
            out.println(Messages.text(result.inPlace() == 0 ? "cli.undo.restored" : "cli.undo.restoredSomeInPlace",
                    result.restored(), result.total(), source.displayName(), result.inPlace()));
            for (QuarantinedRow r : result.refused()) {
                out.println(Messages.text("cli.undo.refusedRow", String.valueOf(r.id())));
            }
            if (movedOnHosts) {
                out.println(Messages.text(result.foldersInPlace() == 0 ? "cli.undo.movedBack" : "cli.undo.movedBackSome",
                        result.foldersRestored(), result.foldersInPlace()));
                for (String f : result.foldersRefused()) {
                    out.println(Messages.text("cli.undo.refusedFolder", f));
                }
            }
            out.flush();
            boolean clean = result.refused().isEmpty() && result.foldersRefused().isEmpty();
            // undo's counts: rows restored (done), rows and folders refused (failed), rows already in place (skipped)
            recording.ended(clean ? RunOutcome.DONE : RunOutcome.FAILED, result.restored(),
                    result.refused().size() + result.foldersRefused().size(), result.inPlace(), null);
            return clean ? 0 : ApplyCommand.FAILED_ITEMS;
        }
    }
}
