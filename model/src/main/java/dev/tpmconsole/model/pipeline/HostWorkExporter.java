package dev.tpmconsole.model.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.tpmconsole.model.hosts.HostPaths;
import dev.tpmconsole.model.plan.Plan;
import dev.tpmconsole.model.util.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Exports host work into the run folder: {@code host-work.json} (the plan's list) and one shell script per
 * host, {@code host-<hostUuid>.sh}, removing the TPM state folders in the plan's order. Administrators run these
 * scripts as root, so nothing from the database reaches them unchecked: every entry's host uuid, management
 * address, VM uuid and path must pass {@link HostPaths} (a TPM state folder named after its own VM, nothing
 * else), or the entry is refused and fails its item; the script holds only values that passed, paths
 * single-quoted besides. On the host, the script refuses a symbolic link or a file where the folder should be.
 */
public final class HostWorkExporter implements HostWorkPort {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path dir;

    public HostWorkExporter(Path runFolder) {
        this.dir = runFolder;
    }

    @Override
    public Map<Integer, String> export(List<Plan.HostWork> work) throws IOException {
        Map<Integer, String> refused = new LinkedHashMap<>();
        Map<String, List<Plan.HostWork>> byHost = new LinkedHashMap<>();
        for (Plan.HostWork w : work) {
            String why = refusal(w);
            if (why != null) {
                refused.put(w.order(), why);
            } else {
                byHost.computeIfAbsent(w.hostUuid(), h -> new ArrayList<>()).add(w);
            }
        }
        AtomicFiles.write(dir.resolve("host-work.json"), out -> MAPPER.writeValue(out, work));
        for (Map.Entry<String, List<Plan.HostWork>> e : byHost.entrySet()) {
            String script = script(e.getKey(), e.getValue());
            AtomicFiles.write(dir.resolve("host-" + e.getKey() + ".sh"),
                    out -> out.write(script.getBytes(StandardCharsets.US_ASCII)));
        }
        return refused;
    }

    /** Why an entry cannot go into a script, or null: the host, its address, the VM and the path must all pass. */
    static String refusal(Plan.HostWork w) {
        dev.tpmconsole.model.i18n.Message why = HostPaths.hostIdRefusal(w.hostUuid());
        if (why == null && w.managementIp() != null) {
            why = HostPaths.addressRefusal(w.managementIp());
        }
        if (why == null) {
            why = HostPaths.stateFolderRefusal(w.path(), w.vmUuid());
        }
        return why == null ? null : dev.tpmconsole.model.util.Texts.escaped(w.path()) + ": " + why.english();
    }

    /** The script of one host; every value in it has passed {@link #refusal}. */
    static String script(String hostUuid, List<Plan.HostWork> entries) {
        String address = entries.get(0).managementIp();
        StringBuilder sh = new StringBuilder("#!/bin/sh\n")
                .append("# TPM Console: host work for host ").append(hostUuid)
                .append(address == null ? " (no HostEO row: address unknown)" : " (" + address + ")").append(".\n")
                .append("# Removes TPM state folders that the database no longer references, oldest first.\n")
                .append("# Review, then run on that host as root. It stops at a path that is a symbolic link or\n")
                .append("# not a folder, and leaves it for you to look at.\n")
                .append("set -eu\n")
                .append("remove_state() {\n")
                .append("  if [ -L \"$1\" ]; then echo \"tpm-console: $1 is a symbolic link: not removed\" >&2; exit 1; fi\n")
                .append("  if [ -e \"$1\" ] && [ ! -d \"$1\" ]; then echo \"tpm-console: $1 is not a folder: not removed\" >&2;")
                .append(" exit 1; fi\n")
                .append("  rm -rf -- \"$1\"\n")
                .append("}\n");
        for (Plan.HostWork w : entries) {
            String path = w.path().endsWith("/") ? w.path().substring(0, w.path().length() - 1) : w.path();
            sh.append("# order ").append(w.order()).append(", VM ").append(w.vmUuid()).append('\n');
            sh.append("remove_state ").append(quote(path)).append('\n');
        }
        return sh.toString();
    }

    static String quote(String path) {
        return "'" + path.replace("'", "'\\''") + "'";
    }
}
