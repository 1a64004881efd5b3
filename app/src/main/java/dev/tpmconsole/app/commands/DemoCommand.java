package dev.tpmconsole.app.commands;

import dev.tpmconsole.model.i18n.Messages;
import dev.tpmconsole.model.demo.DemoGenerator;
import dev.tpmconsole.model.demo.DemoOptions;
import dev.tpmconsole.model.demo.DemoResult;
import dev.tpmconsole.model.demo.DemoSnapshots;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code demo --out FILE}: writes a realistic, deterministic demo snapshot with dirty rows of every kind. */
@Command(name = "demo", mixinStandardHelpOptions = true)
public final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** {@code --catalogue} / {@code --no-catalogue}: accepted by every command (this one does not use the catalogue). */
    @picocli.CommandLine.Mixin
    CatalogueOption catalogue;

    @Option(names = "--out", required = true, paramLabel = "FILE")
    Path out;

    @Option(names = "--vms", paramLabel = "N", defaultValue = "" + DemoOptions.DEFAULT_VMS)
    int vms;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "" + DemoOptions.DEFAULT_SEED)
    long seed;

    @Option(names = "--force")
    boolean force;

    @Override
    public Integer call() throws IOException, SQLException {
        DemoOptions options;
        try {
            options = new DemoOptions(vms, seed);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getLocalizedMessage());
        }
        DemoResult result;
        try {
            result = DemoGenerator.writeSnapshot(out, options, force);
        } catch (FileAlreadyExistsException e) {
            spec.commandLine().getErr().println("tpm-console: " + Messages.text("cli.exists",
                    out.toAbsolutePath().toString()));
            return 1;
        } catch (IOException e) {
            // the snapshot cannot be written (no space, no permission, a folder in its place): nothing is left
            spec.commandLine().getErr().println("tpm-console: " + e.getLocalizedMessage());
            return 1;
        }
        PrintWriter w = spec.commandLine().getOut();
        long vmRows = result.rowsPerTable().getOrDefault("VmInstanceEO", 0L);
        w.println(Messages.text("cli.demo.wrote", out.toAbsolutePath().toString(), vmRows, vmRows - vms,
                result.totalRows(), result.rowsPerTable().size(), result.injected().size(),
                String.format("%.1f", result.elapsed().toMillis() / 1000.0)));
        w.flush();
        return 0;
    }

    /** Used by the GUI's first start: the default demo in the data folder. */
    public static Path defaultDemo(Path dataDir) throws IOException, SQLException {
        DemoSnapshots.ensure(dataDir);
        return DemoSnapshots.location(dataDir);
    }
}
