package dev.tpmconsole.app;

import dev.tpmconsole.app.commands.AckCommand;
import dev.tpmconsole.app.commands.ApplyCommand;
import dev.tpmconsole.app.commands.AuditCommand;
import dev.tpmconsole.app.commands.CloudsCommand;
import dev.tpmconsole.app.commands.DemoCommand;
import dev.tpmconsole.app.commands.GuiCommand;
import dev.tpmconsole.app.commands.HostsCommand;
import dev.tpmconsole.app.commands.HistoryCommand;
import dev.tpmconsole.app.commands.ImportCommand;
import dev.tpmconsole.app.commands.InfoCommand;
import dev.tpmconsole.app.commands.PlanCommand;
import dev.tpmconsole.app.commands.RepairCommand;
import dev.tpmconsole.app.commands.RunsCommand;
import dev.tpmconsole.app.commands.UndoCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level command: {@code tpm-console [COMMAND]}. */
@Command(name = "tpm-console", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "A console for ZStack administrators: browse VM TPM data, audit a database for what"
            + " ZStack left behind, and clean it up safely. With no command, starts the GUI.",
        subcommands = {GuiCommand.class, InfoCommand.class, AuditCommand.class, PlanCommand.class, ApplyCommand.class,
            UndoCommand.class, RepairCommand.class, HostsCommand.class, ImportCommand.class, DemoCommand.class,
            AckCommand.class, HistoryCommand.class, RunsCommand.class, CloudsCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:success (audit: no orphan or suspect finding)",
            "1:the source (or dump) cannot be read or is not a ZStack database; or the command failed",
            "2:usage error",
            "3:audit: at least one orphan or suspect finding (of the --fail-on kind); hosts scan: at least one finding"
                + " that is not info",
            "4:apply: finished with failed items; undo: rows refused"})
public final class TpmConsoleCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command");
    }

    /** The command line printing to the process's stdout and stderr. */
    public static CommandLine commandLine() {
        return commandLine(new java.io.OutputStreamWriter(System.out, charset("sun.stdout.encoding")),
                new java.io.OutputStreamWriter(System.err, charset("sun.stderr.encoding")));
    }

    /** The encoding Java gave the stream (the terminal's), as picocli itself picks it. */
    private static java.nio.charset.Charset charset(String property) {
        String name = System.getProperty(property);
        try {
            return name != null ? java.nio.charset.Charset.forName(name) : java.nio.charset.Charset.defaultCharset();
        } catch (IllegalArgumentException unknown) {
            return java.nio.charset.Charset.defaultCharset();
        }
    }

    /**
     * The command line printing to {@code out} and {@code err} through {@link SafeOutput}: what came from a
     * database is shown, never acted on by a terminal. A failure is one line on {@code err} and exit 1.
     */
    public static CommandLine commandLine(java.io.Writer out, java.io.Writer err) {
        CommandLine cli = new CommandLine(new TpmConsoleCommand());
        cli.setOut(SafeOutput.wrap(out));
        cli.setErr(SafeOutput.wrap(err));
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("tpm-console: " + Failures.oneLine(ex));
            commandLine.getErr().flush();
            return 1;
        });
        return cli;
    }
}
