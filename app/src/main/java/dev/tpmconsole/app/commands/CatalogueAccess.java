package dev.tpmconsole.app.commands;

import dev.tpmconsole.model.i18n.Messages;
import dev.tpmconsole.model.catalogue.Catalogue;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import dev.tpmconsole.model.util.Daemon;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * A command's catalogue, opened on a thread of its own while the command does its work (Flyway and Hibernate take
 * a moment to start), so that recording adds little to its time. A catalogue that cannot be used is a one-line
 * warning on stderr, once; the command goes on without it.
 */
final class CatalogueAccess implements AutoCloseable {

    private final CompletableFuture<Catalogue.Opened> opening;
    private final PrintWriter err;
    private boolean warned;

    private CatalogueAccess(CompletableFuture<Catalogue.Opened> opening, PrintWriter err) {
        this.opening = opening;
        this.err = err;
    }

    /** Starts opening {@code file}; null means {@code --no-catalogue}. */
    static CatalogueAccess start(Path file, PrintWriter err) {
        if (file == null) {
            return new CatalogueAccess(CompletableFuture.completedFuture(new Catalogue.Opened(null, null)), err);
        }
        CompletableFuture<Catalogue.Opened> f = Daemon.start("catalogue-open", () -> Catalogue.open(file, Clock.systemUTC()))
                .exceptionally(e -> new Catalogue.Opened(null, dev.tpmconsole.model.i18n.Message.of("catalogue.cannotOpen",
                        file, e)));
        return new CatalogueAccess(f, err);
    }

    /** The catalogue, once open; null without one (its notice, if any, is printed once). */
    Catalogue get() {
        Catalogue.Opened opened;
        try {
            opened = opening.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            return null;
        }
        if (opened.why() != null) {
            warn(opened.why().toString());
        }
        return opened.catalogue();
    }

    /** A problem with the catalogue: one line on stderr (the first only: one cause, said once). */
    synchronized void warn(String message) {
        if (!warned) {
            warned = true;
            err.println("tpm-console: " + Messages.text("cli.warning", message));
            err.flush();
        }
    }

    @Override
    public void close() {
        opening.thenAccept(o -> {
            if (o.catalogue() != null) {
                o.catalogue().close();
            }
        });
    }
}
