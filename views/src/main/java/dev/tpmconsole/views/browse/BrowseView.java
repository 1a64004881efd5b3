package dev.tpmconsole.views.browse;

import dev.tpmconsole.views.util.I18n;
import dev.tpmconsole.views.util.LazyTabs;
import dev.tpmconsole.model.browse.VmRow;
import java.util.LinkedHashMap;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;

/**
 * The browse views in tabs: VMs (list and details side by side), Hosts, Key providers. Other views (the
 * summary, later the audit) add their own tabs to {@link #tabs()}. Thin: state is in {@link BrowseViewModel}.
 */
public final class BrowseView {

    /** The tabs of the browse views, in order (Ctrl+1, Ctrl+2, Ctrl+3). */
    public enum Page {
        VMS, HOSTS, PROVIDERS
    }

    private final BrowseViewModel vm;
    private final TabPane tabs = new TabPane();
    private final VmListView vmList;
    private final VmDetailsView details;
    /** Made when their tab is first shown. */
    private HostsView hosts;
    private ProvidersView providers;
    private final ObservableMap<String, TableView<?>> remembered = FXCollections.observableMap(new LinkedHashMap<>());
    private final SplitPane vmSplit;

    public BrowseView(BrowseViewModel vm) {
        this.vm = vm;
        vmList = new VmListView(vm.vms());
        remember(vmList.table());
        details = new VmDetailsView(vm.details(), this::remember);
        // the details' tables are made a section a pulse once the first warm-up of the details and the filter box has
        // read what it reads, after the first rows (or at once when a VM is shown): decision 0046
        vm.details().warmedUpProperty().addListener((o, a, warmed) -> {
            if (warmed) {
                details.makeSectionsInStages();
            }
        });
        // the Hosts and Key providers lists load when their page is first shown, not with the VMs' first rows
        vm.hosts().rows().activeProperty().set(false);
        vm.providers().rows().activeProperty().set(false);
        vmSplit = new SplitPane(vmList.root(), details.root());
        vmSplit.setOrientation(Orientation.HORIZONTAL);
        vmSplit.setDividerPositions(0.6);
        vmSplit.setId("vmSplit");
        Tab vmTab = tab("vmsTab", "ui.tab.vms", vmSplit);
        // the Hosts and Key providers pages are made and join the scene when first shown (LazyTabs)
        Tab hostTab = tab("hostsTab", "ui.tab.hosts", null);
        Tab providerTab = tab("providersTab", "ui.tab.providers", null);
        tabs.getTabs().addAll(vmTab, hostTab, providerTab);
        LazyTabs.content(hostTab, () -> hosts().root());
        LazyTabs.content(providerTab, () -> providers().root());
        tabs.setId("browseTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    }

    private static Tab tab(String id, String key, javafx.scene.Node content) {
        Tab t = I18n.bind(new Tab("", content), key);
        t.setId(id);
        return t;
    }

    public TabPane tabs() {
        return tabs;
    }

    public void show(Page page) {
        tabs.getSelectionModel().select(page.ordinal());
    }

    /** Focuses the filter box of the tab on show (Ctrl+F). */
    public void focusFilter() {
        TextField f = switch (tabs.getSelectionModel().getSelectedIndex()) {
            case 1 -> hosts().filter();
            case 2 -> providers().filter();
            default -> vmList.filter();
        };
        if (tabs.getSelectionModel().getSelectedIndex() > 2) {
            show(Page.VMS);
        }
        f.requestFocus();
        f.selectAll();
    }

    /** The VM list filtered to the VMs on a host, with the list focused. */
    public void showVms(String hostUuid) {
        vm.vms().showVmsOnHost(hostUuid);
        show(Page.VMS);
        vmList.table().requestFocus();
    }

    /** The VM list filtered to one VM, which is selected once it arrives. */
    public void showVm(String vmUuid) {
        vm.vms().clearFilter();
        vm.vms().textProperty().set(vmUuid);
        show(Page.VMS);
        TableView<VmRow> table = vmList.table();
        table.requestFocus();
        ListChangeListener<VmRow> once = new ListChangeListener<>() {
            @Override
            public void onChanged(Change<? extends VmRow> c) {
                for (int i = 0; i < table.getItems().size(); i++) {
                    if (table.getItems().get(i).uuid().equals(vmUuid)) {
                        table.getItems().removeListener(this);
                        table.getSelectionModel().clearAndSelect(i, table.getVisibleLeafColumn(0));
                        table.getFocusModel().focus(i, table.getVisibleLeafColumn(0));
                        return;
                    }
                }
            }
        };
        table.getItems().addListener(once);
    }

    private HostsView hosts() {
        if (hosts == null) {
            hosts = new HostsView(vm.hosts(), vm.scan(), h -> showVms(h.uuid()));
            remember(hosts.table(), hosts.files(), hosts.scan().hostTable(), hosts.scan().findingTable());
            vm.hosts().rows().activeProperty().set(true);
        }
        return hosts;
    }

    private ProvidersView providers() {
        if (providers == null) {
            providers = new ProvidersView(vm.providers(), this::showVm);
            remember(providers.table(), providers.refs());
            vm.providers().rows().activeProperty().set(true);
        }
        return providers;
    }

    /** Makes the details' tables now, rather than after the first VM rows (a view shown without a source). */
    public void makeDetails() {
        details.makeSections();
    }

    private void remember(TableView<?>... tables) {
        for (TableView<?> t : tables) {
            remembered.put(t.getId(), t);
        }
    }

    /**
     * The tables whose column layout and sort are remembered, by id: those made so far (the Hosts and Key providers
     * pages' join when their tab is first shown, so whoever restores layouts listens for them).
     */
    public ObservableMap<String, TableView<?>> rememberedTables() {
        return remembered;
    }

    /** The split between the VM list and its details, remembered with the window. */
    public SplitPane vmSplit() {
        return vmSplit;
    }
}
