package dev.tpmconsole.views.hosts;

import dev.tpmconsole.model.ssh.SshConfigException;
import dev.tpmconsole.model.ssh.SshHosts;
import dev.tpmconsole.model.ssh.SshPrompts;

/** What a scan from the window needs to reach hosts; the app wires the person's own SSH setup. */
@FunctionalInterface
public interface HostScanService {

    /**
     * The SSH side of one scan, asking through {@code prompts}; reads the ssh config and known_hosts (a file that
     * cannot be parsed throws, naming the file and line). Called on a background thread; closed by the caller.
     */
    SshHosts open(SshPrompts prompts) throws SshConfigException;
}
