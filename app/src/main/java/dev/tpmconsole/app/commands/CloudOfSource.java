package dev.tpmconsole.app.commands;

import dev.tpmconsole.model.catalogue.Catalogue;
import dev.tpmconsole.model.catalogue.CloudMarkers;
import java.io.PrintWriter;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * SOURCE, read only to know its cloud, and the catalogue that holds what is known of that cloud: for the
 * commands that list it ({@code history}, {@code runs}).
 */
final class CloudOfSource {

    /** Work on the catalogue and SOURCE's cloud (empty when the catalogue has not seen it). */
    @FunctionalInterface
    interface Work {
        int run(Catalogue catalogue, Optional<Catalogue.CloudEntry> cloud) throws Exception;
    }

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Parameters(paramLabel = "SOURCE")
    String source;

    @Mixin
    CatalogueOption catalogue;

    /**
     * Reads SOURCE's cloud markers, opens the catalogue, finds the cloud and runs {@code work} (see
     * {@link CatalogueCommands#run}).
     */
    int run(Work work) throws Exception {
        return CatalogueCommands.run(spec, () -> {
            CloudMarkers markers = CatalogueCommands.markers(source);
            try (Catalogue c = CatalogueCommands.open(spec, catalogue)) {
                return work.run(c, c.cloudOf(markers));
            }
        });
    }

    /** The command's stdout. */
    PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
