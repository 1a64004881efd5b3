package dev.tpmconsole.views.util;

import java.util.List;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Labeled;
import javafx.scene.layout.Region;
import javafx.beans.value.ObservableNumberValue;
import org.controlsfx.tools.Duplicatable;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

/**
 * Icons for the views' main action buttons: Material Design glyphs (Ikonli), vector, so they stay sharp at
 * any scale. An icon's size follows the font of the button it is on ({@link #SCALE} of it: 16 px beside
 * 14 px text), so a change of the root font size resizes it at once; its colour is the button's text colour,
 * from the theme ({@code .action-icon} in console.css). The button keeps its text and its id; the icon has
 * none. A button with an icon is a main action: it keeps its whole text when its bar is short of room for the
 * font size (the other parts of the bar give way) rather than shrink to "Ru…".
 *
 * <p>Why the size is not in CSS: Ikonli 12.3.1 resolves {@code -fx-icon-size} in em against the icon's own
 * font, which it sets from that size, so an em size feeds on itself and grows without end (kordamp/ikonli
 * #150); and it reports every icon size as coming from the user agent, so the base theme's
 * {@code -fx-icon-size: 18px} would override a size set in code. These icons therefore leave
 * {@code -fx-icon-size} out of their CSS properties and take their size from the button's font only.
 */
public final class Icons {

    /** The icon's size as a multiple of its button's font size. */
    public static final double SCALE = 8.0 / 7;

    /** The style class of every icon made here. */
    public static final String STYLE_CLASS = "action-icon";

    /** The style class of an icon in the danger colour (Stop). */
    public static final String DANGER = "danger-icon";

    private Icons() {
    }

    /**
     * Reads Ikonli's icon fonts now, on the calling thread (any, once JavaFX has started): its resolver reads every font
     * file at its first use, which was the FX thread's first icon (about 90 ms of it in a cold JVM). Then lays out an
     * icon, off any scene: the first icon laid out reads the icon font's character map (its glyphs are beyond the
     * Basic Multilingual Plane: a map of the larger format, some 7,000 entries) and the JDK's table of Unicode
     * properties (the bidirectional analysis of a surrogate pair), which fell to the FX thread while the first window
     * with an icon on show (the audit window) was styled: 29-34 ms there, 3 ms for the next icon (the app image's
     * runtime, three cold starts). A failure is left for that first icon to meet; returns whether it all went well.
     */
    public static boolean preload() {
        try {
            org.kordamp.ikonli.javafx.IkonResolver.getInstance();
            return new FontIcon(MaterialDesignP.PLAY).getLayoutBounds().getWidth() > 0;
        } catch (RuntimeException | LinkageError e) {
            // the first icon on the FX thread meets it again, where the console reports errors
            return false;
        }
    }

    /**
     * Puts {@code ikon} before the text of {@code labeled}, which no longer shrinks below its preferred width;
     * {@code styleClasses} are added to the icon.
     */
    public static <T extends Labeled> T on(T labeled, Ikon ikon, String... styleClasses) {
        labeled.setGraphic(icon(labeled, ikon, styleClasses));
        labeled.setMinWidth(Region.USE_PREF_SIZE);
        return labeled;
    }

    /** Puts {@code ikon} after the text of {@code labeled} (for a button that leads on: Next). */
    public static <T extends Labeled> T after(T labeled, Ikon ikon, String... styleClasses) {
        on(labeled, ikon, styleClasses);
        labeled.setContentDisplay(ContentDisplay.RIGHT);
        return labeled;
    }

    /** An icon whose size follows the font of {@code sizedBy}. */
    public static FontIcon icon(Labeled sizedBy, Ikon ikon, String... styleClasses) {
        return icon(javafx.beans.binding.Bindings.createDoubleBinding(() -> sizedBy.getFont().getSize(),
                sizedBy.fontProperty()), ikon, styleClasses);
    }

    /**
     * An icon beside text of {@code fontSize} px (for a menu item, which has no font of its own). It can be
     * duplicated (ControlsFX puts a copy of an action's icon on each control made from the action).
     */
    public static FontIcon icon(ObservableNumberValue fontSize, Ikon ikon, String... styleClasses) {
        FontIcon icon = new FontSized(ikon, fontSize);
        icon.getStyleClass().add(STYLE_CLASS);
        icon.getStyleClass().addAll(styleClasses);
        return icon;
    }

    /** The icon size, in whole px (what Ikonli takes), beside text of {@code fontSize} px. */
    public static int size(double fontSize) {
        return (int) Math.round(fontSize * SCALE);
    }

    /** A font icon that CSS does not size (see the class comment); its colour still comes from CSS. */
    private static final class FontSized extends FontIcon implements Duplicatable<FontIcon> {

        private static final List<CssMetaData<? extends Styleable, ?>> CSS = FontIcon.getClassCssMetaData().stream()
                .filter(m -> !m.getProperty().equals("-fx-icon-size"))
                .toList();

        private final ObservableNumberValue fontSize;

        FontSized(Ikon ikon, ObservableNumberValue fontSize) {
            super(ikon);
            this.fontSize = fontSize;
            iconSizeProperty().bind(javafx.beans.binding.Bindings.createIntegerBinding(
                    () -> size(fontSize.doubleValue()), fontSize));
        }

        @Override
        public FontIcon duplicate() {
            FontSized copy = new FontSized(getIconCode(), fontSize);
            copy.getStyleClass().setAll(getStyleClass());
            return copy;
        }

        @Override
        public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
            return CSS;
        }
    }
}
