package dev.tpmconsole.app.commands;

import dev.tpmconsole.model.i18n.Messages;
import dev.tpmconsole.model.hosts.HostScanner;
import dev.tpmconsole.model.hosts.HostTrash;
import dev.tpmconsole.model.hosts.TrashPurge;
import dev.tpmconsole.model.source.Source;
import dev.tpmconsole.model.ssh.SshHosts;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * {@code hosts purge-trash SOURCE [--older-than 7d] [--dry-run]}: deletes for good the trash of runs older than
 * that on every host of SOURCE, listing it (docs/hosts.md, "Cleaning"). After this, {@code undo} cannot put those
 * folders back. Exit 0 done, 4 a host could not be reached, 1 the source or an SSH file cannot be read, 2 usage.
 */
@Command(name = "purge-trash", mixinStandardHelpOptions = true)
public final class HostsPurgeTrashCommand implements Callable<Integer> {

    private static final Pattern AGE = Pattern.compile("([0-9]{1,6})([dhm])");

    @Spec
    CommandSpec spec;

    @Option(names = "--older-than", paramLabel = "AGE", defaultValue = "7d")
    String olderThan = "7d";

    @Option(names = "--dry-run")
    boolean dryRun;

    @Mixin
    HostParallelism hostParallelism;

    /** SOURCE, SSH and the catalogue's options (this command does not use the catalogue). */
    @Mixin
    SourceOptions options;

    @Override
    public Integer call() throws Exception {
        Matcher m = AGE.matcher(olderThan);
        if (!m.matches()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    Messages.text("cli.purge.badAge", olderThan));
        }
        int parallelism = hostParallelism.get(spec);
        long n = Long.parseLong(m.group(1));
        Duration age = switch (m.group(2)) {
            case "d" -> Duration.ofDays(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofMinutes(n);
        };
        Instant before = Clock.systemUTC().instant().minus(age);
        List<TrashPurge.Host> hosts;
        try (Source s = options.openReadOnly()) {
            HostScanner.refuseDemo(s);
            try (SshHosts sshHosts = options.ssh.hosts()) {
                List<HostScanner.Target> targets;
                try {
                    targets = new HostScanner(s, sshHosts, Clock.systemUTC()).targets(
                            new HostScanner.Options(List.of(), true, parallelism), new ArrayList<>());
                } catch (SQLException e) {
                    throw s.failure(e);
                }
                hosts = TrashPurge.purge(sshHosts, targets, before, dryRun, parallelism);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        int runs = 0;
        int entries = 0;
        int unreachable = 0;
        for (TrashPurge.Host h : hosts) {
            if (h.unreachable() != null) {
                unreachable++;
                out.println(Messages.text("cli.purge.notReached", h.hostUuid(), h.managementIp(), h.why()));
            }
            for (TrashPurge.Purged p : h.purged()) {
                runs++;
                entries += p.entries();
                out.println(Messages.text(dryRun ? "cli.purge.wouldPurge" : "cli.purge.purged", h.hostUuid(),
                        h.managementIp(), p.path(), String.valueOf(p.started()), p.entries()));
            }
        }
        out.println(Messages.text(dryRun ? "cli.purge.totalWould" : "cli.purge.total", runs, entries, hosts.size(),
                olderThan, unreachable == 0 ? "" : Messages.text("cli.purge.unreached", unreachable)));
        out.println(Messages.text("cli.purge.where", HostTrash.STATE_TRASH + "/", HostTrash.NVRAM_TRASH + "/"));
        out.flush();
        return unreachable == 0 ? 0 : ApplyCommand.FAILED_ITEMS;
    }
}
