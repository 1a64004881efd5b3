package dev.tpmconsole.views.main;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;

/**
 * The keyboard shortcuts of the console: those of the menus, read off the menu bar itself (so the list
 * cannot drift from what the keys do), and those that work inside a view, which {@link #IN_VIEWS} names.
 */
public final class Shortcuts {

    /**
     * One shortcut.
     *
     * @param where  the menu it is in, or the view it works in
     * @param action what it does
     * @param keys   the keys, as the platform writes them ("Ctrl+Shift+A")
     */
    public record Shortcut(String where, String action, String keys) {
    }

    /** Keys handled inside views rather than by menu items. */
    public static final List<Shortcut> IN_VIEWS = List.of(
            new Shortcut("Any table", "Copy the selected cells as tab-separated text", "Ctrl+C"),
            new Shortcut("Any table", "Copy the selected rows with a header line", "Ctrl+Shift+C"),
            new Shortcut("VM, host and provider filters", "Clear the filter", "Esc"),
            new Shortcut("VM, host and provider filters", "Move into the list", "Down or Enter"),
            new Shortcut("Audit window", "Run the audit", "Ctrl+R"),
            new Shortcut("Audit window", "Cancel the audit", "Esc"),
            new Shortcut("Audit window, findings", "Show the finding's VM in the main window", "Enter"),
            new Shortcut("Preview window, host work", "Copy the host paths", "Ctrl+C"),
            new Shortcut("Run window", "Cancel the run between items", "Esc"),
            new Shortcut("Run window, errors", "Copy the failed items", "Ctrl+C"),
            new Shortcut("Event log", "Copy the selected events (all shown when none is selected)", "Ctrl+C"),
            new Shortcut("Dialogs", "Choose the default button; Cancel is the default of every confirmation", "Enter"),
            new Shortcut("Dialogs", "Cancel", "Esc"));

    private Shortcuts() {
    }

    /** Every menu item with an accelerator, in menu order, nested menus included. */
    public static List<Shortcut> fromMenus(MenuBar bar) {
        List<Shortcut> out = new ArrayList<>();
        for (Menu menu : bar.getMenus()) {
            collect(menu, plain(menu.getText()), out);
        }
        return out;
    }

    /** The menus' shortcuts, then the views'. */
    public static List<Shortcut> all(MenuBar bar) {
        List<Shortcut> all = new ArrayList<>(fromMenus(bar));
        all.addAll(IN_VIEWS);
        return all;
    }

    private static void collect(Menu menu, String path, List<Shortcut> out) {
        for (MenuItem item : menu.getItems()) {
            if (item instanceof Menu sub) {
                collect(sub, path + " › " + plain(sub.getText()), out);
            } else if (item.getAccelerator() != null) {
                out.add(new Shortcut(path, plain(item.getText()), item.getAccelerator().getDisplayText()));
            }
        }
    }

    /** The text without its mnemonic mark and trailing ellipsis: "_Open snapshot…" is "Open snapshot". */
    static String plain(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("__", "\u0000").replace("_", "").replace("\u0000", "_").replaceAll("…$", "").strip();
    }
}
