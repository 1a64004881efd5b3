package dev.tpmconsole.views.browse;

import static dev.tpmconsole.model.browse.BrowseFixture.SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tpmconsole.model.audit.AuditDirtyVmIndex;
import dev.tpmconsole.model.browse.BrowseFixture;
import dev.tpmconsole.model.browse.BrowseQueries;
import dev.tpmconsole.model.browse.HostRow;
import dev.tpmconsole.model.browse.KeyState;
import dev.tpmconsole.model.browse.Sort;
import dev.tpmconsole.model.browse.VmColumn;
import dev.tpmconsole.model.browse.VmDetails;
import dev.tpmconsole.model.browse.VmFilter;
import dev.tpmconsole.model.browse.VmRow;
import dev.tpmconsole.model.source.GuardedSource;
import dev.tpmconsole.model.source.QueryGuard;
import dev.tpmconsole.views.util.ClassSnapshot;
import dev.tpmconsole.views.util.FirstFill;
import dev.tpmconsole.views.util.FxQueryGuard;
import dev.tpmconsole.views.util.FxSchedulers;
import dev.tpmconsole.views.util.LightStage;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The browse view on a real snapshot, driven like a person would (typing, clicking, keys), with a guard
 * that records every query made on the FX thread: there must be none.
 */
@ExtendWith(ApplicationExtension.class)
class BrowseViewTest {

    @RegisterExtension
    static final ClassSnapshot fixture = ClassSnapshot.of("fixture.sqlite", BrowseFixture::create);

