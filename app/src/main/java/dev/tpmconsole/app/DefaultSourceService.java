package dev.tpmconsole.app;

import dev.tpmconsole.model.demo.DemoSnapshots;
import dev.tpmconsole.model.source.JdbcUrls;
import dev.tpmconsole.model.source.MariaDbSource;
import dev.tpmconsole.model.source.OpenOptions;
import dev.tpmconsole.model.source.Source;
import dev.tpmconsole.model.source.SourceException;
import dev.tpmconsole.model.source.SqliteSnapshot;
import dev.tpmconsole.views.main.SourceService;
import java.nio.file.Path;

/**
 * The real {@link SourceService}: snapshots and live databases open read-only; the demo lives in the data folder.
 */
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
    public Source openDatabase(String url, String user, String password) throws SourceException {
        if (!url.startsWith("jdbc:mariadb://") && !url.startsWith("jdbc:mysql://")) {
            throw new SourceException(SourceException.Reason.UNSUPPORTED, "Not a database URL: "
                    + JdbcUrls.withoutPassword(url) + " (use jdbc:mariadb://HOST:3306/zstack)");
        }
        return MariaDbSource.open(url, user, password, OpenOptions.readOnly());
    }

    @Override
    public Path demoSnapshot() throws Exception {
        DemoSnapshots.ensure(dataDir);
        return DemoSnapshots.location(dataDir);
    }
}
