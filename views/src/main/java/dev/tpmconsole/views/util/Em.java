package dev.tpmconsole.views.util;

/**
 * Sizes that CSS cannot carry (a table column's width, a window's first size) in em: multiples of the
 * console's root font size, which the preferences set. Spacing, padding and maximum widths belong in the
 * stylesheets, in em, where they follow a change of the font size at once; a column made with {@link #of}
 * is rescaled by {@link Appearance} when the font size changes.
 */
public final class Em {

    /** The font size, in px, that JavaFX and AtlantaFX use when nothing else is set. */
    public static final double DEFAULT_FONT_SIZE = 14;

    private static volatile double fontSize = DEFAULT_FONT_SIZE;

    private Em() {
    }

    /** {@code em} times the current root font size, in px. */
    public static double of(double em) {
        return em * fontSize;
    }

    /** The current root font size, in px. */
    public static double fontSize() {
        return fontSize;
    }

    static void setFontSize(double px) {
        fontSize = px;
    }
}
