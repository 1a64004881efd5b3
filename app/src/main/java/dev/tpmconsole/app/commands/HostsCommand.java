package dev.tpmconsole.app.commands;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code hosts}: work on the KVM hosts themselves, over SSH (hosts.md). */
@Command(name = "hosts", mixinStandardHelpOptions = true, subcommands = {HostsScanCommand.class},
        description = "Look at what is really on the KVM hosts, over SSH (SFTP only).")
public final class HostsCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: hosts scan SOURCE");
    }
}
