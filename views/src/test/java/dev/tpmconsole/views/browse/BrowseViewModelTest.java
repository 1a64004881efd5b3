package dev.tpmconsole.views.browse;

import static dev.tpmconsole.model.browse.BrowseFixture.ALPHA;
import static dev.tpmconsole.model.browse.BrowseFixture.DIRTY;
import static dev.tpmconsole.model.browse.BrowseFixture.H1;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tpmconsole.model.audit.AuditDirtyVmIndex;
import dev.tpmconsole.model.browse.BrowseFixture;
import dev.tpmconsole.model.browse.BrowseQueries;
import dev.tpmconsole.model.browse.HostRow;
import dev.tpmconsole.model.browse.KeyState;
import dev.tpmconsole.model.browse.ProviderRow;
import dev.tpmconsole.model.browse.Sort;
import dev.tpmconsole.model.browse.VmColumn;
import dev.tpmconsole.model.browse.VmFilter;
import dev.tpmconsole.model.browse.VmRow;
import dev.tpmconsole.model.source.OpenOptions;
import dev.tpmconsole.model.source.SqliteSnapshot;
import dev.tpmconsole.views.util.ClassSnapshot;
import dev.tpmconsole.views.util.FxSchedulers;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The browse view-models on a real snapshot, with everything on the calling thread: no robot, no FX thread. */
class BrowseViewModelTest {

    @RegisterExtension
    static final ClassSnapshot fixture = ClassSnapshot.of("fixture.sqlite", BrowseFixture::create);

    BrowseViewModel vm;

    @BeforeEach
    void browse() throws Exception {
        vm = new BrowseViewModel(FxSchedulers.synchronous(), s -> new BrowseQueries(s, new AuditDirtyVmIndex(s)));
        vm.setSource(fixture.source());
    }

    @AfterEach
    void done() {
        vm.close();
    }

    static List<String> names(VmListViewModel list) {
        return list.rows().rows().stream().map(VmRow::name).toList();
    }

    @Test
    void listsTheVmsOfTheSourceAndCountsThem() {
        VmListViewModel list = vm.vms();
        assertThat(names(list)).containsExactly("Alpine", "alpha", "beta", "delta", "eta", "gamma", "iota", "kappa",
                "lambda", "theta", "zeta");
        assertThat(list.countTextBinding().get()).isEqualTo("11 VMs");
        assertThat(list.filteredBinding().get()).isFalse();
        assertThat(list.rows().loadingProperty().get()).isFalse();
        assertThat(list.rows().errorProperty().get()).isEmpty();
    }

    /**
     * Each source is warmed up (the details' findings, the filter box's names) once its first rows are shown: the
     * first one and one opened after it, whose rows replace rows already shown; and again after a reload.
     */
    @Test
    void eachSourceIsWarmedUpOnceItsRowsAreShown(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        List<String> warmed = new java.util.ArrayList<>();
        vm.close();
        vm = new BrowseViewModel(FxSchedulers.synchronous(), s -> new BrowseQueries(s, new CountingIndex(
                new AuditDirtyVmIndex(s), () -> warmed.add(s.displayName()))));
        vm.setSource(fixture.source());
        assertThat(warmed).containsExactly(fixture.source().displayName());
        java.nio.file.Path other = BrowseFixture.create(dir.resolve("other.sqlite"));
        try (SqliteSnapshot s = SqliteSnapshot.open(other, OpenOptions.readOnly())) {
            vm.setSource(s);
            assertThat(names(vm.vms())).isNotEmpty();
            assertThat(warmed).as("the source opened second").containsExactly(fixture.source().displayName(),
                    s.displayName());
            vm.vms().textProperty().set("al");
            assertThat(warmed).as("a keystroke is no new source").hasSize(2);
            vm.reload();
            assertThat(warmed).as("after a reload").hasSize(3);
            vm.setSource(null);
        }
    }

