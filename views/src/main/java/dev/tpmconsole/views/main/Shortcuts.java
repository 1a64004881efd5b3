package dev.tpmconsole.views.main;

import java.util.ArrayList;
import java.util.List;
import dev.tpmconsole.views.util.Commands;
import dev.tpmconsole.views.util.Keys;
import org.controlsfx.control.action.Action;

/**
 * The keyboard shortcuts of the console: those of the main window's commands, read off the very actions its
 * menus and keys are made from (so the list cannot drift from what the keys do), and those that work inside a
 * view ({@link #inViews}).
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

    /**
     * Commands as a menu shows them.
     *
     * @param where   the menu ("View › Theme")
     * @param actions its commands, in menu order
     */
    public record Group(String where, List<Action> actions) {
    }

    /**
     * Keys handled inside views rather than by menu items, written from the very {@link Keys} the views
     * match events against (the platform's names: "Ctrl+C", "Esc").
     */
    public static List<Shortcut> inViews() {
        String copy = text(Keys.COPY);
        String esc = text(Keys.ESCAPE);
        String enter = text(Keys.ENTER);
        return List.of(
                new Shortcut("Any table", "Copy the selected cells as tab-separated text", copy),
                new Shortcut("Any table", "Copy the selected rows with a header line", text(Keys.COPY_ROWS)),
                new Shortcut("VM, host and provider filters", "Empty the filter; again: go to the list", esc),
                new Shortcut("VM, host and provider filters", "Go to the list", text(Keys.DOWN) + " or " + enter),
                new Shortcut("Audit window", "Run the audit", text(Keys.RUN)),
                new Shortcut("Audit window", "Cancel the audit", esc),
                new Shortcut("Audit window, findings", "Show the finding's VM in the main window", enter),
                new Shortcut("Audit window, findings", "Copy the selected findings", copy),
                new Shortcut("Hosts tab", "Scan the hosts over SSH", text(Keys.RUN)),
                new Shortcut("Hosts tab", "Cancel the scan", esc),
                new Shortcut("Hosts tab, scan findings", "Copy the selected findings (all when none is selected)", copy),
                new Shortcut("Preview window, host work", "Copy the host paths", copy),
                new Shortcut("Run window", "Cancel the run between items", esc),
                new Shortcut("Run window, errors", "Copy the failed items", copy),
                new Shortcut("Event log", "Copy the selected events (all shown when none is selected)", copy),
                new Shortcut("Dialogs", "The default button; Cancel is the default of every confirmation", enter),
                new Shortcut("Dialogs", "Cancel", esc),
                new Shortcut("Import window", "Cancel the import", esc),
                new Shortcut("Menus", "Open the menu bar; then the underlined letters", "F10 or Alt"));
    }

    private Shortcuts() {
    }

    /** Every command with keys, in menu order: its keys, the first its menu shows, then the others. */
    public static List<Shortcut> of(List<Group> groups) {
        List<Shortcut> out = new ArrayList<>();
        for (Group g : groups) {
            for (Action a : g.actions()) {
                List<javafx.scene.input.KeyCombination> keys = Commands.keysOf(a);
                if (!keys.isEmpty()) {
                    out.add(new Shortcut(g.where(), plain(a.getText()),
                            String.join(" or ", keys.stream().map(Shortcuts::text).toList())));
                }
            }
        }
        return out;
    }

    /** The commands' shortcuts, then the views'. */
    public static List<Shortcut> all(List<Group> groups) {
        List<Shortcut> all = new ArrayList<>(of(groups));
        all.addAll(inViews());
        return all;
    }

    /**
     * The keys as the platform writes them, with the glyphs JavaFX uses for some keys spelled out, as a
     * person searching the list would type them: "Enter", not "↵".
     */
    static String text(javafx.scene.input.KeyCombination keys) {
        String t = keys.getDisplayText();
        for (String[] g : GLYPHS) {
            t = t.replace(g[0], g[1]);
        }
        if (keys instanceof javafx.scene.input.KeyCodeCombination k && java.util.Set.of(javafx.scene.input.KeyCode.ADD,
                javafx.scene.input.KeyCode.SUBTRACT).contains(k.getCode()) && !t.isEmpty()) {
            // the keypad's + and - are written like the main keys': say which
            t = t.substring(0, t.length() - 1) + "keypad " + t.charAt(t.length() - 1);
        }
        return t.replace("Escape", "Esc");
    }

    private static final String[][] GLYPHS = {
        {"\u21b5", "Enter"}, {"\u2193", "Down"}, {"\u2191", "Up"}, {"\u2190", "Left"}, {"\u2192", "Right"},
        {"\u232b", "Backspace"}, {"\u2326", "Delete"}, {"\u21e5", "Tab"}};

    /** The text without its mnemonic mark and trailing ellipsis: "_Open snapshot…" is "Open snapshot". */
    static String plain(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("__", "\u0000").replace("_", "").replace("\u0000", "_").replaceAll("…$", "").strip();
    }
}
