package dev.tpmconsole.app.commands;

import dev.tpmconsole.model.i18n.Messages;
import dev.tpmconsole.model.catalogue.Catalogue;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code clouds}: the clouds of the catalogue, and the fixes for a wrong guess of which snapshots are one cloud:
 * {@code clouds name}, {@code clouds merge}, {@code clouds split}.
 */
@Command(name = "clouds", mixinStandardHelpOptions = true,
        subcommands = {CloudsCommand.Name.class, CloudsCommand.Merge.class, CloudsCommand.Split.class})
public final class CloudsCommand implements Callable<Integer> {

    /** Output formats. */
    public enum Format { json, text }

    @Spec
    CommandSpec spec;

    @Option(names = "--format", paramLabel = "FORMAT")
    Format format;

    @Mixin
    CatalogueOption catalogue;

    @Override
    public Integer call() throws Exception {
        Format f = CatalogueCommands.format(format, Format.text, Format.json);
        return CatalogueCommands.run(spec, () -> {
            try (Catalogue c = CatalogueCommands.open(spec, catalogue)) {
                print(spec.commandLine().getOut(), c.clouds(), f);
                return 0;
            }
        });
    }

    static void print(PrintWriter out, List<Catalogue.CloudEntry> clouds, Format f) throws Exception {
        if (f == Format.json) {
            CatalogueCommands.printJson(out, java.util.Map.of("clouds", clouds.stream().map(CatalogueJson::cloud).toList()));
            return;
        }
        if (clouds.isEmpty()) {
            out.println(Messages.text("cli.clouds.none"));
        }
        for (Catalogue.CloudEntry c : clouds) {
            out.println(Messages.text("cli.clouds.line", String.valueOf(c.id()), c.displayName(),
                    c.name() != null ? " (" + c.label() + ")" : "", c.audits(),
                    c.lastAudit() == null ? Messages.text("cli.clouds.never")
                            : Messages.text("cli.utc", CatalogueCommands.when(c.lastAudit()))));
            for (String s : c.sources()) {
                out.println("     " + s);
            }
        }
        out.flush();
    }

    /** {@code clouds name ID NAME}. */
    @Command(name = "name", mixinStandardHelpOptions = true)
    static final class Name implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "ID")
        long id;

        @Parameters(index = "1", paramLabel = "NAME")
        String name;

        @Mixin
        CatalogueOption catalogue;

        @Override
        public Integer call() throws Exception {
            return change(spec, catalogue, c -> {
                c.name(id, name);
                return Messages.text("cli.clouds.named", String.valueOf(id), c.cloud(id).orElseThrow().displayName());
            });
        }
    }

    /** {@code clouds merge FROM INTO}. */
    @Command(name = "merge", mixinStandardHelpOptions = true)
    static final class Merge implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FROM")
        long from;

        @Parameters(index = "1", paramLabel = "INTO")
        long into;

        @Mixin
        CatalogueOption catalogue;

        @Override
        public Integer call() throws Exception {
            return change(spec, catalogue, c -> {
                c.merge(from, into);
                Catalogue.CloudEntry cloud = c.cloud(into).orElseThrow();
                return Messages.text("cli.clouds.merged", String.valueOf(from), String.valueOf(into), cloud.displayName(),
                        cloud.audits());
            });
        }
    }

    /** {@code clouds split ID SOURCE...}. */
    @Command(name = "split", mixinStandardHelpOptions = true)
    static final class Split implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "ID")
        long id;

        @Parameters(index = "1..*", paramLabel = "SOURCE", arity = "1..*")
        List<String> sources;

        @Mixin
        CatalogueOption catalogue;

        @Override
        public Integer call() throws Exception {
            return change(spec, catalogue, c -> {
                Catalogue.CloudEntry made = c.split(id, sources);
                return Messages.text("cli.clouds.split", String.join(", ", sources), String.valueOf(id),
                        String.valueOf(made.id()), made.displayName(), made.audits());
            });
        }
    }

    /** A change of the catalogue, saying in one line what it did. */
    interface Change {
        String run(Catalogue catalogue) throws Catalogue.Failure;
    }

    /** Makes the change and prints its line; an impossible one (no such cloud, a cloud into itself) stops with exit 1. */
    static int change(CommandSpec spec, CatalogueOption option, Change change) throws Exception {
        return CatalogueCommands.run(spec, () -> {
            try (Catalogue c = CatalogueCommands.open(spec, option)) {
                String said;
                try {
                    said = change.run(c);
                } catch (IllegalArgumentException e) {
                    throw new CatalogueCommands.Stop(1, e.getLocalizedMessage());
                }
                spec.commandLine().getOut().println(said);
                return 0;
            }
        });
    }

}
