package dev.tpmconsole.styles;

import java.net.URL;
import java.util.Objects;

/**
 * The console's themes: one palette of named colour tokens ({@code tokens.css}, the shared rules) with a
 * light and a dark variant, laid over AtlantaFX's Primer themes of the same brightness.
 */
public enum Theme {
    LIGHT("light.css", false),
    DARK("dark.css", true);

    private final String variant;
    private final boolean dark;

    Theme(String variant, boolean dark) {
        this.variant = variant;
        this.dark = dark;
    }

    /** Whether the base (AtlantaFX Primer) theme under it is the dark one. */
    public boolean dark() {
        return dark;
    }

    /** Stylesheets to add to a scene, in order: shared rules, then the variant's tokens. */
    public String[] stylesheets() {
        return new String[] {url("console.css"), url(variant)};
    }

    private static String url(String name) {
        URL url = Theme.class.getResource(name);
        return Objects.requireNonNull(url, "missing stylesheet " + name).toExternalForm();
    }
}
