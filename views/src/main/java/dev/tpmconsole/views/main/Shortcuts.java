package dev.tpmconsole.views.main;

import java.util.ArrayList;
import java.util.List;
import dev.tpmconsole.views.util.Commands;
import dev.tpmconsole.views.util.I18n;
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
     * @param where   the menu: a bundle key ("ui.shortcuts.where.viewTheme" for "View › Theme") or a text
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
                in("anyTable", "copyCells", copy),
                in("anyTable", "copyRows", text(Keys.COPY_ROWS)),
                in("filters", "emptyFilter", esc),
                in("filters", "toList", I18n.t("ui.shortcuts.or", text(Keys.DOWN), enter)),
                in("audit", "runAudit", text(Keys.RUN)),
                in("audit", "cancelAudit", esc),
                in("auditFindings", "showVm", enter),
                in("auditFindings", "copyFindings", copy),
                in("hosts", "scan", text(Keys.RUN)),
                in("hosts", "cancelScan", esc),
                in("hostFindings", "copyScanFindings", copy),
                in("previewHostWork", "copyPaths", copy),
                in("run", "cancelRun", esc),
                in("runErrors", "copyFailed", copy),
                in("eventLog", "copyEvents", copy),
                in("dialogs", "defaultButton", enter),
                in("dialogs", "cancel", esc),
                in("import", "cancelImport", esc),
                in("menus", "menuBar", I18n.t("ui.shortcuts.or", "F10", "Alt")));
    }

    /** A shortcut inside a view, its texts the bundle's ({@code ui.shortcuts.where.*}, {@code ui.shortcuts.action.*}). */
    private static Shortcut in(String where, String action, String keys) {
        return new Shortcut(I18n.t("ui.shortcuts.where." + where), I18n.t("ui.shortcuts.action." + action), keys);
    }

    /** The keys of the bundle that {@link #inViews} builds from names. */
    public static List<String> builtKeys() {
        List<String> keys = new ArrayList<>();
        for (String w : List.of("anyTable", "filters", "audit", "auditFindings", "hosts", "hostFindings",
                "previewHostWork", "run", "runErrors", "eventLog", "dialogs", "import", "menus")) {
            keys.add("ui.shortcuts.where." + w);
        }
        for (String a : List.of("copyCells", "copyRows", "emptyFilter", "toList", "runAudit", "cancelAudit", "showVm",
                "copyFindings", "scan", "cancelScan", "copyScanFindings", "copyPaths", "cancelRun", "copyFailed",
                "copyEvents", "defaultButton", "cancel", "cancelImport", "menuBar")) {
            keys.add("ui.shortcuts.action." + a);
        }
        return keys;
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
                    out.add(new Shortcut(I18n.textOf(g.where()).get(), plain(a.getText()),
                            or(keys.stream().map(Shortcuts::text).toList())));
                }
            }
        }
        return out;
    }

    /** "Ctrl+= or Ctrl++ or …", in the windows' language. */
    private static String or(List<String> keys) {
        String out = keys.get(0);
        for (String k : keys.subList(1, keys.size())) {
            out = I18n.t("ui.shortcuts.or", out, k);
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
            t = t.substring(0, t.length() - 1) + I18n.t("ui.shortcuts.keypad", String.valueOf(t.charAt(t.length() - 1)));
        }
        return t.replace("Escape", "Esc");
    }

    private static final String[][] GLYPHS = {
        {"\u21b5", "Enter"}, {"\u2193", "Down"}, {"\u2191", "Up"}, {"\u2190", "Left"}, {"\u2192", "Right"},
        {"\u232b", "Backspace"}, {"\u2326", "Delete"}, {"\u21e5", "Tab"}};

    /**
     * The text without its mnemonic mark and trailing ellipsis: "_Open snapshot…" is "Open snapshot"; a
     * Chinese text's mnemonic in brackets goes too: "打开快照(_O)…" is "打开快照".
     */
    static String plain(String text) {
        if (text == null) {
            return "";
        }
        return text.replaceAll("\\(_.\\)", "").replace("__", "\u0000").replace("_", "").replace("\u0000", "_")
                .replaceAll("…$", "").strip();
    }
}
