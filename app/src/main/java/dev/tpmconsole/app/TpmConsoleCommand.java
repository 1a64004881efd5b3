package dev.tpmconsole.app;

import dev.tpmconsole.app.commands.ApplyCommand;
import dev.tpmconsole.app.commands.AuditCommand;
import dev.tpmconsole.app.commands.DemoCommand;
import dev.tpmconsole.app.commands.GuiCommand;
import dev.tpmconsole.app.commands.ImportCommand;
import dev.tpmconsole.app.commands.InfoCommand;
import dev.tpmconsole.app.commands.PlanCommand;
import dev.tpmconsole.app.commands.RepairCommand;
import dev.tpmconsole.app.commands.UndoCommand;
import dev.tpmconsole.model.source.SourceException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level command: {@code tpm-console [COMMAND]}. */
@Command(name = "tpm-console", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "A console for ZStack administrators: browse VM TPM data, audit a database for what"
            + " ZStack left behind, and clean it up safely. With no command, starts the GUI.",
        subcommands = {GuiCommand.class, InfoCommand.class, AuditCommand.class, PlanCommand.class, ApplyCommand.class,
            UndoCommand.class, RepairCommand.class, ImportCommand.class, DemoCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:success (audit: no orphan or suspect finding)",
            "1:the source (or dump) cannot be read or is not a ZStack database; or the command failed",
            "2:usage error",
            "3:audit: at least one orphan or suspect finding",
            "4:apply: finished with failed items; undo: rows refused"})
public final class TpmConsoleCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command");
    }

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new TpmConsoleCommand());
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof SourceException) {
                commandLine.getErr().println("tpm-console: " + ex.getMessage());
                return 1;
            }
            commandLine.getErr().println("tpm-console: " + ex);
            ex.printStackTrace(commandLine.getErr());
            return 1;
        });
        return cli;
    }
}
