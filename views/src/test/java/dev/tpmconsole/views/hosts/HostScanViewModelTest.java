package dev.tpmconsole.views.hosts;

import static dev.tpmconsole.model.hosts.HostScanFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tpmconsole.model.audit.AuditDirtyVmIndex;
import dev.tpmconsole.model.browse.BrowseQueries;
import dev.tpmconsole.model.hosts.HostFinding;
import dev.tpmconsole.model.hosts.HostRule;
import dev.tpmconsole.model.hosts.HostScanFixture;
import dev.tpmconsole.model.source.OpenOptions;
import dev.tpmconsole.model.source.Source;
import dev.tpmconsole.model.source.Sources;
import dev.tpmconsole.model.ssh.SshHosts;
import dev.tpmconsole.model.ssh.SshPrompts;
import dev.tpmconsole.model.testing.OpenSshHosts;
import dev.tpmconsole.model.testing.SqliteTestDatabase;
import dev.tpmconsole.model.testing.TestSnapshots;
import dev.tpmconsole.views.browse.VmDetailsViewModel;
import dev.tpmconsole.views.util.FxSchedulers;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import io.reactivex.rxjava3.schedulers.Schedulers;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Hosts tab's scan, driven directly (no window) against the real OpenSSH server. */
class HostScanViewModelTest {

    static OpenSshHosts hosts;
    @TempDir
    static Path dir;
    static Path snapshot;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() throws Exception {
        hosts = HostScanFixture.startHosts();
        snapshot = SqliteTestDatabase.create(dir.resolve("cloud.sqlite"), HostScanFixture::rows);
        TestSnapshots.exec(snapshot, HostScanFixture.fixups().toArray(String[]::new));
    }

    @AfterAll
    static void stop() {
        if (hosts != null) {
            hosts.close();
        }
    }

    @Test
    void scansReportsEachHostAndTellsTheVmDetails() throws Exception {
        List<String> unknownKeys = new ArrayList<>();
        SshPrompts prompts = new SshPrompts() {
            @Override
            public boolean trustUnknownHostKey(UnknownHostKey key) {
                unknownKeys.add(key.fingerprint());
                return false;
            }
        };
        HostScanViewModel vm = new HostScanViewModel(oneAtATime(),
                p -> new SshHosts(hosts.settings(), p), prompts, Clock.systemUTC());
        assertThat(vm.canScanBinding().get()).isFalse();
        try (Source s = Sources.open(snapshot.toString(), OpenOptions.readOnly())) {
            vm.sourceProperty().set(s);
            assertThat(vm.canScanBinding().get()).isTrue();
            vm.scan();
            assertThat(vm.runningProperty().get()).isFalse();
            assertThat(vm.errorProperty().get()).isEmpty();
            assertThat(unknownKeys).singleElement().asString().startsWith("SHA256:");
            assertThat(vm.hosts()).hasSize(7);
            assertThat(vm.hosts()).filteredOn(r -> r.state() == HostScanRow.State.SCANNED).hasSize(2);
            assertThat(vm.reportProperty().get()).isNotNull();
            assertThat(vm.findings()).extracting(HostFinding::rule).contains(HostRule.HOST_STATE_MISSING);
            assertThat(vm.selectedFindingProperty().get()).isNotNull();
            assertThat(vm.detailBinding().get()).contains(vm.selectedFindingProperty().get().rule().name());
            assertThat(vm.progressProperty().get()).isEqualTo(1.0);
            assertThat(vm.statusProperty().get()).contains("2 hosts scanned", "5 unreachable");
            assertThat(vm.copyText(List.of()).lines()).hasSize(vm.findings().size() + 1);

            Path out = tmp.resolve("scan.json");
            vm.export(out).blockingAwait();
            assertThat(new ObjectMapper().readTree(out.toFile()).get("hosts")).hasSize(7);

            VmDetailsViewModel details = new VmDetailsViewModel(FxSchedulers.synchronous());
            details.setQueries(new BrowseQueries(s, new AuditDirtyVmIndex(s)));
            assertThat(details.hostScanBinding().get()).isEmpty();
            details.show(VM_MISSING);
            assertThat(details.hostScanBinding().get()).isEqualTo("Hosts not scanned yet: Hosts tab, Scan hosts.");
            details.lastScanProperty().bind(vm.reportProperty());
            assertThat(details.hostScanBinding().get()).contains("state folder missing on host " + HOST_A);
            details.show(VM_OK);
            assertThat(details.hostScanBinding().get()).contains("state folder found (folder) on host " + HOST_A,
                    "host unreachable", "an untracked state folder on " + B);
            assertThat(details.hostFiles()).extracting(details::onHost).contains(
                    new dev.tpmconsole.views.browse.VmDetailsViewModel.OnHost("found (folder)", false),
                    new dev.tpmconsole.views.browse.VmDetailsViewModel.OnHost("host unreachable", false));
            // in Chinese, the entry's kind and the host's status are Chinese too
            dev.tpmconsole.model.i18n.Language before = dev.tpmconsole.views.util.I18n.languageProperty().get();
            try {
                dev.tpmconsole.views.util.I18n.languageProperty().set(dev.tpmconsole.model.i18n.Language.ZH_CN);
                assertThat(details.hostFiles()).extracting(details::onHost).contains(
                        new dev.tpmconsole.views.browse.VmDetailsViewModel.OnHost("已找到（目录）", false),
                        new dev.tpmconsole.views.browse.VmDetailsViewModel.OnHost("物理机 无法连接", false));
            } finally {
                dev.tpmconsole.views.util.I18n.languageProperty().set(before);
            }
            details.close();

            vm.sourceProperty().set(null);
            assertThat(vm.reportProperty().get()).as("a scan describes the source it was made on").isNull();
            assertThat(vm.hosts()).isEmpty();
        }
        vm.close();
    }

    /**
     * Everything on the calling thread, as {@link FxSchedulers#synchronous()}, but the FX side's work one task at a
     * time, as on the FX thread: the scan reaches several hosts at once and tells the view model of each from the
     * thread that scanned it (with the plain synchronous schedulers two of them changed the host rows together, and
     * the scan failed now and then with an UnsupportedOperationException from the list).
     */
    static FxSchedulers oneAtATime() {
        Object fxThread = new Object();
        return new FxSchedulers(Schedulers.trampoline(), Schedulers.from(task -> {
            synchronized (fxThread) {
                task.run();
            }
        }));
    }

    @Test
    void theDemoIsRefusedAndNothingIsReached() throws Exception {
        Path demo = TestSnapshots.demo(tmp.resolve("demo.sqlite"), 40, 5);
        int[] opened = {0};
        HostScanViewModel vm = new HostScanViewModel(FxSchedulers.synchronous(), p -> {
            opened[0]++;
            return new SshHosts(hosts.settings(), p);
        }, SshPrompts.NONE, Clock.systemUTC());
        try (Source s = Sources.open(demo.toString(), OpenOptions.readOnly())) {
            vm.sourceProperty().set(s);
            vm.scan();
            assertThat(vm.errorProperty().get()).contains("the demo's hosts are not real");
            assertThat(vm.statusProperty().get()).as("refused, not failed").isEqualTo("Not scanned: refused (the reason is below)");
            assertThat(opened[0]).isZero();
            assertThat(vm.reportProperty().get()).isNull();
        }
        vm.close();
    }

    @Test
    void withoutSshTheScanIsDisabled() {
        HostScanViewModel vm = new HostScanViewModel(FxSchedulers.synchronous(), null, null, Clock.systemUTC());
        assertThat(vm.canScanBinding().get()).isFalse();
        vm.close();
    }
}
