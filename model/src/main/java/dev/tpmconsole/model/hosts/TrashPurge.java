package dev.tpmconsole.model.hosts;

import dev.tpmconsole.model.i18n.LocalizedException;
import dev.tpmconsole.model.i18n.Message;
import dev.tpmconsole.model.ssh.RemoteFiles;
import dev.tpmconsole.model.ssh.SshConfigException;
import dev.tpmconsole.model.ssh.SshConnection;
import dev.tpmconsole.model.ssh.SshFailure;
import dev.tpmconsole.model.ssh.SshHosts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code hosts purge-trash}: deletes for good, on each host, the trash of runs older than a given time (the
 * folders {@code undo} could still have put back). Hosts in parallel (a bound); a host that cannot be reached is
 * reported with its reason and the others go on. With {@code dryRun}, only lists what would go.
 */
public final class TrashPurge {

    private TrashPurge() {
    }

    /** A run's trash on a host, and what happened to it. */
    public record Purged(String runId, String path, Instant started, int entries, boolean deleted) {
    }

    /**
     * One host: the runs purged (or that would be), those kept as too recent, or why the host was not reached
     * ({@code why}, to show in the reader's language; {@link #unreachable()} in English).
     */
    public record Host(String hostUuid, String managementIp, List<Purged> purged, int kept, Message why) {

        /** Why the host was not reached, in English, or null. */
        public String unreachable() {
            return why == null ? null : why.english();
        }
    }

    /** Purges the trash older than {@code before} on every target. */
    public static List<Host> purge(SshHosts ssh, List<HostScanner.Target> targets, Instant before, boolean dryRun,
                                   int parallelism) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(parallelism, targets.size())), r -> {
            Thread t = new Thread(r, "purge-trash");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Host>> futures = new ArrayList<>();
            for (HostScanner.Target t : targets) {
                futures.add(pool.submit(() -> host(ssh, t, before, dryRun)));
            }
            List<Host> out = new ArrayList<>();
            for (Future<Host> f : futures) {
                try {
                    out.add(f.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Host host(SshHosts ssh, HostScanner.Target t, Instant before, boolean dryRun) {
        if (t.unreachable() != null) {
            return new Host(t.hostUuid(), t.managementIp(), List.of(), 0, t.unreachable());
        }
        List<Purged> purged = new ArrayList<>();
        int kept = 0;
        try (SshConnection connection = ssh.connect(t.managementIp()); RemoteFiles files = connection.files()) {
            for (HostTrash.TrashRun run : HostTrash.runs(files)) {
                if (!run.started().isBefore(before)) {
                    kept++;
                    continue;
                }
                int entries = dryRun ? count(files, run.path()) : HostTrash.purge(files, run);
                purged.add(new Purged(run.runId(), run.path(), run.started(), entries, !dryRun));
            }
            return new Host(t.hostUuid(), t.managementIp(), purged, kept, null);
        } catch (SshFailure | SshConfigException | HostTrash.Refused e) {
            return new Host(t.hostUuid(), t.managementIp(), purged, kept, LocalizedException.messageOf(e));
        }
    }

    private static int count(RemoteFiles files, String path) throws SshFailure {
        int n = 1;
        for (var e : files.list(path).orElse(List.of())) {
            n += e.kind() == dev.tpmconsole.model.ssh.RemoteEntry.Kind.FOLDER ? count(files, e.path()) : 1;
        }
        return n;
    }
}