    QueryGuard guard;
    BrowseViewModel vm;
    BrowseView view;
    Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        guard = FxQueryGuard.create(QueryGuard.Mode.RECORD);
        vm = new BrowseViewModel(FxSchedulers.javafx(), s -> new BrowseQueries(s, new AuditDirtyVmIndex(s)));
        view = new BrowseView(vm);
        LightStage.show(stage, view.tabs(), 1500, 950);
        vm.setSource(new GuardedSource(fixture.source(), guard));
    }

    @AfterEach
    void noQueryRanOnTheFxThread() {
        assertThat(guard.violations()).isEmpty();
    }

    static void waitUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The VM list's rows that show a VM. */
    @SuppressWarnings("unchecked")
    static List<javafx.scene.control.TableRow<VmRow>> vmRows(FxRobot robot) {
        return robot.lookup("#vmTable .table-row-cell").queryAll().stream()
                .map(n -> (javafx.scene.control.TableRow<VmRow>) n).filter(r -> r.getItem() != null).toList();
    }

    static <T> TableView<T> table(FxRobot robot, String id) {
        return robot.lookup(id).queryTableView();
    }

    static String clipboard() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get(10, TimeUnit.SECONDS);
    }

    static Node cell(FxRobot robot, String table, String text) {
        return robot.lookup(table + " .table-cell").match(LabeledMatchers.hasText(text)).query();
    }

    /**
     * A filter's label wraps with its field: at no width of the window does "Host" end the first line of the VM list's
     * filter bar while its field starts the second.
     */
    @Test
    void aFiltersLabelStaysOnTheLineOfItsField(FxRobot robot) throws Exception {
        waitUntil(() -> vm.vms().rows().loadedProperty().get());
        // the filters' labels, not the text inside a field (a menu button's own label is for the button too)
        List<Label> labels = robot.lookup("#vmFilterBar .label").queryAllAs(Label.class).stream()
                .filter(l -> l.getLabelFor() != null && l.getParent() != l.getLabelFor()).toList();
        assertThat(labels).hasSize(3);
        for (int width = 600; width <= 1500; width += 25) {
            int w = width;
            robot.interact(() -> {
                stage.setWidth(w);
                stage.getScene().getRoot().applyCss();
                stage.getScene().getRoot().layout();
            });
            for (Label l : labels) {
                javafx.geometry.Bounds label = l.localToScene(l.getLayoutBounds());
                javafx.geometry.Bounds field = l.getLabelFor().localToScene(l.getLabelFor().getLayoutBounds());
                assertThat(Math.abs(label.getCenterY() - field.getCenterY()))
                        .as("%s at a window %d px wide", l.getText(), w).isLessThan(2.0);
                assertThat(label.getMaxX()).as("%s at a window %d px wide", l.getText(), w)
                        .isLessThanOrEqualTo(field.getMinX());
            }
        }
    }

    /**
     * The "has dirty rows" box says which rules make a row dirty: to a screen reader from the start, and in a tooltip
     * made when the pointer first comes over it (not with the window: a tooltip is a popup window of its own).
     */
    @Test
    void theDirtyBoxSaysWhichRulesCountItsTooltipMadeWhenThePointerComes(FxRobot robot) throws Exception {
        waitUntil(() -> vm.vms().rows().loadedProperty().get());
        javafx.scene.control.CheckBox dirty = robot.lookup("#vmDirtyOnly").queryAs(javafx.scene.control.CheckBox.class);
        String rules = vm.vms().dirtyRulesText();
        assertThat(rules).contains("TPM_STATE_FILE_WITHOUT_TPM");
        assertThat(dirty.getAccessibleHelp()).isEqualTo(rules);
        assertThat(dirty.getTooltip()).as("not made with the window").isNull();
        robot.moveTo(dirty);
        waitUntil(() -> dirty.getTooltip() != null);
        assertThat(dirty.getTooltip().getText()).isEqualTo(rules);
        assertThat(dirty.getTooltip().isWrapText()).isTrue();
        assertThat(dirty.getTooltip().getMaxWidth()).as("30 em").isEqualTo(dirty.getTooltip().getFont().getSize() * 30);
        javafx.scene.control.Tooltip first = dirty.getTooltip();
        robot.moveTo("#vmFilter");
        robot.moveTo(dirty);
        assertThat(dirty.getTooltip()).as("made once").isSameAs(first);
    }

    /**
     * The details' tables wait for the first warm-up of the details and the filter box (a snapshot's names, the
     * findings), which starts after the first rows: their first CSS and layout do not share two cores with that reading
     * (decision 0046).
     */
    @Test
    void theDetailsTablesWaitForTheWarmUpToEnd(FxRobot robot) throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        BrowseViewModel model = WaitForAsyncUtils.asyncFx(() -> new BrowseViewModel(FxSchedulers.javafx(),
                src -> new BrowseQueries(src, new BrowseViewModelTest.CountingIndex(new AuditDirtyVmIndex(src), () -> {
                    try {
                        release.await(20, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                })))).get(10, TimeUnit.SECONDS);
        BrowseView fresh = WaitForAsyncUtils.asyncFx(() -> new BrowseView(model)).get(10, TimeUnit.SECONDS);
        Stage window = WaitForAsyncUtils.asyncFx(() -> {
            Stage w = new Stage();
            LightStage.show(w, fresh.tabs(), 900, 700);
            model.setSource(fixture.source());
            return w;
        }).get(10, TimeUnit.SECONDS);
        try {
            waitUntil(() -> model.firstRowsShownProperty().get() != null);
            Thread.sleep(300); // pulses go by
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(fresh.rememberedTables()).as("while the warm-up reads").containsOnlyKeys("vmTable");
            assertThat(model.details().warmedUpProperty().get()).isFalse();

            release.countDown();
            waitUntil(() -> fresh.rememberedTables().containsKey("tagTable"));
            assertThat(fresh.rememberedTables()).containsKeys("findingsTable", "tpmTable", "keyRefTable",
                    "hostFileTable", "backupTable");
        } finally {
            release.countDown();
            robot.interact(() -> {
                window.close();
                model.close();
            });
        }
    }

    /**
     * The details' six tables are not made with the view (they are hidden until a VM is shown, and their skins and CSS
     * made the window's first frame wait): they come after the first VM rows, a section a pulse, with no VM shown.
     */
    @Test
    void theDetailsTablesAreMadeAfterTheFirstRowsWithoutAVmShown(FxRobot robot) throws Exception {
        List<String> details = List.of("findingsTable", "tpmTable", "keyRefTable", "hostFileTable", "backupTable",
                "tagTable");
        BrowseView fresh = WaitForAsyncUtils.asyncFx(() -> new BrowseView(new BrowseViewModel(FxSchedulers.javafx(),
                src -> new BrowseQueries(src, new AuditDirtyVmIndex(src))))).get(10, TimeUnit.SECONDS);
        assertThat(fresh.rememberedTables()).containsOnlyKeys("vmTable");

        TableView<VmRow> vms = table(robot, "#vmTable");
        waitUntil(() -> vms.getItems().size() == 11);
        waitUntil(() -> view.rememberedTables().keySet().containsAll(details));
        assertThat(List.copyOf(view.rememberedTables().keySet())).containsSubsequence(details);
        for (String id : details) {
            TableView<?> t = view.rememberedTables().get(id);
            assertThat(t.getScene()).as(id + " in the window").isNotNull();
            assertThat(t.getSkin()).as(id + " skinned").isNotNull();
        }
        assertThat(vm.details().presentBinding().get()).as("no VM shown").isFalse();
    }

    /**
     * The VMs an audit found rows of are marked in the list where they are: the rows shown restyle themselves (the
     * same rows, with the same cells), where making every cell anew took a long pulse after each audit.
     */
    @Test
    void markedVmsAreRestyledInTheRowsShown(FxRobot robot) throws Exception {
        TableView<VmRow> vms = table(robot, "#vmTable");
        waitUntil(() -> vms.getItems().size() == 11);
        javafx.css.PseudoClass hasFindings = javafx.css.PseudoClass.getPseudoClass("has-findings");
        // the rows come a few a pulse (FirstFill), the VMs' first and then the empty ones below the last VM: on a slow
        // machine the last VM's row may still be to come when the table has its items
        waitUntil(() -> vmRows(robot).size() == 11);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !WaitForAsyncUtils.asyncFx(FirstFill::filling).get());
        WaitForAsyncUtils.waitForFxEvents();
        List<javafx.scene.control.TableRow<VmRow>> rows = vmRows(robot);
        assertThat(rows).hasSize(11).noneMatch(r -> r.getPseudoClassStates().contains(hasFindings));
        List<Node> cells = List.copyOf(robot.lookup("#vmTable .table-cell").queryAll());
        VmRow alpha = vms.getItems().stream().filter(r -> r.name().equals("alpha")).findFirst().orElseThrow();
        VmRow gamma = vms.getItems().stream().filter(r -> r.name().equals("gamma")).findFirst().orElseThrow();

        robot.interact(() -> vm.vms().markedProperty().set(java.util.Set.of(alpha.uuid(), gamma.uuid())));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#vmTable .table-row-cell").queryAll()).as("the same rows")
                .containsAll(rows);
        assertThat(robot.lookup("#vmTable .table-cell").queryAll()).as("the same cells")
                .containsExactlyInAnyOrderElementsOf(cells);
        assertThat(rows).allSatisfy(r -> assertThat(r.getPseudoClassStates().contains(hasFindings))
                .as(r.getItem().name()).isEqualTo(r.getItem() == alpha || r.getItem() == gamma));

        robot.interact(() -> vm.vms().markedProperty().set(java.util.Set.of(gamma.uuid())));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(rows).allSatisfy(r -> assertThat(r.getPseudoClassStates().contains(hasFindings))
                .as(r.getItem().name()).isEqualTo(r.getItem() == gamma));
        assertThat(robot.lookup("#vmTable .table-cell").queryAll()).containsExactlyInAnyOrderElementsOf(cells);
    }

    @Test
    void filterSelectAndReadTheDetails(FxRobot robot) throws Exception {
        TableView<VmRow> vms = table(robot, "#vmTable");
        waitUntil(() -> vms.getItems().size() == 11);
        assertThat(robot.lookup("#vmCount").queryAs(Label.class).getText()).isEqualTo("11 VMs");

        robot.clickOn("#vmFilter").write("al");
        waitUntil(() -> vms.getItems().size() == 2);
        assertThat(robot.lookup("#vmCount").queryAs(Label.class).getText()).isEqualTo("2 VMs match");
        robot.clickOn(cell(robot, "#vmTable", "alpha"));
        waitUntil(() -> "alpha".equals(robot.lookup("#detailsTitle").queryAs(Label.class).getText())
                && table(robot, "#hostFileTable").getItems().size() == 3);

        assertThat(robot.lookup("#detailsSubtitle").queryAs(Label.class).getText()).contains("Running", "on kvm-a");
        assertThat(table(robot, "#tpmTable").getItems()).hasSize(1);
        // one row is a form (label and value to a line), not a table to scroll sideways
        assertThat(table(robot, "#tpmTable").isVisible()).isFalse();
        assertThat(robot.lookup("#tpmSectionForm").queryAs(javafx.scene.layout.GridPane.class).isVisible()).isTrue();
        assertThat(robot.lookup("#tpmUuidValue").queryAs(Label.class).getText())
                .isEqualTo(((VmDetails.Tpm) table(robot, "#tpmTable").getItems().get(0)).uuid());
        assertThat(robot.lookup("#findingsSectionForm .label").match(LabeledMatchers.hasText("Rule")).tryQuery()).isPresent();
        assertThat(table(robot, "#keyRefTable").isVisible()).as("two rows: a table").isTrue();
        TableView<?> refs = table(robot, "#keyRefTable");
        assertThat(refs.getItems()).hasSize(2);
        assertThat(refs.getColumns().stream().filter(c -> c.getId().equals("keyRefWrappedColumn")).findFirst().orElseThrow()
                .getCellData(0)).isEqualTo(SECRET.length() + " chars");
        assertThat(robot.lookup("#keyRefTable .table-cell").match(LabeledMatchers.hasText(SECRET)).tryQuery()).isEmpty();
        // several rows: the columns that tell them apart, fitted (nothing to scroll sideways); the selected row whole
        assertThat(refs.getVisibleLeafColumns()).extracting(c -> c.getId()).containsExactly("keyRefIdColumn",
                "keyRefOfColumn", "keyRefStateColumn", "keyRefProviderColumn");
        for (String id : new String[] {"#keyRefTable", "#hostFileTable", "#backupTable"}) {
            assertThat(robot.lookup(id + " .scroll-bar").queryAllAs(javafx.scene.control.ScrollBar.class).stream()
                    .filter(b -> b.getOrientation() == javafx.geometry.Orientation.HORIZONTAL)
                    .noneMatch(javafx.scene.Node::isVisible)).as(id + " scrolls sideways").isTrue();
        }
        assertThat(robot.lookup("#keyRefSectionForm").queryAs(javafx.scene.layout.GridPane.class).isVisible()).isFalse();
        robot.interact(() -> refs.getSelectionModel().select(0));
        assertThat(robot.lookup("#keyRefSectionForm").queryAs(javafx.scene.layout.GridPane.class).isVisible()).isTrue();
        assertThat(robot.lookup("#keyRefWrappedValue").queryAs(Label.class).getText()).isEqualTo(SECRET.length() + " chars");
        assertThat(table(robot, "#hostFileTable").getItems()).hasSize(3);
        assertThat(table(robot, "#backupTable").getItems()).hasSize(3);
        assertThat(table(robot, "#tagTable").getItems()).hasSize(2);
        assertThat(table(robot, "#findingsTable").getItems()).hasSize(1);
        assertThat(robot.lookup("#findingsSectionTitle").queryAs(Label.class).getText()).isEqualTo("Findings (1)");
        assertThat(robot.lookup("#hostFileSectionTitle").queryAs(Label.class).getText()).isEqualTo("Host files (3)");

        robot.clickOn(cell(robot, "#vmTable", "alpha"));
        robot.press(KeyCode.CONTROL, KeyCode.C).release(KeyCode.C, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(clipboard()).isEqualTo("alpha");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.C).release(KeyCode.C, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        String rows = clipboard();
        assertThat(rows.lines()).hasSize(2);
        assertThat(rows.lines().findFirst().orElseThrow()).isEqualTo("Name\tState\tHost\tTPM\tKey\tTpmState\tBackups\tUUID");
        assertThat(rows).contains("alpha\tRunning\tkvm-a\tyes\tmaterialized\t2\t3\t" + BrowseFixture.ALPHA);
    }

    @Test
    void keyboardFilterFieldsAndTheDirtyToggle(FxRobot robot) throws Exception {
        TableView<VmRow> vms = table(robot, "#vmTable");
        waitUntil(() -> vms.getItems().size() == 11);
        // the state filter takes several states, opened by its mnemonic and checked with the keyboard (the soft-deleted
        // VMs come first, then ZStack's states: Created, Starting, Running); Clear unchecks them
        dev.tpmconsole.views.util.CheckMenuButton<String> states = robot.lookup("#vmStateFilter").query();
        robot.clickOn("#vmFilter");
        // Alt+S drops the list down, with the state filter focused
        robot.press(KeyCode.ALT, KeyCode.S).release(KeyCode.S, KeyCode.ALT);
        waitUntil(states::isShowing);
        assertThat(states.isFocused()).isTrue();
        robot.type(KeyCode.DOWN);
        robot.type(KeyCode.SPACE);
        robot.type(KeyCode.DOWN, 3);
        robot.type(KeyCode.SPACE);
        robot.type(KeyCode.ESCAPE);
        assertThat(vm.vms().chosenStates()).containsExactly(VmFilter.SOFT_DELETED, "Running");
        waitUntil(() -> vms.getItems().size() == 3);
        assertThat(vms.getItems()).extracting(VmRow::name).containsExactlyInAnyOrder("alpha", "theta", "Alpine");
        assertThat(states.getText()).isEqualTo(states.converter().toString(VmFilter.SOFT_DELETED) + ", Running");
        robot.clickOn("#vmClearFilter");
        waitUntil(() -> vms.getItems().size() == 11);
        assertThat(vm.vms().chosenStates()).isEmpty();
        assertThat(states.getText()).isEqualTo(dev.tpmconsole.views.util.I18n.t("ui.vms.anyState"));
        robot.clickOn("#vmFilter").write("zzz");
        waitUntil(() -> vms.getItems().isEmpty());
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> vms.getItems().size() == 11);
        robot.clickOn("#vmDirtyOnly");
        waitUntil(() -> vms.getItems().size() == BrowseFixture.DIRTY.size());
        assertThat(vm.vms().filterProperty().get()).isEqualTo(VmFilter.none().withDirtyOnly(true));
        robot.clickOn("#vmHostFilter").write("kvm-b");
        waitUntil(() -> vms.getItems().size() == 1);
        robot.type(KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vms.isFocused()).isTrue();
        waitUntil(() -> "gamma".equals(robot.lookup("#detailsTitle").queryAs(Label.class).getText()));
        robot.clickOn("#vmClearFilter");
        waitUntil(() -> vms.getItems().size() == 11);
    }

    /**
     * The window's first styling makes no drop-down list: the state filter's twenty choices are made and styled when it
     * first opens (decision 0050), where a CheckComboBox put its list into the window's scene to style it at once.
     */
    @Test
    void theStateFiltersChoicesAreMadeWhenItFirstOpens(FxRobot robot) throws Exception {
        TableView<VmRow> vms = table(robot, "#vmTable");
        waitUntil(() -> vms.getItems().size() == 11);
        javafx.scene.Parent root = stage.getScene().getRoot();
        assertThat(root.lookupAll(".list-view")).as("a list in the window").isEmpty();
        assertThat(root.lookupAll(".check-box")).as("the window's check boxes").extracting(Node::getId)
                .containsOnly("vmDirtyOnly");
        robot.clickOn("#vmStateFilter");
        robot.clickOn("#vmStateFilter-3");
        robot.type(KeyCode.ESCAPE);
        assertThat(vm.vms().chosenStates()).containsExactly("Running");
        waitUntil(() -> vms.getItems().size() < 11 && !vms.getItems().isEmpty());
        assertThat(vms.getItems()).allSatisfy(r -> assertThat(r.state()).isEqualTo("Running"));
        assertThat(root.lookupAll(".list-view")).as("still none in the window").isEmpty();
    }

    /**
     * The list's spinner shows a wait that lasts (the snapshot locked by another program) and not one that does not
     * (a keystroke's query on a small file): {@link dev.tpmconsole.views.util.Busy}.
     */
    @Test
    void theSpinnerShowsOnlyAWaitThatLasts(FxRobot robot) throws Exception {
        TableView<VmRow> vms = table(robot, "#vmTable");
        waitUntil(() -> vms.getItems().size() == 11);
        javafx.scene.control.ProgressIndicator spinner = robot.lookup("#vmFooterLoading")
                .queryAs(javafx.scene.control.ProgressIndicator.class);
        List<Boolean> shown = new java.util.concurrent.CopyOnWriteArrayList<>();
        robot.interact(() -> spinner.visibleProperty().addListener((o, was, is) -> shown.add(is)));

        robot.clickOn("#vmFilter").write("al");
        waitUntil(() -> vms.getItems().size() == 2 && !vm.vms().rows().loadingProperty().get());
        Thread.sleep(dev.tpmconsole.views.util.Busy.SHOWN_AFTER_MS + 200);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shown).as("a quick reload shows no spinner").isEmpty();

        try (java.sql.Connection lock = java.sql.DriverManager.getConnection("jdbc:sqlite:" + fixture.path());
                java.sql.Statement s = lock.createStatement()) {
            s.execute("BEGIN EXCLUSIVE"); // the list's reads wait for it (the snapshot's busy timeout)
            robot.interact(() -> robot.lookup("#vmFilter").queryAs(javafx.scene.control.TextField.class).clear());
            waitUntil(() -> vm.vms().rows().loadingProperty().get());
            assertThat(spinner.isVisible()).as("not at once").isFalse();
            waitUntil(spinner::isVisible);
            s.execute("ROLLBACK");
        }
        waitUntil(() -> vms.getItems().size() == 11);
        waitUntil(() -> !spinner.isVisible());
        assertThat(shown).containsExactly(true, false);
    }

    @Test
    void clickingAHeaderSortsByTheDatabase(FxRobot robot) throws Exception {
        TableView<VmRow> vms = table(robot, "#vmTable");
        waitUntil(() -> vms.getItems().size() == 11);
        // the column may lie beyond the list's visible width, as a person would scroll to it
        robot.interact(() -> vms.scrollToColumn(vms.getColumns().stream()
                .filter(c -> "vmKeyStateColumn".equals(c.getId())).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(robot.lookup("#vmTable .column-header").match(n -> n.getId() != null
                && n.getId().equals("vmKeyStateColumn")).queryAs(Node.class));
        waitUntil(() -> Sort.asc(VmColumn.KEY_STATE).equals(vm.vms().sortProperty().get()));
        waitUntil(() -> vms.getItems().get(0).keyState() == null);
        robot.clickOn(robot.lookup("#vmTable .column-header").match(n -> n.getId() != null
                && n.getId().equals("vmKeyStateColumn")).queryAs(Node.class));
        waitUntil(() -> Sort.desc(VmColumn.KEY_STATE).equals(vm.vms().sortProperty().get())
                && vms.getItems().get(0).keyState() == KeyState.PROVIDER_LOST);
        assertThat(vms.getItems()).extracting(VmRow::keyState).endsWith(null, null, null);
    }

    @Test
    void hostsAndProvidersShowWhatTheyHoldAndLeadBackToTheVms(FxRobot robot) throws Exception {
        // their lists are read when their page is first shown, not with the VMs' first rows
        waitUntil(() -> !table(robot, "#vmTable").getItems().isEmpty());
        assertThat(vm.hosts().rows().loadedProperty().get()).isFalse();
        assertThat(vm.providers().rows().loadedProperty().get()).isFalse();
        assertThat(robot.lookup("#hostTable").tryQuery()).isEmpty();
        robot.clickOn("#hostsTab .tab-label");
        TableView<HostRow> hosts = table(robot, "#hostTable");
        waitUntil(() -> hosts.getItems().size() == 2);
        robot.clickOn(cell(robot, "#hostTable", "kvm-b"));
        waitUntil(() -> table(robot, "#hostFilesTable").getItems().size() == 1);
        assertThat(robot.lookup("#hostFilesCount").queryAs(Label.class).getText()).isEqualTo("1 file");
        robot.clickOn("#hostShowVms");
        TableView<VmRow> vms = table(robot, "#vmTable");
        waitUntil(() -> vms.getItems().size() == 1 && vms.getItems().get(0).name().equals("gamma"));
        assertThat(view.tabs().getSelectionModel().getSelectedIndex()).isZero();

        robot.clickOn("#providersTab .tab-label");
        TableView<?> providers = table(robot, "#providerTable");
        waitUntil(() -> providers.getItems().size() == 3);
        // a provider with no row has no "relinkable" count: nothing can be relinked to it
        assertThat(robot.lookup("#providerTable .table-cell").match(n ->
                n instanceof javafx.scene.control.TableCell<?, ?> c && c.getTableColumn() != null
                && "providerLostColumn".equals(c.getTableColumn().getId()) && c.getTableRow() != null
                && c.getTableRow().getItem() instanceof dev.tpmconsole.model.browse.ProviderRow p
                && p.name().equals("kms-old")).queryAs(javafx.scene.control.TableCell.class).getText()).isEqualTo("—");
        robot.clickOn(cell(robot, "#providerTable", "kms-old"));
        TableView<?> refs = table(robot, "#providerRefsTable");
        waitUntil(() -> refs.getItems().size() == 1);
        robot.clickOn(cell(robot, "#providerRefsTable", "gamma"));
        robot.clickOn("#providerShowVm");
        waitUntil(() -> vms.getItems().size() == 1 && vms.getSelectionModel().getSelectedItem() != null
                && vms.getSelectionModel().getSelectedItem().name().equals("gamma"));
        waitUntil(() -> "gamma".equals(robot.lookup("#detailsTitle").queryAs(Label.class).getText()));
    }

    @Test
    void theGuardSeesAQueryMadeOnTheFxThread(FxRobot robot) throws Exception {
        TableView<VmRow> vms = table(robot, "#vmTable");
        waitUntil(() -> vms.getItems().size() == 11);
        assertThat(guard.violations()).isEmpty();
        BrowseQueries queries = vm.queriesProperty().get();
        robot.interact(() -> {
            try {
                queries.countVms(VmFilter.none());
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(guard.violations()).singleElement().asString()
                .contains("JavaFX application thread", "BrowseQueries.countVms", "BrowseViewTest");
        guard = FxQueryGuard.create(QueryGuard.Mode.RECORD); // the deliberate violation is not the view's
    }
}
