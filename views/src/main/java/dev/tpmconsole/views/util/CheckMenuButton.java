package dev.tpmconsole.views.util;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.event.EventHandler;
import javafx.scene.control.CheckBox;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.MenuButton;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.util.StringConverter;

/**
 * A button that drops down choices with check boxes, several of which may be checked at once (the VM list's filter
 * by state). The button reads {@code none} while nothing is checked, else the checked choices, joined. Clicking a
 * choice, or Space or Enter on it, checks or unchecks it and leaves the list open for the next.
 *
 * <p>It does what ControlsFX's {@code CheckComboBox} did here, without its cost at the start (decision 0050): the
 * combo box's skin puts its whole drop-down list (a list view, and a cell with a check box for each choice) into the
 * window's scene, so that the list is styled before it first drops down, and so the window's first styling made and
 * styled twenty check boxes that nobody had asked to see. Here the choices are menu items, whose nodes JavaFX styles
 * when the menu first shows.
 *
 * <p>{@code checked} is the caller's list (a view-model's), read and written in place: what is checked here is
 * exactly what it holds, whichever side changes it. A choice checked here takes its place in the order of the choices.
 */
public final class CheckMenuButton<T> extends MenuButton {

    private final ObservableList<T> choices;
    private final ObservableList<T> checked;
    private final StringConverter<T> converter;
    private final List<CheckBox> boxes = new ArrayList<>();

    /**
     * @param id        the button's id; choice {@code i}'s check box is {@code id-i}
     * @param choices   what may be checked, in the order shown
     * @param checked   what is checked: read and written in place
     * @param converter a choice's words (asked again when the windows' language changes)
     * @param none      what the button reads while nothing is checked
     */
    public CheckMenuButton(String id, ObservableList<T> choices, ObservableList<T> checked,
                           StringConverter<T> converter, ObservableValue<String> none) {
        this.choices = Objects.requireNonNull(choices);
        this.checked = Objects.requireNonNull(checked);
        this.converter = Objects.requireNonNull(converter);
        setId(id);
        getStyleClass().add("check-menu-button");
        textProperty().bind(I18n.computed(() -> checked.isEmpty() ? none.getValue()
                : checked.stream().map(converter::toString).collect(Collectors.joining(", ")), checked, none));
        makeItems();
        choices.addListener((ListChangeListener<T>) c -> makeItems());
        checked.addListener((ListChangeListener<T>) c -> showChecked());
    }

    /** A choice's words, as the button and its check box show them. */
    public StringConverter<T> converter() {
        return converter;
    }

    /** Checks {@code choice} when it is not checked, else unchecks it (what a click on it does). */
    public void toggle(T choice) {
        if (checked.contains(choice)) {
            checked.removeIf(choice::equals);
            return;
        }
        // in the order of the choices, so that the button reads them in the order the list shows
        List<T> next = new ArrayList<>(checked);
        next.add(choice);
        next.sort(java.util.Comparator.comparingInt(choices::indexOf));
        checked.setAll(next);
    }

    private void makeItems() {
        boxes.clear();
        List<CustomMenuItem> items = new ArrayList<>(choices.size());
        for (int i = 0; i < choices.size(); i++) {
            T choice = choices.get(i);
            CheckBox box = new CheckBox();
            box.setId(getId() + "-" + i);
            box.textProperty().bind(I18n.computed(() -> converter.toString(choice)));
            CustomMenuItem item = new CustomMenuItem(box, false);
            // the item's row, not the box, takes the click: anywhere on the row the list highlights, and once (a box
            // that took it too would check itself and then be unchecked by the item). JavaFX fires a custom item
            // when its content is clicked, and only then: the row passes its clicks on to the item itself
            box.setMouseTransparent(true);
            box.setFocusTraversable(false);
            EventHandler<MouseEvent> click = e -> {
                if (e.getButton() == MouseButton.PRIMARY && !item.isDisable()) {
                    item.fire();
                }
            };
            box.parentProperty().addListener((o, was, row) -> {
                if (was != null) {
                    was.removeEventHandler(MouseEvent.MOUSE_CLICKED, click);
                }
                if (row != null) {
                    row.addEventHandler(MouseEvent.MOUSE_CLICKED, click);
                }
            });
            item.setOnAction(e -> toggle(choice));
            boxes.add(box);
            items.add(item);
        }
        getItems().setAll(items);
        showChecked();
    }

    private void showChecked() {
        for (int i = 0; i < boxes.size(); i++) {
            boxes.get(i).setSelected(checked.contains(choices.get(i)));
        }
    }
}
