package dev.tpmconsole.model.testing;

import dev.tpmconsole.model.pipeline.HostWorkExporter;
import dev.tpmconsole.model.plan.Plan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What an exported host script may hold: its fixed lines (header, the function that refuses links) and, per
 * entry, a comment with the order and the VM's uuid and a call with a quoted state folder. A line of any other
 * shape (a command smuggled in through a value from the database) is reported.
 */
public final class HostScripts {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final Pattern VARIABLE = Pattern.compile(String.join("|",
            "# TPM Console: host work for host [A-Za-z0-9_-]+ \\((no HostEO row: address unknown|[0-9A-Za-z.:-]+)\\)\\.",
            "# order [0-9]+, VM [0-9a-f]{32}",
            "remove_state '/var/lib/libvirt/swtpm/" + UUID + "'"));
    private static final Set<String> FIXED = fixedLines();

    private HostScripts() {
    }

    /** The lines of {@code script} that are of no shape the exporter writes: none in a sound script. */
    public static List<String> unknownLines(String script) {
        return script.lines().filter(l -> !FIXED.contains(l) && !VARIABLE.matcher(l).matches()).toList();
    }

    /** The lines every script has: those of a script exported for one sound entry, but the entry's own. */
    private static Set<String> fixedLines() {
        try {
            Path dir = Files.createTempDirectory("host-scripts");
            try {
                new HostWorkExporter(dir).export(List.of(new Plan.HostWork("h", null,
                        "/var/lib/libvirt/swtpm/01234567-89ab-cdef-0123-456789abcdef/", "0123456789abcdef0123456789abcdef", 1)));
                Set<String> fixed = Files.readString(dir.resolve("host-h.sh")).lines()
                        .filter(l -> !VARIABLE.matcher(l).matches()).collect(Collectors.toSet());
                if (fixed.size() < 8) {
                    throw new IllegalStateException("the exporter's fixed lines changed: " + fixed);
                }
                return fixed;
            } finally {
                try (var files = Files.list(dir)) {
                    for (Path f : files.toList()) {
                        Files.delete(f);
                    }
                }
                Files.delete(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
