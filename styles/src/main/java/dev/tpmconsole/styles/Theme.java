package dev.tpmconsole.styles;

import java.net.URL;
import java.util.Objects;

/**
 * The console's themes: AtlantaFX's Primer light or dark, with the console's own rules over them
 * ({@code console.css}, whose colour tokens alias Primer's looked-up colours, so that they follow the theme).
 */
public enum Theme {
    LIGHT(false),
    DARK(true);

    private final boolean dark;

    Theme(boolean dark) {
        this.dark = dark;
    }

    /** Whether the base (AtlantaFX Primer) theme under it is the dark one. */
    public boolean dark() {
        return dark;
    }

    /** Stylesheets to add to a scene: the console's rules (the same for both themes). */
    public String[] stylesheets() {
        return new String[] {url("console.css")};
    }

    private static String url(String name) {
        URL url = Theme.class.getResource(name);
        return Objects.requireNonNull(url, "missing stylesheet " + name).toExternalForm();
    }
}
