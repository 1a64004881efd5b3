package dev.tpmconsole.views.main;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tpmconsole.model.audit.AuditDirtyVmIndex;
import dev.tpmconsole.model.audit.Finding;
import dev.tpmconsole.model.browse.BrowseQueries;
import dev.tpmconsole.model.demo.DemoGenerator;
import dev.tpmconsole.model.demo.DemoOptions;
import dev.tpmconsole.model.schema.DatabaseKind;
import dev.tpmconsole.model.source.MariaDbSource;
import dev.tpmconsole.model.source.OpenOptions;
import dev.tpmconsole.model.source.Source;
import dev.tpmconsole.model.source.SourceException;
import dev.tpmconsole.model.source.SqliteSnapshot;
import dev.tpmconsole.model.testing.MariaDbTestDatabase;
import dev.tpmconsole.views.audit.AuditViewModel;
import dev.tpmconsole.views.browse.BrowseViewModel;
import dev.tpmconsole.views.prefs.RecentDatabase;
import dev.tpmconsole.views.preview.PreviewViewModel;
import dev.tpmconsole.views.util.FxSchedulers;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Live mode through the main window's state, on this machine's MariaDB with a user that has a password: the
 * database opens read-only, browse, audit and preview work on it, and the password is remembered nowhere.
 */
class MainViewModelLiveTest {

    static final String PASSWORD = "S3cret-pw!" + Long.toHexString(ThreadLocalRandom.current().nextLong());
    static MariaDbTestDatabase db;
    static String user;
    static String url;

    @BeforeAll
    static void create() throws Exception {
        db = MariaDbTestDatabase.create(false);
        db.load(sink -> DemoGenerator.generate(new DemoOptions(60, 4), sink));
        // every privilege: what keeps the console from writing is its read-only session, not the grants
        user = db.createUser("tpmro_", PASSWORD, "ALL PRIVILEGES");
        url = MariaDbTestDatabase.serverUrl() + db.name();
    }

    @AfterAll
    static void drop() throws Exception {
        if (db != null) {
            db.close();
        }
    }

    /** Opens snapshots and live databases for real (read-only), as the application does. */
    static final class LiveService implements SourceService {
        @Override
        public Source open(Path snapshot) throws SourceException {
            return SqliteSnapshot.open(snapshot, OpenOptions.readOnly());
        }

        @Override
        public Source openDatabase(String u, String who, String password) throws SourceException {
            return MariaDbSource.open(u, who, password, OpenOptions.readOnly());
        }

        @Override
        public Path demoSnapshot() {
            throw new UnsupportedOperationException("no demo here");
        }
    }

    @Test
    void aLiveDatabaseOpensReadOnlyForBrowsingAuditAndPreview() throws Exception {
        FxSchedulers now = FxSchedulers.synchronous();
        try (MainViewModel vm = new MainViewModel(new LiveService(), now);
             BrowseViewModel browse = new BrowseViewModel(now, s -> new BrowseQueries(s, new AuditDirtyVmIndex(s)));
             AuditViewModel audit = new AuditViewModel(vm.sourceProperty(), now, uuid -> { })) {
            vm.openDatabase(url, user, PASSWORD);
            assertThat(vm.errorProperty().get()).isEmpty();
            Source live = vm.sourceProperty().get();
            assertThat(live.kind()).isEqualTo(DatabaseKind.MARIADB);
            assertThat(live.writable()).isFalse();
            assertThat(vm.titleBinding().get()).isEqualTo(db.name() + " on 127.0.0.1:3306 (live, read-only) — TPM Console");
            assertThat(vm.summaryProperty().get().source()).isEqualTo(url);
            assertThat(vm.summaryProperty().get().count("VmInstanceEO")).isGreaterThan(60);
            try (Connection c = live.connection(); Statement st = c.createStatement()) {
                assertThatThrownBy(() -> st.executeUpdate("DELETE FROM TpmVO")).hasMessageContaining("READ ONLY");
            }

            browse.setSource(live);
            assertThat(browse.vms().rows().rows()).hasSize((int) Math.min(200, vm.summaryProperty().get().count("VmInstanceEO")));

            audit.run();
            assertThat(audit.reportProperty().get()).isNotNull();
            String vmWithFinding = audit.reportProperty().get().findings().stream().map(Finding::vmUuid)
                    .filter(u -> u != null).findFirst().orElseThrow();

            try (PreviewViewModel preview = new PreviewViewModel(live, now, Clock.systemUTC())) {
                preview.load(PreviewViewModel.Operation.RESET, List.of(vmWithFinding));
                assertThat(preview.errorProperty().get()).isEmpty();
                assertThat(preview.previewProperty().get()).isNotNull();
            }

            assertThat(vm.recentDatabases()).containsExactly(new RecentDatabase(url, user));
            assertThat(vm.recent()).isEmpty();
            assertThat(vm.recentDatabases().toString()).doesNotContain(PASSWORD);
        }
    }

    @Test
    void aWrongPasswordSaysWhyWithoutThePasswordAndKeepsWhatWasOpen() {
        try (MainViewModel vm = new MainViewModel(new LiveService(), FxSchedulers.synchronous())) {
            vm.openDatabase(url, user, PASSWORD);
            Source first = vm.sourceProperty().get();
            vm.openDatabase(url, user, "wrong-" + PASSWORD);
            assertThat(vm.errorProperty().get()).startsWith("Cannot read " + url + ": ").contains("Access denied")
                    .doesNotContain(PASSWORD);
            assertThat(vm.sourceProperty().get()).isSameAs(first);
            assertThat(vm.busyProperty().get()).isFalse();
            assertThat(vm.recentDatabases()).hasSize(1);
        }
    }

    @Test
    void aPasswordInTheUrlIsNeitherShownNorRemembered() {
        String withPassword = url + "?user=" + user + "&password=" + PASSWORD;
        try (MainViewModel vm = new MainViewModel(new LiveService(), FxSchedulers.synchronous(), List.of(),
                List.of(new RecentDatabase("jdbc:mariadb://10.0.0.9:3306/zstack", "zstack")))) {
            vm.openDatabase(withPassword, "", null);
            assertThat(vm.errorProperty().get()).isEmpty();
            assertThat(vm.summaryProperty().get().source()).contains("password=***").doesNotContain("S3cret");
            assertThat(vm.titleBinding().get()).doesNotContain("S3cret");
            assertThat(vm.recentDatabases()).containsExactly(new RecentDatabase(url + "?user=" + user, null),
                    new RecentDatabase("jdbc:mariadb://10.0.0.9:3306/zstack", "zstack"));
            vm.clearRecent();
            assertThat(vm.recentDatabases()).isEmpty();
        }
    }

    @Test
    void describesADatabaseByNameAndServer() {
        assertThat(MainViewModel.describeDatabase("jdbc:mariadb://10.0.0.5:3306/zstack?user=root&password=x"))
                .isEqualTo("zstack on 10.0.0.5:3306");
        assertThat(MainViewModel.describeDatabase("jdbc:mysql://u:p@db.example:3307/zstack")).isEqualTo("zstack on db.example:3307");
        assertThat(MainViewModel.describeDatabase("jdbc:mariadb://h/?password=x")).isEqualTo("jdbc:mariadb://h/?password=***");
    }
}
