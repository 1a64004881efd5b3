package dev.tpmconsole.views.main;

import dev.tpmconsole.model.source.OpenOptions;
import dev.tpmconsole.model.source.Source;
import dev.tpmconsole.model.source.SourceException;
import dev.tpmconsole.model.source.SqliteSnapshot;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Opens snapshots for real, read-only, as the console's service does, and serves {@code demo} as the built-in
 * demo, counting how often it was asked for.
 */
final class SnapshotService implements SourceService {

    final AtomicInteger demoRequests = new AtomicInteger();
    private final Path demo;

    SnapshotService(Path demo) {
        this.demo = demo;
    }

    @Override
    public Source open(Path snapshot) throws SourceException {
        return SqliteSnapshot.open(snapshot, OpenOptions.readOnly());
    }

    @Override
    public Path demoSnapshot() {
        demoRequests.incrementAndGet();
        return demo;
    }
}
