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

    /** The text of {@code key}, following the language. */
    public static StringBinding text(String key, Object... args) {
        return Bindings.createStringBinding(() -> t(key, args), LANGUAGE);
    }

    /** A message that changes (a view-model's status), following it and the language; null shows as empty. */
    public static StringBinding text(ObservableValue<? extends Message> message) {
        return Bindings.createStringBinding(() -> t(message.getValue()), message, LANGUAGE);
    }

    /** Binds the control's text to {@code key} and returns the control. */
    public static <T extends Labeled> T bind(T control, String key, Object... args) {
        control.textProperty().bind(text(key, args));
        return control;
    }
}
