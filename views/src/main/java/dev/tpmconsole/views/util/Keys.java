package dev.tpmconsole.views.util;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * The keys views handle themselves (menu items carry their own accelerators). The views match events
 * against these, and the keyboard shortcut list shows them, so the list says what the keys do.
 */
public final class Keys {

    /** Copy the selection. */
    public static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);
    /** Copy whole rows with a header line. */
    public static final KeyCombination COPY_ROWS =
            new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    /** Run (the audit window's Run). */
    public static final KeyCombination RUN = new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN);
    /** Cancel what is going, or empty a filter. */
    public static final KeyCombination ESCAPE = new KeyCodeCombination(KeyCode.ESCAPE);
    /** Open or act on the selected row; leave a filter for its list. */
    public static final KeyCombination ENTER = new KeyCodeCombination(KeyCode.ENTER);
    /** Leave a filter for its list. */
    public static final KeyCombination DOWN = new KeyCodeCombination(KeyCode.DOWN);

    private Keys() {
    }
}