    /**
     * What follows a source's first rows (the warm-up, the row counts through firstRowsShown) waits until they are
     * painted: in the window, for the pulse that lays them out, whose CSS and layout it would otherwise slow.
     */
    @Test
    void whatFollowsTheFirstRowsWaitsForThemToBePainted() throws Exception {
        List<String> warmed = new java.util.ArrayList<>();
        java.util.ArrayDeque<Runnable> afterPaint = new java.util.ArrayDeque<>();
        vm.close();
        vm = new BrowseViewModel(new FxSchedulers(io.reactivex.rxjava3.schedulers.Schedulers.trampoline(),
                io.reactivex.rxjava3.schedulers.Schedulers.trampoline(), afterPaint::add),
                s -> new BrowseQueries(s, new CountingIndex(new AuditDirtyVmIndex(s), () -> warmed.add(s.displayName()))));
        vm.setSource(fixture.source());
        assertThat(names(vm.vms())).as("the rows are in the list").isNotEmpty();
        assertThat(warmed).as("not before they are painted").isEmpty();
        assertThat(vm.firstRowsShownProperty().get()).isNull();
        assertThat(afterPaint).hasSize(1);

        vm.vms().textProperty().set("al");
        assertThat(afterPaint).as("rows loaded again while it waits: still one").hasSize(1);
        assertThat(vm.details().warmedUpProperty().get()).as("the details' tables wait for the warm-up").isFalse();
        afterPaint.poll().run();
        assertThat(warmed).containsExactly(fixture.source().displayName());
        assertThat(vm.details().warmedUpProperty().get()).as("its end is told").isTrue();
        assertThat(vm.firstRowsShownProperty().get()).isSameAs(fixture.source());
        vm.vms().textProperty().set("alp");
        assertThat(afterPaint).as("a keystroke after it: nothing more to do").isEmpty();

        // a source replaced before its rows were painted: the work waiting for them is dropped
        vm.reload();
        assertThat(afterPaint).hasSize(1);
        vm.setSource(null);
        afterPaint.poll().run();
        assertThat(warmed).hasSize(1);

        // nor does a closed view-model start it
        vm.setSource(fixture.source());
        assertThat(afterPaint).hasSize(1);
        vm.close();
        afterPaint.poll().run();
        assertThat(warmed).hasSize(1);
    }

    /** A warm-up that fails ends all the same: the details' tables are made (decision 0046), showing a VM says why. */
    @Test
    void aWarmUpThatFailsEndsAllTheSame() throws Exception {
        vm.close();
        vm = new BrowseViewModel(FxSchedulers.synchronous(), s -> new BrowseQueries(s, new CountingIndex(
                new AuditDirtyVmIndex(s), () -> {
                    throw new IllegalStateException("the findings cannot be read");
                })));
        assertThat(vm.details().warmedUpProperty().get()).isFalse();
        vm.setSource(fixture.source());
        assertThat(names(vm.vms())).isNotEmpty();
        assertThat(vm.details().warmedUpProperty().get()).isTrue();
    }

    /** The audit's index, telling when it is warmed up. */
    record CountingIndex(dev.tpmconsole.model.browse.DirtyVmIndex index, Runnable warmed)
            implements dev.tpmconsole.model.browse.DirtyVmIndex {
        @Override
        public String dirtyVmUuidsSql(dev.tpmconsole.model.schema.SchemaLayout layout) {
            return index.dirtyVmUuidsSql(layout);
        }

        @Override
        public List<dev.tpmconsole.model.browse.VmFinding> findingsForVm(java.sql.Connection c,
                dev.tpmconsole.model.schema.SchemaLayout layout, String vmUuid) throws java.sql.SQLException {
            return index.findingsForVm(c, layout, vmUuid);
        }

        @Override
        public void warmUp(java.sql.Connection c) throws java.sql.SQLException {
            warmed.run();
            index.warmUp(c);
        }

        @Override
        public void refresh() {
            index.refresh();
        }

        @Override
        public List<dev.tpmconsole.model.audit.AuditRule> rules() {
            return index.rules();
        }
    }

    /** After a run changed the database (the window reloads), "has dirty rows" lists what is dirty now. */
    @Test
    void aReloadAsksAgainWhichVmsAreDirty(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path copy = BrowseFixture.create(dir.resolve("changed.sqlite"));
        try (dev.tpmconsole.model.source.SqliteSnapshot s = dev.tpmconsole.model.source.SqliteSnapshot.open(copy,
                dev.tpmconsole.model.source.OpenOptions.readOnly())) {
            vm.setSource(s);
            VmListViewModel list = vm.vms();
            list.dirtyOnlyProperty().set(true);
            assertThat(list.rows().rows()).extracting(VmRow::uuid).contains(BrowseFixture.ZETA);
            try (java.sql.Connection w = java.sql.DriverManager.getConnection("jdbc:sqlite:" + copy);
                 java.sql.Statement st = w.createStatement()) {
                st.executeUpdate("DELETE FROM VmHostFileVO WHERE uuid = '" + BrowseFixture.ZETA_FILE + "'");
            }
            vm.reload();
            assertThat(list.rows().rows()).extracting(VmRow::uuid).doesNotContain(BrowseFixture.ZETA)
                    .hasSize(DIRTY.size() - 1);
            vm.setSource(null);
        }
    }

