package dev.tpmconsole.views.util;

import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/** Text onto the system clipboard (FX thread). */
public final class Clipboards {

    private Clipboards() {
    }

    /** Puts {@code text} on the clipboard; nothing happens for empty text. */
    public static void put(String text) {
        if (text == null || text.isEmpty()) {
            return;
        }
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }
}
