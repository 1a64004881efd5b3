package dev.tpmconsole.app.commands;

import dev.tpmconsole.model.i18n.Messages;
import dev.tpmconsole.model.dump.DumpImporter;
import dev.tpmconsole.model.dump.ImportOptions;
import dev.tpmconsole.model.dump.ImportProgress;
import dev.tpmconsole.model.dump.ImportResult;
import dev.tpmconsole.model.source.SourceException;
import dev.tpmconsole.model.stats.SourceSummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code import DUMP [--out SNAPSHOT]}: turns a mysqldump of ZStack's database ({@code .sql} or {@code .sql.gz})
 * into a snapshot, in one streaming pass, with a progress bar on a terminal. A dump that is cut off, damaged or
 * not a mysqldump is refused with a message and leaves no file behind; so does Ctrl+C.
 */
@Command(name = "import", mixinStandardHelpOptions = true)
public final class ImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** {@code --catalogue} / {@code --no-catalogue}: accepted by every command (this one does not use the catalogue). */
    @picocli.CommandLine.Mixin
    CatalogueOption catalogue;

    @Parameters(paramLabel = "DUMP")
    Path dump;

    @Option(names = "--out", paramLabel = "SNAPSHOT")
    Path out;

    @Option(names = "--force")
    boolean force;

    @Option(names = "--database", paramLabel = "NAME")
    String database;

    @Option(names = "--quiet")
    boolean quiet;

    @Override
    public Integer call() throws SourceException {
        Path target = (out != null ? out : DumpImporter.defaultSnapshot(dump)).toAbsolutePath().normalize();
        boolean bar = !quiet && System.console() != null;
        PrintWriter err = spec.commandLine().getErr();
        ProgressBar progress = new ProgressBar(dev.tpmconsole.app.SafeOutput.raw(err));
        DumpImporter importer = new DumpImporter(new ImportOptions(force, database), bar ? progress::show : null);
        Interruption interruption = new Interruption(importer, target, progress, err);
        Runtime.getRuntime().addShutdownHook(interruption.hook);
        try {
            ImportResult result;
            try {
                result = importer.run(dump, target);
            } catch (FileAlreadyExistsException e) {
                if (interruption.received()) {
                    return 1;
                }
                progress.end();
                err.println("tpm-console: " + Messages.text("cli.exists", target.toString()));
                return 1;
            } catch (IOException e) {
                if (interruption.received()) {
                    return 1;
                }
                progress.end();
                err.println("tpm-console: " + e.getLocalizedMessage());
                return 1;
            } catch (SourceException | RuntimeException e) {
                if (interruption.received()) {
                    return 1; // the hook says what happened, once
                }
                progress.end();
                throw e;
            } finally {
                interruption.importEnded();
            }
            progress.end();
            print(result, spec.commandLine().getOut());
            return 0;
        } finally {
            interruption.remove();
        }
    }

    /**
     * What a SIGINT or SIGTERM (Ctrl+C, kill) does to an import: the JVM runs this hook, which cancels the import
     * (its partial file is deleted at once, so that nothing is left even where the import cannot get to it, e.g.
     * blocked reading a pipe) and says in one line on stderr what happened, since the JVM then ends with 130 or
     * 143 whatever the import did: no snapshot was written, or (the signal came too late to stop it) the snapshot
     * is complete. It stays in place until the command returns, the summary printed.
     */
    static final class Interruption {
        private final DumpImporter importer;
        private final Path target;
        private final ProgressBar progress;
        private final PrintWriter err;
        private final CountDownLatch ended = new CountDownLatch(1);
        private volatile boolean received;
        final Thread hook;

        Interruption(DumpImporter importer, Path target, ProgressBar progress, PrintWriter err) {
            this.importer = importer;
            this.target = target;
            this.progress = progress;
            this.err = err;
            this.hook = new Thread(this::interrupted, "tpm-console import interrupted");
        }

        boolean received() {
            return received;
        }

        void importEnded() {
            ended.countDown();
        }

        void remove() {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs (or ran): it says what happened
            }
        }

        private void interrupted() {
            received = true;
            boolean stopped = importer.cancel();
            try {
                // stopped: let the import close its files (it may be blocked on a pipe: its partial file is gone
                // already); too late to stop: wait for the snapshot to be in place, to say so
                ended.await(stopped ? 2 : 30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            progress.end();
            if (!stopped && importer.completed()) {
                err.println("tpm-console: " + Messages.text("cli.import.interruptedComplete", target.toString()));
            } else {
                err.println("tpm-console: " + Messages.text("cli.import.interrupted"));
            }
            err.flush();
        }
    }

    static void print(ImportResult r, PrintWriter w) {
        w.println(Messages.text("cli.import.imported", r.snapshot().toString(), r.totalRows(), r.rowsPerTable().size(),
                String.format("%.1f", r.elapsed().toMillis() / 1000.0)));
        w.println(Messages.text(r.sqlBytes() != r.dumpBytes() ? "cli.import.readCompressed" : "cli.import.read",
                bytes(r.dumpBytes()), bytes(r.sqlBytes()), r.skippedTables(), bytes(r.skippedBytes())));
        w.println(Messages.text("cli.import.schema",
                new SourceSummary(r.snapshot().toString(), null, false, r.layout(), Map.of()).layoutMessage()));
        if (!r.layout().missingColumns().isEmpty()) {
            w.println(Messages.text("cli.import.missingColumns", InfoCommand.missingColumns(r.layout().missingColumns())));
        }
        r.droppedColumns().forEach((table, cols) ->
                w.println(Messages.text("cli.import.droppedColumns", table, String.join(", ", cols))));
        w.println();
        InfoCommand.table(w, r.rowsPerTable(), r.totalRows());
        for (String warning : r.warnings()) {
            w.println();
            w.println(Messages.text("cli.import.note", warning));
        }
        w.flush();
    }

    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double v = n;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format("%.1f %s", v, units[u]);
    }

    /** One line on stderr, redrawn: a bar, bytes read of the file, the table being read and the rows so far. */
    static final class ProgressBar {
        private static final int WIDTH = 24;
        private final PrintWriter err;
        private boolean shown;

        ProgressBar(PrintWriter err) {
            this.err = err;
        }

        void show(ImportProgress p) {
            if (p.phase() == ImportProgress.Phase.DONE) {
                return;
            }
            int filled = (int) Math.round(p.fraction() * WIDTH);
            String what = p.phase() == ImportProgress.Phase.INDEXING ? Messages.text("cli.import.indexing")
                    : p.table() == null ? "" : Messages.text("cli.import.tableRows", p.table(),
                            p.rowsPerTable().getOrDefault(p.table(), 0L));
            String line = "\r" + Messages.text("cli.import.progress", "#".repeat(filled) + " ".repeat(WIDTH - filled),
                    String.format("%3.0f%%", p.fraction() * 100), bytes(p.bytesRead()), bytes(p.totalBytes()), what,
                    p.totalRows());
            err.print(line + "\u001b[K");
            err.flush();
            shown = true;
        }

        void end() {
            if (shown) {
                err.print("\r\u001b[K");
                err.flush();
                shown = false;
            }
        }
    }
}
