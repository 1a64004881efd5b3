package dev.tpmconsole.app.commands;

import dev.tpmconsole.model.i18n.Messages;
import dev.tpmconsole.model.catalogue.Catalogue;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code clouds}: the clouds of the catalogue, and the fixes for a wrong guess of which snapshots are one cloud:
 * {@code clouds name}, {@code clouds merge}, {@code clouds split}.
 */
@Command(name = "clouds", mixinStandardHelpOptions = true,
        subcommands = {CloudsCommand.Name.class, CloudsCommand.Merge.class, CloudsCommand.Split.class})
public final class CloudsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    FormatOption format;

    @Mixin
    CatalogueOption catalogue;

    @Override
    public Integer call() throws Exception {
        boolean json = format.json();
        return CatalogueCommands.run(spec, () -> {
            try (Catalogue c = CatalogueCommands.open(spec, catalogue)) {
                print(spec.commandLine().getOut(), c.clouds(), json);
                return 0;
            }
        });
    }

    static void print(PrintWriter out, List<Catalogue.CloudEntry> clouds, boolean json) throws Exception {
        if (json) {
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

    /**
     * A change of the catalogue, saying in one line what it did; an impossible one (no such cloud, a cloud into
     * itself) stops with exit 1.
     */
    abstract static class Change implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        CatalogueOption catalogue;

        /** Makes the change in {@code catalogue}; the line that says what it did. */
        abstract String change(Catalogue catalogue) throws Catalogue.Failure;

        @Override
        public final Integer call() throws Exception {
            return CatalogueCommands.run(spec, () -> {
                try (Catalogue c = CatalogueCommands.open(spec, catalogue)) {
                    String said;
                    try {
                        said = change(c);
                    } catch (IllegalArgumentException e) {
                        throw new CatalogueCommands.Stop(1, e.getLocalizedMessage());
                    }
                    spec.commandLine().getOut().println(said);
                    return 0;
                }
            });
        }
    }

    /** {@code clouds name ID NAME}. */
    @Command(name = "name", mixinStandardHelpOptions = true)
    static final class Name extends Change {
        @Parameters(index = "0", paramLabel = "ID")
        long id;

        @Parameters(index = "1", paramLabel = "NAME")
        String name;

        @Override
        String change(Catalogue c) throws Catalogue.Failure {
            c.name(id, name);
            return Messages.text("cli.clouds.named", String.valueOf(id), c.cloud(id).orElseThrow().displayName());
        }
    }

    /** {@code clouds merge FROM INTO}. */
    @Command(name = "merge", mixinStandardHelpOptions = true)
    static final class Merge extends Change {
        @Parameters(index = "0", paramLabel = "FROM")
        long from;

        @Parameters(index = "1", paramLabel = "INTO")
        long into;

        @Override
        String change(Catalogue c) throws Catalogue.Failure {
            c.merge(from, into);
            Catalogue.CloudEntry cloud = c.cloud(into).orElseThrow();
            return Messages.text("cli.clouds.merged", String.valueOf(from), String.valueOf(into), cloud.displayName(),
                    cloud.audits());
        }
    }

    /** {@code clouds split ID SOURCE...}. */
    @Command(name = "split", mixinStandardHelpOptions = true)
    static final class Split extends Change {
        @Parameters(index = "0", paramLabel = "ID")
        long id;

        @Parameters(index = "1..*", paramLabel = "SOURCE", arity = "1..*")
        List<String> sources;

        @Override
        String change(Catalogue c) throws Catalogue.Failure {
            Catalogue.CloudEntry made = c.split(id, sources);
            return Messages.text("cli.clouds.split", String.join(", ", sources), String.valueOf(id),
                    String.valueOf(made.id()), made.displayName(), made.audits());
        }
    }
}
