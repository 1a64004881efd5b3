package dev.tpmconsole.model.hosts;

import dev.tpmconsole.model.pipeline.HostMover;
import dev.tpmconsole.model.plan.Plan;
import dev.tpmconsole.model.ssh.RemoteFiles;
import dev.tpmconsole.model.ssh.SshConfigException;
import dev.tpmconsole.model.ssh.SshConnection;
import dev.tpmconsole.model.ssh.SshFailure;
import dev.tpmconsole.model.ssh.SshHosts;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Host work over SSH: each entry's TPM state folder moved into the trash of the run on its host
 * ({@link HostTrash}), the host reached at its management address as an SSH alias ({@link SshHosts}: the
 * OpenSSH configuration, known_hosts, keys; SFTP only). One connection per host for the whole run; a host that
 * cannot be reached fails its entries with the reason, once tried, and the other hosts go on.
 */
public final class SshHostMover implements HostMover {

    private final SshHosts ssh;
    private final String runId;
    private final int parallelism;
    private final Map<String, Host> hosts = new ConcurrentHashMap<>();
    private final boolean ownsSsh;

    /** A host of the run: its connection, or why it cannot be reached. */
    private static final class Host {
        SshConnection connection;
        RemoteFiles files;
        String unreachable;
        /** The trash folders found sound on this host: checked once per connection. */
        final java.util.Set<String> checked = new java.util.HashSet<>();
    }

    /**
     * @param runId       the run's id (its folder's name: the UTC time it began), which names its trash
     * @param parallelism how many hosts at once
     */
    public SshHostMover(SshHosts ssh, String runId, int parallelism) {
        this(ssh, runId, parallelism, false);
    }

    private SshHostMover(SshHosts ssh, String runId, int parallelism, boolean ownsSsh) {
        if (!HostTrash.isRunId(runId)) {
            throw new IllegalArgumentException("not a run id: " + runId);
        }
        this.ssh = ssh;
        this.runId = runId;
        this.parallelism = parallelism;
        this.ownsSsh = ownsSsh;
    }

    /** A mover that closes {@code ssh} when it is closed (an SSH client made for this run only). */
    public static SshHostMover owning(SshHosts ssh, String runId, int parallelism) {
        return new SshHostMover(ssh, runId, parallelism, true);
    }

    @Override
    public Moved move(Plan.HostWork w) throws Exception {
        RemoteFiles files = files(w.hostUuid(), w.managementIp());
        try {
            HostTrash.Outcome o = HostTrash.move(files, w.path(), w.vmUuid(), runId, hosts.get(w.hostUuid()).checked);
            return new Moved(o.label(), o == HostTrash.Outcome.ALREADY_GONE ? null : HostTrash.trashPath(w.path(), runId));
        } catch (SshFailure e) {
            lost(w.hostUuid(), e);
            throw e;
        }
    }

    @Override
    public boolean restore(String hostUuid, String managementIp, String path, String trashPath) throws Exception {
        RemoteFiles files = files(hostUuid, managementIp);
        try {
            return HostTrash.restore(files, path, trashPath);
        } catch (SshFailure e) {
            lost(hostUuid, e);
            throw e;
        }
    }

    @Override
    public int parallelism() {
        return parallelism;
    }

    /** The host's SFTP session, connecting on first use; an unreachable host fails at once after its first try. */
    private RemoteFiles files(String hostUuid, String managementIp) throws HostTrash.Refused {
        dev.tpmconsole.model.i18n.Message why = HostPaths.hostIdRefusal(hostUuid);
        if (why == null) {
            why = managementIp == null ? dev.tpmconsole.model.i18n.Message.of("hosts.mover.noHostRow", hostUuid)
                    : HostPaths.addressRefusal(managementIp);
        }
        if (why != null) {
            throw new HostTrash.Refused(why.english());
        }
        Host h = hosts.computeIfAbsent(hostUuid, k -> new Host());
        synchronized (h) {
            if (h.unreachable != null) {
                throw new HostTrash.Refused(h.unreachable);
            }
            if (h.files == null) {
                try {
                    h.connection = ssh.connect(managementIp);
                    h.files = h.connection.files();
                } catch (SshFailure | SshConfigException e) {
                    if (h.connection != null) {
                        h.connection.close();
                        h.connection = null;
                    }
                    h.unreachable = "host " + hostUuid + " (" + managementIp + ") cannot be reached: " + e.getMessage();
                    throw new HostTrash.Refused(h.unreachable);
                }
            }
            return h.files;
        }
    }

    /** A connection that broke under a request (a time-out closes it): the next entry connects again, once. */
    private void lost(String hostUuid, SshFailure e) {
        if (e.reason() != SshFailure.Reason.TIMEOUT && e.reason() != SshFailure.Reason.NETWORK) {
            return;
        }
        Host h = hosts.get(hostUuid);
        if (h != null) {
            synchronized (h) {
                if (h.connection != null) {
                    h.connection.close();
                }
                h.connection = null;
                h.files = null;
                h.checked.clear();
            }
        }
    }

    @Override
    public void close() {
        for (Host h : hosts.values()) {
            synchronized (h) {
                if (h.files != null) {
                    h.files.close();
                }
                if (h.connection != null) {
                    h.connection.close();
                }
            }
        }
        hosts.clear();
        if (ownsSsh) {
            ssh.close();
        }
    }
}
