package dev.tpmconsole.app;

import static dev.tpmconsole.model.hosts.HostScanFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tpmconsole.model.browse.VmRow;
import dev.tpmconsole.model.hosts.HostFinding;
import dev.tpmconsole.model.hosts.HostRule;
import dev.tpmconsole.model.hosts.HostScanFixture;
import dev.tpmconsole.model.source.QueryGuard;
import dev.tpmconsole.model.testing.OpenSshHosts;
import dev.tpmconsole.model.testing.SqliteTestDatabase;
import dev.tpmconsole.model.testing.TestSnapshots;
import dev.tpmconsole.views.hosts.HostScanRow;
import dev.tpmconsole.views.prefs.PreferencesStore;
import dev.tpmconsole.views.util.FxQueryGuard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * Scan hosts from the Hosts tab against the real OpenSSH server, as a person does it: the encrypted key's
 * passphrase is asked in a password field, an unknown host key is shown with its fingerprint and refused, the
 * progress per host ends in a row per host, the findings show their detail, and the VM details say whether the
 * VM's state folder was on its host. No query runs on the FX thread.
 */
class HostScanWindowTest extends HostsWindowFixture {

    static Path config;

    QueryGuard guard;

    @BeforeAll
    static void fixture() throws Exception {
        hosts = HostScanFixture.startHosts();
        snapshot = SqliteTestDatabase.create(dir.resolve("cloud.sqlite"), HostScanFixture::rows);
        TestSnapshots.exec(snapshot, HostScanFixture.fixups().toArray(String[]::new));
        config = dir.resolve("ssh_config");
        Files.writeString(config, Files.readString(hosts.sshConfig()).replace(hosts.clientKey().toString(),
                hosts.encryptedKey().toString()));
    }

    @Start
    void start(Stage stage) {
        guard = FxQueryGuard.create(QueryGuard.Mode.RECORD);
        show(stage, PreferencesStore.inMemory(), guard, dir.resolve("catalogue.sqlite"),
                () -> hosts.settings().withConfig(config));
    }

