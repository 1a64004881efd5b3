package dev.tpmconsole.views.util;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableNumberValue;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import org.controlsfx.control.action.Action;
import org.controlsfx.control.action.ActionUtils;
import org.kordamp.ikonli.Ikon;

/**
 * The console's commands as ControlsFX {@link Action}s: one action carries its text, icon, keys and
 * enablement (bound to a view-model's state), and the menu items, buttons and key handling made from it
 * here all follow it. A disabled action does nothing, whichever way it is asked. The keyboard shortcut list
 * reads the same actions ({@link #keysOf}).
 */
public final class Commands {

    private static final String ID = "tpm-console.id";
    private static final String ALSO = "tpm-console.alsoOn";

    private Commands() {
    }

    /**
     * An action.
     *
     * @param id   the id of the menu item or button made from it (tests and the event log use them)
     * @param text the bundle key of its text ("ui.menu.file.openSnapshot" for "_Open snapshot…", with a
     *             mnemonic), which follows the language; a text that is not a key is shown as it is
     * @param keys its accelerator ("Shortcut+O"), or null
     */
    public static Action action(String id, String text, String keys, Runnable run) {
        return action(id, text, keys == null ? null : KeyCombination.keyCombination(keys), run);
    }

    /** An action whose keys are one of {@link Keys}, or null. */
    public static Action action(String id, String text, KeyCombination keys, Runnable run) {
        Action action = new Action(e -> run.run());
        action.textProperty().bind(I18n.textOf(text));
        action.getProperties().put(ID, id);
        action.setAccelerator(keys);
        return action;
    }

    /** The action is enabled while {@code enabled} holds, and only then. */
    public static Action enabledWhen(Action action, ObservableBooleanValue enabled) {
        action.disabledProperty().bind(javafx.beans.binding.Bindings.not(enabled));
        return action;
    }

    /** More keys that do the same (Ctrl++ as people type it beside the menu's Ctrl+=). */
    public static Action alsoOn(Action action, String... keys) {
        List<KeyCombination> more = new ArrayList<>();
        for (String k : keys) {
            more.add(KeyCombination.keyCombination(k));
        }
        action.getProperties().put(ALSO, List.copyOf(more));
        return action;
    }

    /** The action's icon, sized like text of {@code fontSize} px (a menu item has no font of its own). */
    public static Action icon(Action action, Ikon ikon, ObservableNumberValue fontSize) {
        action.setGraphic(Icons.icon(fontSize, ikon));
        return action;
    }

    public static String id(Action action) {
        return (String) action.getProperties().get(ID);
    }

    /** Every key combination that fires the action: its accelerator first. */
    @SuppressWarnings("unchecked")
    public static List<KeyCombination> keysOf(Action action) {
        List<KeyCombination> keys = new ArrayList<>();
        if (action.getAccelerator() != null) {
            keys.add(action.getAccelerator());
        }
        keys.addAll((List<KeyCombination>) action.getProperties().getOrDefault(ALSO, List.of()));
        return keys;
    }

    /** A menu item of the action (text, icon, accelerator, enablement follow it), with its id. */
    public static MenuItem menuItem(Action action) {
        MenuItem item = ActionUtils.createMenuItem(action);
        item.setId(id(action));
        item.setMnemonicParsing(true);
        return item;
    }

    /** A check menu item whose check mark is the action's {@code selected}. */
    public static CheckMenuItem checkMenuItem(Action action) {
        CheckMenuItem item = ActionUtils.createCheckMenuItem(action);
        item.setId(id(action));
        item.setMnemonicParsing(true);
        return item;
    }

    /**
     * A button of the action, its icon ({@code ikon} or none) sized by the button's font; the button keeps
     * its whole text (a main action).
     */
    public static Button button(Action action, Ikon ikon, String... iconClasses) {
        Button button = ActionUtils.createButton(action);
        button.setId(id(action));
        button.setMnemonicParsing(true);
        if (ikon != null) {
            action.setGraphic(Icons.icon(button, ikon, iconClasses));
            button.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        return button;
    }

    /**
     * Keys pressed in {@code node} fire the action whose keys they are, when it is enabled (the key is then
     * consumed); the keys of a disabled action pass on. For the keys of buttons and for a menu's extra keys
     * ({@link #alsoOn}); a menu item's accelerator is the scene's.
     *
     * @param onlyExtraKeys whether only the {@link #alsoOn} keys are handled (the menu items handle the
     *                      accelerators), before the focused control sees them; else all keys, after the
     *                      focused control had them (a filter box's Escape comes first)
     */
    public static void handleKeys(Node node, List<Action> actions, boolean onlyExtraKeys) {
        javafx.event.EventHandler<KeyEvent> handler = e -> {
            for (Action action : actions) {
                List<KeyCombination> keys = keysOf(action);
                if (onlyExtraKeys && action.getAccelerator() != null) {
                    keys = keys.subList(1, keys.size());
                }
                if (!action.isDisabled() && keys.stream().anyMatch(k -> k.match(e))) {
                    e.consume();
                    fire(action);
                    return;
                }
            }
        };
        if (onlyExtraKeys) {
            node.addEventFilter(KeyEvent.KEY_PRESSED, handler);
        } else {
            node.addEventHandler(KeyEvent.KEY_PRESSED, handler);
        }
    }

    /** Does what the action does, if it is enabled; returns whether it did. */
    public static boolean fire(Action action) {
        if (action.isDisabled()) {
            return false;
        }
        action.handle(new ActionEvent());
        return true;
    }
}
