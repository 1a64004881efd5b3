package dev.tpmconsole.views.main;

import dev.tpmconsole.model.source.GuardedSource;
import dev.tpmconsole.model.source.QueryGuard;
import dev.tpmconsole.model.source.Source;
import dev.tpmconsole.model.source.SourceException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Puts a {@link QueryGuard} on every source the main window opens (and checks the opening itself, which
 * reads the file), so that no query of the views can run on a forbidden thread unnoticed.
 */
public final class GuardedSourceService implements SourceService {

    private final SourceService delegate;
    private final QueryGuard guard;

    public GuardedSourceService(SourceService delegate, QueryGuard guard) {
        this.delegate = Objects.requireNonNull(delegate);
        this.guard = Objects.requireNonNull(guard);
    }

    @Override
    public Source open(Path snapshot) throws SourceException {
        guard.check("opening " + snapshot);
        return new GuardedSource(delegate.open(snapshot), guard);
    }

    @Override
    public Source openDatabase(String url, String user, String password) throws SourceException {
        guard.check("connecting to " + dev.tpmconsole.model.source.JdbcUrls.withoutPassword(url));
        return new GuardedSource(delegate.openDatabase(url, user, password), guard);
    }

    @Override
    public Source openDatabase(String url, String user, String password, String sshAlias) throws SourceException {
        guard.check("connecting to " + dev.tpmconsole.model.source.JdbcUrls.withoutPassword(url)
                + (sshAlias == null ? "" : " through ssh " + sshAlias));
        return new GuardedSource(delegate.openDatabase(url, user, password, sshAlias), guard);
    }

    @Override
    public Path demoSnapshot() throws Exception {
        guard.check("preparing the demo snapshot");
        return delegate.demoSnapshot();
    }
}
