package dev.tpmconsole.views.util;

import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Tab;

/**
 * Tabs whose content joins the scene when the tab is first selected. A tab's content is styled and laid out
 * with the window even while another tab is shown: on a large cloud the Hosts, Key providers and Summary pages
 * cost the window's first rows seconds of CSS and layout that nobody looks at yet. With a {@link Supplier} the
 * view itself is made then too (its view-model exists from the start and keeps the state).
 */
public final class LazyTabs {

    private LazyTabs() {
    }

    /**
     * Gives {@code tab} the content {@code make} makes, now if it is selected, else when it first is: a page whose
     * view is costly to make (charts, several tables) is made only when someone looks at it.
     */
    public static Tab content(Tab tab, Supplier<? extends Node> make) {
        When.firstTrue(tab.selectedProperty(), () -> tab.setContent(make.get()));
        return tab;
    }
}
