package dev.tpmconsole.views.util;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.tpmconsole.styles.Theme;
import javafx.application.Application;
import javafx.scene.Scene;

/** Applies a {@link Theme}: the AtlantaFX base as user-agent stylesheet, then the console's own sheets. */
public final class Themes {

    private Themes() {
    }

    public static void apply(Scene scene, Theme theme) {
        Application.setUserAgentStylesheet(theme.dark()
                ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
        scene.getStylesheets().setAll(theme.stylesheets());
    }
}
