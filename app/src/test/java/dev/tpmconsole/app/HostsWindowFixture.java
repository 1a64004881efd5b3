package dev.tpmconsole.app;

import dev.tpmconsole.model.events.EventLog;
import dev.tpmconsole.model.source.QueryGuard;
import dev.tpmconsole.model.ssh.SshSettings;
import dev.tpmconsole.model.testing.OpenSshHosts;
import dev.tpmconsole.views.prefs.PreferencesStore;
import dev.tpmconsole.views.util.FxSchedulers;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Supplier;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;

/**
 * What the window tests against fake KVM hosts (the real OpenSSH server on loopback addresses) share: the hosts,
 * which the test class starts and which are stopped after it, and the window reaching them.
 */
abstract class HostsWindowFixture extends WindowFixture {

    static OpenSshHosts hosts;

    @AfterAll
    static void stopHosts() {
        if (hosts != null) {
            hosts.close();
            hosts = null;
        }
    }

    /**
     * The main window with its data in the folder, events kept in memory, and {@code ssh} the settings its host
     * work uses; {@code catalogue} may be null (none).
     */
    void show(Stage stage, PreferencesStore store, QueryGuard guard, Path catalogue, Supplier<SshSettings> ssh) {
        gui = ConsoleGui.show(stage, new ConsoleGui.Setup(dir.resolve("data"), store, null, guard, FxSchedulers.javafx(),
                new EventLog(100, Clock.systemUTC()), catalogue, ssh));
    }
}
