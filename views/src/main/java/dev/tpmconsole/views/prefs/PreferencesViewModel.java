package dev.tpmconsole.views.prefs;

import dev.tpmconsole.model.i18n.Language;
import dev.tpmconsole.styles.Theme;
import dev.tpmconsole.views.util.Appearance;
import dev.tpmconsole.views.util.Em;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * The preferences a person sets by hand: language, theme and font size (which are the {@link Appearance}'s own
 * properties, so a change shows in every window at once) and which confirmations are asked. Whoever owns it
 * stores the preferences whenever one of {@link #dependencies()} changes. FX thread only.
 */
public final class PreferencesViewModel {

    private final Appearance appearance;
    private final BooleanProperty confirmRunOnSnapshot = new SimpleBooleanProperty(this, "confirmRunOnSnapshot", true);
    private final BooleanProperty confirmQuitWhileBusy = new SimpleBooleanProperty(this, "confirmQuitWhileBusy", true);
    private final BooleanProperty hostWorkOverSsh = new SimpleBooleanProperty(this, "hostWorkOverSsh", false);
    private final javafx.beans.property.ObjectProperty<Language> language =
            new javafx.beans.property.SimpleObjectProperty<>(this, "language");

    public PreferencesViewModel(Appearance appearance, Confirmations confirmations) {
        this(appearance, confirmations, null);
    }

    /** @param language the language chosen, or null for the desktop's */
    public PreferencesViewModel(Appearance appearance, Confirmations confirmations, Language language) {
        this.appearance = appearance;
        this.language.set(language);
        Confirmations c = confirmations == null ? Confirmations.all() : confirmations;
        confirmRunOnSnapshot.set(c.runOnSnapshot());
        confirmQuitWhileBusy.set(c.quitWhileBusy());
        hostWorkOverSsh.set(c.hostWorkOverSsh());
    }

    public Appearance appearance() {
        return appearance;
    }

    public ObjectProperty<Theme> themeProperty() {
        return appearance.themeProperty();
    }

    public IntegerProperty fontSizeProperty() {
        return appearance.fontSizeProperty();
    }

    /**
     * The windows' language as chosen here; null for the desktop's ({@link Language#ofDesktop()}). Whoever owns
     * the windows sets {@link dev.tpmconsole.views.util.I18n#languageProperty()} from it.
     */
    public javafx.beans.property.ObjectProperty<Language> languageProperty() {
        return language;
    }

    /** The language the windows speak by this preference: the one chosen, else the desktop's. */
    public Language effectiveLanguage() {
        return language.get() != null ? language.get() : Language.ofDesktop();
    }

    public BooleanProperty confirmRunOnSnapshotProperty() {
        return confirmRunOnSnapshot;
    }

    public BooleanProperty confirmQuitWhileBusyProperty() {
        return confirmQuitWhileBusy;
    }

    /** Whether a run's host work is done on the hosts over SSH (else exported): the last confirmation's choice. */
    public BooleanProperty hostWorkOverSshProperty() {
        return hostWorkOverSsh;
    }

    public Confirmations confirmations() {
        return new Confirmations(confirmRunOnSnapshot.get(), confirmQuitWhileBusy.get(), hostWorkOverSsh.get());
    }

    /** Light theme, 14 px, every confirmation, the desktop's language. */
    public void restoreDefaults() {
        language.set(null);
        themeProperty().set(Theme.LIGHT);
        fontSizeProperty().set((int) Em.DEFAULT_FONT_SIZE);
        confirmRunOnSnapshot.set(true);
        confirmQuitWhileBusy.set(true);
        hostWorkOverSsh.set(false);
    }

    /** What the preferences set here are made of. */
    public Observable[] dependencies() {
        return new Observable[] {themeProperty(), fontSizeProperty(), confirmRunOnSnapshot, confirmQuitWhileBusy,
            hostWorkOverSsh, language};
    }

    /** {@code base} with what is set here. */
    public UiPreferences applyTo(UiPreferences base) {
        return base.withTheme(themeProperty().get().name()).withFontSize(fontSizeProperty().get())
                .withConfirmations(confirmations()).withLanguage(language.get() == null ? null : language.get().tag());
    }
}
