package dev.tpmconsole.views.util;

import javafx.beans.value.ChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Tab;

/**
 * Tabs whose content joins the scene when the tab is first selected. A tab's content is styled and laid out
 * with the window even while another tab is shown: on a large cloud the Hosts, Key providers and Summary pages
 * cost the window's first rows seconds of CSS and layout that nobody looks at yet. The views themselves are
 * made at once (their view-models, tables and remembered column widths exist); only their place in the scene
 * waits.
 */
public final class LazyTabs {

    private LazyTabs() {
    }

    /** Gives {@code tab} its {@code content} now if it is selected, else when it first is. */
    public static Tab content(Tab tab, Node content) {
        if (tab.isSelected()) {
            tab.setContent(content);
            return tab;
        }
        ChangeListener<Boolean> first = new ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean is) {
                if (is) {
                    tab.selectedProperty().removeListener(this);
                    tab.setContent(content);
                }
            }
        };
        tab.selectedProperty().addListener(first);
        return tab;
    }
}
