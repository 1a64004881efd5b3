package dev.tpmconsole.views.util;

import dev.tpmconsole.styles.Theme;
import javafx.scene.Scene;

/** A scene styled once with a theme at the default font size (tests and benchmarks); the app uses {@link Appearance}. */
public final class Themes {

    private Themes() {
    }

    public static void apply(Scene scene, Theme theme) {
        Appearance.detached(theme).style(scene);
    }
}
