package dev.tpmconsole.app.commands;

import dev.tpmconsole.model.i18n.Messages;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** {@code --host-parallelism N}: how many hosts at once, on every command that reaches the hosts over SSH. */
final class HostParallelism {

    @Option(names = "--host-parallelism", paramLabel = "N", defaultValue = "8")
    int hosts = 8;

    /** The number; below 1 it is a usage error (exit 2). */
    int get(CommandSpec spec) {
        if (hosts < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), Messages.text("cli.hosts.parallelismBelowOne"));
        }
        return hosts;
    }
}