    @Test
    void scanHostsFromTheHostsTab(FxRobot robot) throws Exception {
        robot.interact(() -> gui.viewModel().open(snapshot));
        TableView<VmRow> vms = robot.lookup("#vmTable").queryTableView();
        waitUntil(() -> vms.getItems().size() == 7);
        robot.clickOn("#hostsTab");
        waitUntil(() -> !robot.lookup("#hostScan").queryButton().isDisabled());
        robot.clickOn("#hostScan");

        List<String> asked = new ArrayList<>();
        var scan = gui.browseViewModel().scan();
        // the dialogs come one at a time, in whatever order the hosts get there
        waitUntil(() -> !robot.lookup("#passwordDialog").tryQuery().isEmpty()
                || !robot.lookup("#confirmDialog").tryQuery().isEmpty() || !scan.runningProperty().get());
        while (scan.runningProperty().get()) {
            if (!robot.lookup("#passwordDialog").tryQuery().isEmpty()) {
                asked.add("passphrase");
                robot.clickOn("#passwordField").write(OpenSshHosts.PASSPHRASE);
                robot.clickOn("#passwordAction");
            } else if (!robot.lookup("#confirmDialog").tryQuery().isEmpty()) {
                Node pane = robot.lookup("#confirmDialog").query();
                String text = ((javafx.scene.control.DialogPane) pane).getContentText();
                assertThat(text).contains("[" + UNKNOWN + "]:" + hosts.port(), "SHA256:");
                asked.add("host key");
                robot.clickOn("#confirmCancel");
            }
            waitUntil(() -> !robot.lookup("#passwordDialog").tryQuery().isEmpty()
                    || !robot.lookup("#confirmDialog").tryQuery().isEmpty() || !scan.runningProperty().get());
        }
        assertThat(asked).as(scan.statusProperty().get() + " " + scan.errorProperty().get())
                .containsExactlyInAnyOrder("passphrase", "host key");

        TableView<HostScanRow> hostRows = robot.lookup("#hostScanTable").queryTableView();
        waitUntil(() -> hostRows.getItems().size() == 7);
        assertThat(hostRows.getItems()).filteredOn(r -> r.state() == HostScanRow.State.SCANNED)
                .extracting(HostScanRow::hostUuid).containsExactlyInAnyOrder(HOST_A, HOST_B);
        assertThat(hostRows.getItems()).filteredOn(r -> r.hostUuid().equals(HOST_UNKNOWN)).singleElement()
                .satisfies(r -> assertThat(r.reason()).contains("unknown", "SHA256:"));
        assertThat(robot.lookup("#hostScanStatus").queryAs(Label.class).getText()).contains("2 hosts scanned");
        assertThat(CutTexts.inHeaders("#hostScanTable")).as("the scanned hosts' headers").isEmpty();
        assertThat(CutTexts.inHeaders("#hostFindingTable")).as("the host findings' headers").isEmpty();

        TableView<HostFinding> findings = robot.lookup("#hostFindingTable").queryTableView();
        assertThat(findings.getItems()).extracting(HostFinding::rule).contains(HostRule.HOST_STATE_MISSING,
                HostRule.HOST_STATE_UNTRACKED, HostRule.HOST_PATH_REFUSED, HostRule.HOST_UNREACHABLE);
        int link = indexOf(findings, "/var/lib/libvirt/swtpm/" + dashed(VM_LINK));
        robot.interact(() -> findings.getSelectionModel().clearAndSelect(link));
        waitUntil(() -> robot.lookup("#hostFindingDetail").queryAs(TextArea.class).getText().contains("symbolic link"));
        assertThat(robot.lookup("#hostScanExport").queryButton().isDisabled()).isFalse();

        // the VM details: was the VM's state folder on its host at the scan?
        robot.clickOn("#vmsTab");
        robot.interact(() -> gui.window().browse().showVm(VM_MISSING));
        waitUntil(() -> robot.lookup("#detailsHostScan").queryAs(Label.class).getText().contains("missing on"));
        robot.interact(() -> gui.window().browse().showVm(VM_OK));
        waitUntil(() -> robot.lookup("#detailsHostScan").queryAs(Label.class).getText().contains("found (folder)"));
        assertThat(robot.lookup("#detailsError").queryAs(Label.class).isVisible()).as("no error, no error bar").isFalse();
        // the scan is in the cloud's history, its findings counted as the table shows them
        waitUntil(() -> gui.catalogue() != null);
        var catalogue = gui.catalogue();
        var markers = cloudMarkers();
        waitUntil(() -> {
            try {
                var cloud = catalogue.cloudOf(markers);
                return cloud.isPresent() && !catalogue.history(cloud.get().id(),
                        dev.tpmconsole.model.catalogue.Audit.HOST_SCAN).isEmpty();
            } catch (Exception e) {
                return false;
            }
        });
        var cloud = catalogue.cloudOf(markers).orElseThrow();
        assertThat(catalogue.history(cloud.id(), dev.tpmconsole.model.catalogue.Audit.HOST_SCAN)).singleElement()
                .satisfies(a -> assertThat(a.findings()).isEqualTo(findings.getItems().size()));
        assertThat(guard.violations()).isEmpty();
    }

    private static dev.tpmconsole.model.catalogue.CloudMarkers cloudMarkers() throws Exception {
        try (var s = dev.tpmconsole.model.source.SqliteSnapshot.open(snapshot,
                dev.tpmconsole.model.source.OpenOptions.readOnly())) {
            return dev.tpmconsole.model.catalogue.CloudMarkers.read(s);
        }
    }

    private static int indexOf(TableView<HostFinding> t, String path) {
        for (int i = 0; i < t.getItems().size(); i++) {
            if (path.equals(t.getItems().get(i).path())) {
                return i;
            }
        }
        throw new AssertionError(path + " not among the findings");
    }
}