    @Test
    void everyFilterChangeQueriesAgain() {
        VmListViewModel list = vm.vms();
        list.textProperty().set("a");
        assertThat(names(list)).containsExactly("Alpine", "alpha");
        list.textProperty().set("al");
        assertThat(names(list)).containsExactly("Alpine", "alpha");
        assertThat(list.countTextBinding().get()).isEqualTo("2 VMs match");
        assertThat(list.filteredBinding().get()).isTrue();
        list.textProperty().set("alph");
        assertThat(names(list)).containsExactly("alpha");
        assertThat(list.countTextBinding().get()).isEqualTo("1 VM match");
        list.clearFilter();
        assertThat(list.rows().rows()).hasSize(11);

        list.chosenStates().setAll("Running");
        assertThat(names(list)).containsExactly("alpha", "theta");
        list.chosenStates().setAll(VmFilter.SOFT_DELETED);
        assertThat(names(list)).containsExactly("Alpine");
        list.chosenStates().setAll("Running", VmFilter.SOFT_DELETED);
        assertThat(names(list)).as("any of the chosen states").containsExactlyInAnyOrder("alpha", "theta", "Alpine");
        list.chosenStates().clear();
        list.hostProperty().set("kvm-b");
        assertThat(names(list)).containsExactly("gamma");
        list.hostProperty().set("");
        list.dirtyOnlyProperty().set(true);
        assertThat(list.rows().rows()).extracting(VmRow::uuid).containsExactlyInAnyOrderElementsOf(DIRTY);
        assertThat(list.filterProperty().get()).isEqualTo(new VmFilter("", java.util.Set.of(), "", true));
        list.textProperty().set("zzz");
        assertThat(list.rows().rows()).isEmpty();
        assertThat(list.countTextBinding().get()).isEqualTo("0 VMs match");
        assertThat(list.dirtyRulesText()).contains("TPM_STATE_FILE_WITHOUT_TPM", "BACKUP_WITHOUT_KEY");
    }

    @Test
    void sortingAsksTheDatabase() {
        VmListViewModel list = vm.vms();
        list.sortBy(Sort.desc(VmColumn.KEY_STATE));
        assertThat(list.rows().rows()).extracting(VmRow::keyState).startsWith(KeyState.PROVIDER_LOST, KeyState.PROVIDER_LOST,
                KeyState.MATERIALIZED).endsWith(null, null, null);
        assertThat(list.sortProperty().get()).isEqualTo(Sort.desc(VmColumn.KEY_STATE));
        list.sortBy(Sort.desc(VmColumn.BACKUPS));
        assertThat(names(list).get(0)).isEqualTo("alpha");
    }

    @Test
    void pagesArriveAsTheListScrolls() {
        VmListViewModel list = new VmListViewModel(FxSchedulers.synchronous(), 4);
        list.setQueries(vm.queriesProperty().get());
        assertThat(names(list)).containsExactly("Alpine", "alpha", "beta", "delta");
        assertThat(list.rows().moreProperty().get()).isTrue();
        assertThat(list.countTextBinding().get()).isEqualTo("11 VMs · 4 loaded");
        list.loadMore();
        assertThat(list.rows().rows()).hasSize(8);
        list.loadMore();
        assertThat(list.rows().rows()).hasSize(11);
        assertThat(list.rows().moreProperty().get()).isFalse();
        assertThat(list.countTextBinding().get()).isEqualTo("11 VMs");
        list.loadMore();
        assertThat(list.rows().rows()).hasSize(11);
        list.textProperty().set("a");
        assertThat(names(list)).as("a new filter starts from the first page").containsExactly("Alpine", "alpha");
        list.close();
    }

