package dev.tpmconsole.app.commands;

import dev.tpmconsole.model.i18n.Message;
import dev.tpmconsole.model.i18n.Messages;
import dev.tpmconsole.model.hosts.HostScanReport;
import dev.tpmconsole.model.hosts.HostScanWriters;
import dev.tpmconsole.model.hosts.HostScanner;
import dev.tpmconsole.model.source.Source;
import dev.tpmconsole.model.source.SourceException;
import dev.tpmconsole.model.ssh.SshHosts;
import dev.tpmconsole.model.util.AtomicFiles;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * {@code hosts scan SOURCE}: what is on the KVM hosts compared with what the database says (docs/hosts.md, "Scan").
 * Read-only on the hosts and on the database. Exit 0 every finding info, 3 at least one other, 1 the source or an
 * SSH file cannot be read (or the source is the demo), 2 usage error.
 */
@Command(name = "scan", mixinStandardHelpOptions = true)
public final class HostsScanCommand implements Callable<Integer> {

    /** Exit status when a finding is more than info. */
    public static final int FINDINGS = 3;

    @Spec
    CommandSpec spec;

    @Option(names = "--host", paramLabel = "UUID", arity = "1..*")
    List<String> hosts;

    @Option(names = "--all-hosts")
    boolean allHosts;

    @Mixin
    FormatOption format;

    @Option(names = "--out", paramLabel = "FILE")
    Path out;

    @Mixin
    HostParallelism hostParallelism;

    /** SOURCE, SSH and the catalogue's options: the scan is recorded in the cloud's history. */
    @Mixin
    SourceOptions options;

    @Override
    public Integer call() throws Exception {
        int parallelism = hostParallelism.get(spec);
        boolean json = format.json();
        PrintWriter err = spec.commandLine().getErr();
        Path catalogueFile = options.catalogue.file(spec);
        HostScanReport report;
        // the SSH client (its crypto providers take a while to load) is made while the source opens
        java.util.concurrent.CompletableFuture<SshHosts> client = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return options.ssh.hosts();
            } catch (SourceException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
        try (Source s = options.openReadOnly();
             CatalogueAccess access = CatalogueAccess.start(catalogueFile, err)) {
            HostScanner.refuseDemo(s);
            long started = System.nanoTime();
            try (SshHosts sshHosts = sshClient(client)) {
                HostScanner scanner = new HostScanner(s, sshHosts, Clock.systemUTC());
                List<String> unknown = new ArrayList<>();
                List<HostScanner.Target> targets;
                try {
                    targets = scanner.targets(new HostScanner.Options(hosts, allHosts, parallelism), unknown);
                } catch (SQLException e) {
                    throw s.failure(e);
                }
                if (!unknown.isEmpty()) {
                    throw new CommandLine.ParameterException(spec.commandLine(), Messages.text("cli.hosts.noHost",
                            String.join(", ", unknown.stream().map(dev.tpmconsole.model.util.Texts::quoted).toList()),
                            s.displayName()));
                }
                boolean terminal = System.console() != null;
                try {
                    report = scanner.scan(targets, parallelism, new HostScanner.Listener() {
                        private int done;

                        @Override
                        public synchronized void hostEnded(HostScanReport.Host h) {
                            done++;
                            if (terminal) {
                                err.println(Messages.text("cli.hosts.scanned", done, targets.size(), h.managementIp(),
                                        h.status().label()));
                                err.flush();
                            }
                        }
                    });
                } catch (SQLException e) {
                    throw s.failure(e);
                }
                record(access, s, report, (System.nanoTime() - started) / 1_000_000);
            }
        } finally {
            // made for nothing when the source could not be opened: closed all the same (closing twice is harmless)
            client.whenComplete((h, e) -> {
                if (h != null) {
                    h.close();
                }
            });
        }
        if (json) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            HostScanWriters.json(report, bytes);
            write(bytes.toString(StandardCharsets.UTF_8));
        } else {
            java.io.StringWriter text = new java.io.StringWriter();
            HostScanWriters.text(report, new PrintWriter(text));
            write(text.toString());
        }
        return report.needsAction() ? FINDINGS : 0;
    }

    /** Records the scan in the catalogue; a problem with it is a one-line warning, the report is the same. */
    private static void record(CatalogueAccess access, Source s, HostScanReport report, long durationMs) {
        dev.tpmconsole.model.catalogue.Catalogue c = access.get();
        if (c == null) {
            return;
        }
        try {
            c.recordHostScan(dev.tpmconsole.model.catalogue.CloudMarkers.read(s), report, durationMs);
        } catch (dev.tpmconsole.model.catalogue.Catalogue.Failure e) {
            access.warn(Messages.text("cli.catalogue.failure", e.getLocalizedMessage(), Message.of("cli.notRecorded.scan")));
        } catch (SQLException e) {
            access.warn(Messages.text("cli.catalogue.unknownCloud", s.displayName(), e.getLocalizedMessage(),
                    Message.of("cli.notRecorded.scan")));
        } catch (RuntimeException e) {
            // a fault of the catalogue never fails the scan
            access.warn(Messages.text("cli.catalogue.failed", e.toString(), Message.of("cli.notRecorded.scan")));
        }
    }

    private static SshHosts sshClient(java.util.concurrent.CompletableFuture<SshHosts> client) throws SourceException {
        try {
            return client.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof SourceException c) {
                throw c;
            }
            throw e;
        }
    }

    private void write(String text) throws java.io.IOException {
        if (out != null) {
            AtomicFiles.write(out.toAbsolutePath(), os -> {
                OutputStreamWriter w = new OutputStreamWriter(os, StandardCharsets.UTF_8);
                w.write(text);
                w.flush();
            });
        } else {
            PrintWriter w = spec.commandLine().getOut();
            w.print(text);
            w.flush();
        }
    }
}
