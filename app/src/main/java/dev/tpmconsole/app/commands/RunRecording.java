package dev.tpmconsole.app.commands;

import dev.tpmconsole.model.i18n.Message;
import dev.tpmconsole.model.i18n.Messages;
import dev.tpmconsole.model.catalogue.Catalogue;
import dev.tpmconsole.model.catalogue.CloudMarkers;
import dev.tpmconsole.model.catalogue.RunKind;
import dev.tpmconsole.model.catalogue.RunOutcome;
import dev.tpmconsole.model.source.Source;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;

/**
 * Records a run of {@code apply} or {@code undo} in the catalogue: started (while the run goes on, on a thread of
 * its own), then how it ended. What the command prints and its exit status do not change; a catalogue that
 * cannot be used is one line on stderr.
 */
final class RunRecording {

    private final CatalogueAccess access;
    private final CompletableFuture<Long> started;

    private RunRecording(CatalogueAccess access, CompletableFuture<Long> started) {
        this.access = access;
        this.started = started;
    }

    /**
     * Starts recording a run on {@code source} (its cloud markers are read now, before the run changes anything).
     *
     * @param kind apply, repair (a plan of operation repair) or undo
     */
    static RunRecording start(CatalogueAccess access, Source source, RunKind kind, String operation, boolean resumed,
                              String plan, String journal) {
        CloudMarkers markers;
        try {
            markers = CloudMarkers.read(source);
        } catch (SQLException e) {
            access.warn(Messages.text("cli.catalogue.unknownCloud", source.displayName(), e.getLocalizedMessage(),
                    Message.of("cli.notRecorded.run")));
            return new RunRecording(access, CompletableFuture.completedFuture(null));
        }
        return new RunRecording(access, CompletableFuture.supplyAsync(() -> {
            Catalogue c = access.get();
            if (c == null) {
                return null;
            }
            try {
                return c.runStarted(markers, kind, operation, resumed, plan, journal);
            } catch (Catalogue.Failure e) {
                access.warn(Messages.text("cli.catalogue.failure", e.getLocalizedMessage(),
                        Message.of("cli.notRecorded.run")));
                return null;
            }
        }));
    }

    /** Records how the run ended (waits for its start to be recorded). */
    void ended(RunOutcome outcome, int done, int failed, int skipped, String message) {
        Long id = started.join();
        Catalogue c = id == null ? null : access.get();
        if (c != null) {
            try {
                c.runEnded(id, outcome, done, failed, skipped, message);
            } catch (Catalogue.Failure e) {
                access.warn(Messages.text("cli.catalogue.failure", e.getLocalizedMessage(),
                        Message.of("cli.notRecorded.runEnd")));
            }
        }
    }
}
