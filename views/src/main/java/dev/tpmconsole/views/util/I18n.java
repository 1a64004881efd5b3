package dev.tpmconsole.views.util;

import dev.tpmconsole.model.i18n.Language;
import dev.tpmconsole.model.i18n.Message;
import dev.tpmconsole.model.i18n.Messages;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Labeled;

/**
 * The windows' language: one property, set from the preferences on the FX thread, that every text shown
 * is bound to, so that a change of language reaches every open window at once (as a change of theme does).
 * Texts come from the bundles ({@link Messages}); a view never sets a text from a string literal.
 */
public final class I18n {

    private static final ObjectProperty<Language> LANGUAGE =
            new SimpleObjectProperty<>(I18n.class, "language", Messages.currentLanguage());

    static {
        LANGUAGE.addListener((o, a, b) -> Messages.setCurrent(b));
    }

    private I18n() {
    }

    /** The language of every window; setting it also sets the process's current language. */
    public static ObjectProperty<Language> languageProperty() {
        return LANGUAGE;
    }

    /** The text of {@code key} in the current language, now. */
    public static String t(String key, Object... args) {
        return Messages.of(LANGUAGE.get()).get(key, args);
    }

    /** A message in the current language, now. */
    public static String t(Message message) {
        return message == null ? "" : Messages.of(LANGUAGE.get()).format(message);
    }

    /** A date and time as the current language writes it, in the machine's time zone. */
    public static String dateTime(java.time.Instant instant) {
        return Messages.of(LANGUAGE.get()).dateTime(instant);
    }

    /** A day as the current language writes it, in the machine's time zone. */
    public static String date(java.time.Instant instant) {
        return Messages.of(LANGUAGE.get()).date(instant);
    }

    /** The text of {@code key}, following the language. */
    public static StringBinding text(String key, Object... args) {
        return Bindings.createStringBinding(() -> t(key, args), LANGUAGE);
    }

    /** A message that changes (a view-model's status), following it and the language; null shows as empty. */
    public static StringBinding text(ObservableValue<? extends Message> message) {
        return Bindings.createStringBinding(() -> t(message.getValue()), message, LANGUAGE);
    }

    /**
     * A bundle key's text following the language, or, for anything that is not a key of a bundle ("ui.…"),
     * the text itself: for the helpers that take either ({@link Commands#action}, {@link Tables#column}).
     */
    public static StringBinding textOf(String keyOrText) {
        if (isKey(keyOrText)) {
            return text(keyOrText);
        }
        return Bindings.createStringBinding(() -> keyOrText);
    }

    /** Whether {@code s} is a key of some bundle (every windows' key starts with "ui."). */
    public static boolean isKey(String s) {
        return s != null && s.startsWith("ui.") && Messages.english().has(s);
    }

    /** A text computed from {@code dependencies} and the language: recomputed when either changes. */
    public static StringBinding computed(java.util.concurrent.Callable<String> text,
                                         javafx.beans.Observable... dependencies) {
        javafx.beans.Observable[] all = java.util.Arrays.copyOf(dependencies, dependencies.length + 1);
        all[dependencies.length] = LANGUAGE;
        return Bindings.createStringBinding(text, all);
    }

    /** The locale of the windows' language (numbers, dates). */
    public static java.util.Locale locale() {
        return LANGUAGE.get().locale();
    }

    /** A number grouped as the windows' language groups it. */
    public static String number(long n) {
        return Messages.of(LANGUAGE.get()).number(n);
    }

    /**
     * Runs {@code action} on every change of language for as long as {@code owner} lives (a table refreshing
     * its cells, say): the listener is held by the node, and only weakly by the language.
     */
    public static void whenChanged(javafx.scene.Node owner, Runnable action) {
        javafx.beans.InvalidationListener l = o -> action.run();
        @SuppressWarnings("unchecked")
        java.util.List<Object> held = (java.util.List<Object>) owner.getProperties()
                .computeIfAbsent(I18n.class, k -> new java.util.ArrayList<>());
        held.add(l);
        LANGUAGE.addListener(new javafx.beans.WeakInvalidationListener(l));
    }

    /** Binds the menu item's text to {@code key} and returns it. */
    public static <T extends javafx.scene.control.MenuItem> T bind(T item, String key, Object... args) {
        item.textProperty().bind(text(key, args));
        return item;
    }

    /** Binds the tab's text to {@code key} and returns it. */
    public static javafx.scene.control.Tab bind(javafx.scene.control.Tab tab, String key, Object... args) {
        tab.textProperty().bind(text(key, args));
        return tab;
    }

    /** Binds the column's header to {@code key} and returns it. */
    public static <T extends javafx.scene.control.TableColumnBase<?, ?>> T bindColumn(T column, String key, Object... args) {
        column.textProperty().bind(text(key, args));
        return column;
    }

    /** Binds the text field's prompt to {@code key} and returns it. */
    public static <T extends javafx.scene.control.TextInputControl> T prompt(T field, String key, Object... args) {
        field.promptTextProperty().bind(text(key, args));
        return field;
    }

    /** A text given as it is (a path, an error from elsewhere) where a {@link Message} is wanted. */
    public static Message raw(String text) {
        return Message.of("ui.raw", text == null ? "" : text);
    }

    /** Gives the table a placeholder whose text follows {@code key}, and returns the table. */
    public static <T extends javafx.scene.control.TableView<?>> T placeholder(T table, String key, Object... args) {
        table.setPlaceholder(bind(new javafx.scene.control.Label(), key, args));
        return table;
    }

    /** Binds the control's text to {@code key} and returns the control. */
    public static <T extends Labeled> T bind(T control, String key, Object... args) {
        control.textProperty().bind(text(key, args));
        return control;
    }
}
