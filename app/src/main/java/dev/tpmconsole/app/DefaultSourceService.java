package dev.tpmconsole.app;

import dev.tpmconsole.model.demo.DemoSnapshots;
import dev.tpmconsole.model.source.OpenOptions;
import dev.tpmconsole.model.source.Source;
import dev.tpmconsole.model.source.SourceException;
import dev.tpmconsole.model.source.SqliteSnapshot;
import dev.tpmconsole.views.main.SourceService;
import java.nio.file.Path;

/** The real {@link SourceService}: snapshots open read-only; the demo lives in the data folder. */
public final class DefaultSourceService implements SourceService {

    private final Path dataDir;

    public DefaultSourceService(Path dataDir) {
        this.dataDir = dataDir;
    }

    @Override
    public Source open(Path snapshot) throws SourceException {
        return SqliteSnapshot.open(snapshot, OpenOptions.readOnly());
    }

    @Override
    public Path demoSnapshot() throws Exception {
        DemoSnapshots.ensure(dataDir);
        return DemoSnapshots.location(dataDir);
    }
}
