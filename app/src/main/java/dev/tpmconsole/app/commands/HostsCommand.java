package dev.tpmconsole.app.commands;

import dev.tpmconsole.model.i18n.Messages;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code hosts}: work on the KVM hosts themselves, over SSH (docs/hosts.md). */
@Command(name = "hosts", mixinStandardHelpOptions = true, subcommands = {HostsScanCommand.class, HostsPurgeTrashCommand.class})
public final class HostsCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), Messages.text("cli.hosts.missingCommand"));
    }
}
