package dev.tpmconsole.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpmconsole.model.hosts.HostPaths;
import dev.tpmconsole.model.pipeline.RunEvent;
import dev.tpmconsole.model.source.QueryGuard;
import dev.tpmconsole.model.testing.OpenSshHosts;
import dev.tpmconsole.model.testing.Rows;
import dev.tpmconsole.model.testing.SqliteTestDatabase;
import dev.tpmconsole.model.testing.TestSnapshots;
import dev.tpmconsole.model.browse.VmRow;
import dev.tpmconsole.views.run.HostRow;
import dev.tpmconsole.views.run.ItemRow;
import dev.tpmconsole.views.util.FxQueryGuard;
import dev.tpmconsole.views.prefs.PreferencesStore;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A run from the window whose host work is done over SSH, against fake hosts served by the real OpenSSH: the
 * confirmation names the hosts and offers the choice, the run window shows a row per host, one host fails (its
 * TPM state folder cannot be read), its row and item say why and the TPM step waits; once the host is fixed,
 * Retry failed finishes the run and every folder is in the run's trash on its host.
 */
class HostWorkWindowTest extends HostsWindowFixture {

    static final String GOOD = "127.0.0.51";
    static final String BAD = "127.0.0.52";
    static final String V1 = "c1".repeat(16);
    static final String V2 = "c2".repeat(16);
    static final String V3 = "c3".repeat(16);

    PreferencesStore store;

    @BeforeAll
    static void fixture() throws Exception {
        hosts = OpenSshHosts.start(List.of(GOOD, BAD));
        snapshot = SqliteTestDatabase.create(dir.resolve("cloud.sqlite"), sink -> {
            Rows r = new Rows(sink);
            r.provider("p", "nkp").host("hgood", false, GOOD).host("hbad", false, BAD);
            for (String v : List.of(V1, V2, V3)) {
                r.vm(v, true).tpm("t" + v.substring(1), v);
            }
            r.hostFile("f1", V1, "hgood", "TpmState").hostFile("f2", V2, "hgood", "TpmState");
            r.hostFile("f3", V3, "hbad", "TpmState");
        });
        hosts.stateFolder(GOOD, HostPaths.hyphenated(V1));
        hosts.stateFolder(GOOD, HostPaths.hyphenated(V2));
        hosts.stateFolder(BAD, HostPaths.hyphenated(V3));
        hosts.lockStateFolder(BAD);
    }

    @Start
    void start(Stage stage) {
        store = PreferencesStore.inMemory();
        show(stage, store, FxQueryGuard.create(QueryGuard.Mode.THROW), null, hosts::settings);
    }

    @Test
    void aRunWithHostWorkOverSsh_aFailingHost_thenRetry(FxRobot robot) throws Exception {
        robot.interact(() -> gui.viewModel().open(snapshot));
        TableView<VmRow> vms = robot.lookup("#vmTable").queryTableView();
        waitUntil(() -> vms.getItems().size() == 3);
        robot.interact(() -> {
            vms.requestFocus();
            vms.getSelectionModel().selectAll();
        });
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.M).release(KeyCode.M, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> gui.previewViewModel() != null && gui.previewViewModel().previewProperty().get() != null
                && gui.previewStage().isShowing());
        robot.clickOn("#runPlan");
        WaitForAsyncUtils.waitForFxEvents();
        // the confirmation names the hosts the run touches, and asks how its host work is done
        assertThat(robot.lookup("#confirmDialog .content").queryAs(Label.class).getText())
                .contains("Host work: 3 TPM state folders on 2 hosts: host hgood at " + GOOD + ", host hbad at " + BAD);
        CheckBox overSsh = robot.lookup("#confirmChoice").queryAs(CheckBox.class);
        assertThat(overSsh.isSelected()).as("exported, unless chosen").isFalse();
        robot.clickOn("#confirmChoice");
        robot.clickOn("#confirmAction");
        waitUntil(() -> gui.runViewModel() != null && gui.runViewModel().outcomeProperty().get() != null
                && gui.runStage().isShowing());

        var run = gui.runViewModel();
        assertThat(run.errorProperty().get()).isEmpty();
        assertThat(run.outcomeProperty().get()).isEqualTo(RunEvent.Outcome.FAILED);
        TableView<HostRow> hostTable = robot.lookup("#runHosts").queryTableView();
        assertThat(hostTable.isVisible()).isTrue();
        assertThat(hostTable.getItems()).extracting(HostRow::address, h -> h.doneProperty().get(), HostRow::total,
                h -> h.failedProperty().get()).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(GOOD, 2, 2, 0),
                        org.assertj.core.groups.Tuple.tuple(BAD, 0, 1, 1));
        assertThat(hostTable.getItems().get(1).failuresProperty().get())
                .contains("/var/lib/libvirt/swtpm/" + HostPaths.hyphenated(V3), "permission");
        assertThat(run.failures()).extracting(ItemRow::item).containsExactly("VmHostFileVO/f3");
        assertThat(run.items()).filteredOn(r -> r.item().equals("VmHostFileVO/f3") && r.state() == ItemRow.State.SKIPPED)
                .hasSize(1);
        assertThat(TestSnapshots.count(snapshot, "SELECT count(*) FROM TpmVO")).as("the TPM step waits").isEqualTo(3);
        assertThat(store.load().confirmations().hostWorkOverSsh()).as("the choice is remembered").isTrue();

        hosts.unlockStateFolder(BAD);
        robot.clickOn("#retryFailed");
        waitUntil(() -> run.outcomeProperty().get() == RunEvent.Outcome.DONE);
        assertThat(hostTable.getItems()).extracting(h -> h.doneProperty().get(), h -> h.failedProperty().get())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, 0), org.assertj.core.groups.Tuple.tuple(1, 0));
        assertThat(TestSnapshots.count(snapshot, "SELECT count(*) FROM TpmVO")).isZero();
        String runId = run.journalProperty().get().getParent().getFileName().toString();
        for (String[] f : List.of(new String[] {GOOD, V1}, new String[] {GOOD, V2}, new String[] {BAD, V3})) {
            Path state = hosts.root(f[0]).resolve("var/lib/libvirt/swtpm");
            assertThat(state.resolve(HostPaths.hyphenated(f[1]))).doesNotExist();
            assertThat(state.resolve(HostPaths.TRASH + "/" + runId + "/" + HostPaths.hyphenated(f[1]) + "/tpm2/tpm2-00.permall"))
                    .exists();
        }
    }
}
