package dev.tpmconsole.model.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.tpmconsole.model.plan.Plan;
import dev.tpmconsole.model.util.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Exports host work into the run folder: {@code host-work.json} (the plan's list) and one shell script per
 * host, {@code host-<hostUuid>.sh}, deleting the paths in the plan's order. Every path is validated against
 * what ZStack's agent allows (a TPM-state folder {@code /var/lib/libvirt/swtpm/<the VM's uuid>/}, or a file
 * under {@code /var/lib/libvirt/qemu/nvram/}) and single-quoted, so that no path can inject a command.
 */
public final class HostWorkExporter implements HostWorkPort {

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9_-]+");
    private static final String SWTPM = "/var/lib/libvirt/swtpm/";
    private static final String NVRAM = "/var/lib/libvirt/qemu/nvram/";

    private final Path dir;

    public HostWorkExporter(Path runFolder) {
        this.dir = runFolder;
    }

    @Override
    public Map<Integer, String> export(List<Plan.HostWork> work) throws IOException {
        Map<Integer, String> refused = new LinkedHashMap<>();
        Map<String, List<Plan.HostWork>> byHost = new LinkedHashMap<>();
        for (Plan.HostWork w : work) {
            String why = invalid(w);
            if (why != null) {
                refused.put(w.order(), w.path() + ": " + why);
            } else {
                byHost.computeIfAbsent(w.hostUuid(), h -> new ArrayList<>()).add(w);
            }
        }
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        AtomicFiles.write(dir.resolve("host-work.json"), out -> mapper.writeValue(out, work));
        for (Map.Entry<String, List<Plan.HostWork>> e : byHost.entrySet()) {
            StringBuilder sh = new StringBuilder("#!/bin/sh\n");
            Plan.HostWork first = e.getValue().get(0);
            sh.append("# TPM Console: host work for host ").append(e.getKey()).append(" (")
                    .append(first.managementIp() == null ? "address unknown" : first.managementIp()).append(").\n")
                    .append("# Deletes TPM state that the database no longer references, oldest first.")
                    .append(" Review, then run on that host as root.\n")
                    .append("set -eu\n");
            for (Plan.HostWork w : e.getValue()) {
                sh.append("# order ").append(w.order()).append(", VM ").append(w.vmUuid()).append('\n');
                sh.append("rm -rf -- ").append(quote(w.path())).append('\n');
            }
            if (!HOST.matcher(e.getKey()).matches()) {
                e.getValue().forEach(w -> refused.put(w.order(), "host " + e.getKey() + ": not a host uuid; no script"));
                continue;
            }
            // a new file in the run's own folder, read by no one before the run ends: written directly
            java.nio.file.Files.writeString(dir.resolve("host-" + e.getKey() + ".sh"), sh, StandardCharsets.UTF_8);
        }
        return refused;
    }

    /** Why ZStack's agent would refuse this path, or null when it is allowed. */
    static String invalid(Plan.HostWork w) {
        String p = w.path();
        if (p == null || p.contains("\0") || p.contains("\n") || p.contains("'")) {
            return "contains characters no ZStack path has";
        }
        if (p.startsWith(SWTPM)) {
            String rest = p.substring(SWTPM.length());
            String segment = rest.endsWith("/") ? rest.substring(0, rest.length() - 1) : rest;
            if (!SEGMENT.matcher(segment).matches() || segment.contains("..")) {
                return "not a single folder below " + SWTPM;
            }
            String vm = w.vmUuid() == null ? "" : w.vmUuid();
            String hyphenated = vm.matches("[0-9a-f]{32}") ? vm.substring(0, 8) + "-" + vm.substring(8, 12) + "-"
                    + vm.substring(12, 16) + "-" + vm.substring(16, 20) + "-" + vm.substring(20) : vm;
            return segment.equals(hyphenated) ? null : "the folder is not named after VM " + vm;
        }
        if (p.startsWith(NVRAM)) {
            String rest = p.substring(NVRAM.length());
            return SEGMENT.matcher(rest).matches() && !rest.contains("..") ? null : "not a file directly below " + NVRAM;
        }
        return "outside " + SWTPM + " and " + NVRAM;
    }

    static String quote(String path) {
        return "'" + path.replace("'", "'\\''") + "'";
    }
}