    @Test
    void selectingAVmShowsItsDetails() {
        VmDetailsViewModel details = vm.details();
        assertThat(details.presentBinding().get()).isFalse();
        assertThat(details.titleBinding().get()).isEqualTo("No VM selected");
        VmRow alpha = vm.vms().rows().rows().stream().filter(r -> r.uuid().equals(ALPHA)).findFirst().orElseThrow();
        vm.vms().selectedProperty().set(alpha);
        assertThat(details.presentBinding().get()).isTrue();
        assertThat(details.titleBinding().get()).isEqualTo("alpha");
        assertThat(details.subtitleBinding().get()).contains(ALPHA, "Running", "on kvm-a", "Linux");
        assertThat(details.tpms()).hasSize(1);
        assertThat(details.keyRefs()).hasSize(2).allSatisfy(r -> assertThat(r.wrappedKeyLength()).isEqualTo(
                BrowseFixture.SECRET.length()));
        assertThat(details.hostFiles()).extracting(h -> h.hostName() + "/" + h.type())
                .containsExactly("kvm-a/NvRam", "kvm-a/TpmState", "kvm-b/TpmState");
        assertThat(details.backups()).hasSize(3);
        assertThat(details.tags()).hasSize(2);
        assertThat(details.findings()).extracting(f -> f.rule())
                .containsExactly(dev.tpmconsole.model.audit.AuditRule.HOST_FILE_ON_MISSING_HOST);
        assertThat(details.loadingProperty().get()).isFalse();

        vm.vms().selectedProperty().set(null);
        assertThat(details.presentBinding().get()).isFalse();
        assertThat(details.keyRefs()).isEmpty();
        details.show("f".repeat(32));
        assertThat(details.errorProperty().get()).contains("not in the snapshot");
    }

    @Test
    void hostsAndProvidersShowWhatTheSelectedOneHolds() {
        HostListViewModel hosts = vm.hosts();
        assertThat(hosts.rows().rows()).extracting(HostRow::name).containsExactly("kvm-a", "kvm-b");
        assertThat(hosts.countTextBinding().get()).isEqualTo("2 hosts");
        assertThat(hosts.files().rows()).isEmpty();
        hosts.selectedProperty().set(hosts.rows().rows().get(0));
        assertThat(hosts.files().rows()).hasSize(3);
        assertThat(hosts.filesTextBinding().get()).isEqualTo("3 files");
        hosts.textProperty().set("10.0.0.2");
        assertThat(hosts.rows().rows()).extracting(HostRow::uuid).doesNotContain(H1);

        ProviderListViewModel providers = vm.providers();
        assertThat(providers.rows().rows()).extracting(ProviderRow::name).containsExactly("kms-1", "kms-old", "nkp-1");
        providers.selectedProperty().set(providers.rows().rows().get(2));
        assertThat(providers.refs().rows()).hasSize(7);
        assertThat(providers.refsTextBinding().get()).isEqualTo("7 key refs");
        providers.selectedProperty().set(null);
        assertThat(providers.refs().rows()).isEmpty();
    }

    @Test
    void anotherSourceEmptiesTheSelectionAndNoSourceEmptiesTheLists() {
        vm.vms().selectedProperty().set(vm.vms().rows().rows().get(0));
        vm.setSource(null);
        assertThat(vm.vms().rows().rows()).isEmpty();
        assertThat(vm.vms().countTextBinding().get()).isEmpty();
        assertThat(vm.details().presentBinding().get()).isFalse();
        assertThat(vm.hosts().rows().rows()).isEmpty();
        assertThat(vm.providers().rows().rows()).isEmpty();
    }

    @Test
    void aSourceThatCannotBeReadSaysWhyInsteadOfListing() throws Exception {
        SqliteSnapshot closed = SqliteSnapshot.open(fixture.path(), OpenOptions.readOnly());
        closed.close();
        vm.setSource(closed);
        assertThat(vm.vms().rows().rows()).isEmpty();
        assertThat(vm.vms().rows().errorProperty().get()).contains("has been closed");
        assertThat(vm.vms().rows().loadingProperty().get()).isFalse();
        assertThat(vm.hosts().rows().errorProperty().get()).contains("has been closed");
        vm.setSource(fixture.source());
        assertThat(vm.vms().rows().errorProperty().get()).isEmpty();
        assertThat(vm.vms().rows().rows()).hasSize(11);
    }
}
