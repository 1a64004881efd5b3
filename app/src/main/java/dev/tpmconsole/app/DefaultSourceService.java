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
    private final java.util.function.Supplier<dev.tpmconsole.model.ssh.SshSettings> ssh;
    private final dev.tpmconsole.model.ssh.SshPrompts prompts;

    public DefaultSourceService(Path dataDir) {
        this(dataDir, dev.tpmconsole.model.ssh.SshSettings::defaults, dev.tpmconsole.model.ssh.SshPrompts.NONE);
    }

    /** With the SSH settings and prompts a database reached through SSH uses. */
    public DefaultSourceService(Path dataDir, java.util.function.Supplier<dev.tpmconsole.model.ssh.SshSettings> ssh,
                                dev.tpmconsole.model.ssh.SshPrompts prompts) {
        this.dataDir = dataDir;
        this.ssh = ssh;
        this.prompts = prompts;
    }

    @Override
    public Source open(Path snapshot) throws SourceException {
        return SqliteSnapshot.open(snapshot, OpenOptions.readOnly());
    }

    @Override
    public Source openDatabase(String url, String user, String password) throws SourceException {
        if (!url.startsWith("jdbc:mariadb://") && !url.startsWith("jdbc:mysql://")) {
            throw new SourceException(SourceException.Reason.UNSUPPORTED, dev.tpmconsole.model.i18n.Messages.text(
                    "cli.source.notADatabaseUrl", JdbcUrls.withoutPassword(url)));
        }
        return MariaDbSource.open(url, user, password, OpenOptions.readOnly());
    }

    @Override
    public Source openDatabase(String url, String user, String password, String sshAlias) throws SourceException {
        if (sshAlias == null) {
            return openDatabase(url, user, password);
        }
        if (!url.startsWith("jdbc:mariadb://") && !url.startsWith("jdbc:mysql://")) {
            throw new SourceException(SourceException.Reason.UNSUPPORTED, dev.tpmconsole.model.i18n.Messages.text(
                    "cli.source.notADatabaseUrl", JdbcUrls.withoutPassword(url)));
        }
        return dev.tpmconsole.model.source.TunnelledSource.open(url, ssh.get(), prompts, sshAlias,
                local -> MariaDbSource.open(local, user, password, OpenOptions.readOnly()));
    }

    @Override
    public Path demoSnapshot() throws Exception {
        DemoSnapshots.ensure(dataDir);
        return DemoSnapshots.location(dataDir);
    }
}
