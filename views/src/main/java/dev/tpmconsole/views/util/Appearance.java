package dev.tpmconsole.views.util;

import dev.tpmconsole.styles.Theme;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Application;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeTableView;

/**
 * How every window of the console looks: the theme (AtlantaFX Primer light or dark under the console's own
 * sheets) and the root font size, from which every em-based size follows. Each scene and dialog is
 * registered once with {@link #style}; a change of theme or font size then reaches all of them at once,
 * at run time. Scenes are held weakly, so a window that was replaced is not kept alive. FX thread only.
 */
public final class Appearance {

    /** The smallest and largest root font sizes offered, in px. */
    public static final int MIN_FONT_SIZE = 10;
    public static final int MAX_FONT_SIZE = 24;

    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme", Theme.LIGHT);
    private final IntegerProperty fontSize = new SimpleIntegerProperty(this, "fontSize", (int) Em.DEFAULT_FONT_SIZE);
    private final List<WeakReference<Parent>> roots = new ArrayList<>();
    /** The size the roots were last styled with, from which a change rescales the columns. */
    private int applied;
    private final boolean ownsEm;
    /** The theme whose base sheet this appearance last set as JavaFX's user-agent stylesheet. */
    private Theme userAgentOf;

    public Appearance(Theme theme, int fontSize) {
        this(theme, fontSize, true);
    }

    /**
     * @param ownsEm whether this appearance sets {@link Em}'s font size (the app's one does; a scene styled
     *               once for a test or a benchmark does not, so that it never changes the app's sizes)
     */
    private Appearance(Theme theme, int fontSize, boolean ownsEm) {
        this.ownsEm = ownsEm;
        this.theme.set(theme == null ? Theme.LIGHT : theme);
        this.fontSize.set(clamp(fontSize));
        this.applied = this.fontSize.get();
        if (ownsEm) {
            Em.setFontSize(applied);
        }
        this.theme.addListener((o, a, b) -> {
            if (b == null) {
                this.theme.set(a);
                return;
            }
            applyUserAgent();
            forEachRoot(this::applyTheme);
        });
        this.fontSize.addListener((o, a, b) -> {
            int clamped = clamp(b.intValue());
            if (clamped != b.intValue()) {
                this.fontSize.set(clamped);
                return;
            }
            if (clamped == applied) {
                return;
            }
            if (this.ownsEm) {
                Em.setFontSize(clamped);
            }
            double ratio = clamped / (double) applied;
            applied = clamped;
            forEachRoot(root -> {
                applyFont(root);
                rescaleColumns(root, ratio);
                refit(root);
            });
        });
    }

    /** A theme at the default size for scenes outside the app (tests, benchmarks): leaves {@link Em} alone. */
    public static Appearance detached(Theme theme) {
        return new Appearance(theme, (int) Em.DEFAULT_FONT_SIZE, false);
    }

    /** Whether {@code px} is a font size this appearance applies as it is (it clamps the others). */
    public static boolean inRange(int px) {
        return clamp(px) == px;
    }

    /** The style class of every root while the windows speak Chinese: its font is one that has the glyphs. */
    public static final String CHINESE = "lang-zh";

    /** Held here, and only weakly by the language, so that an appearance of a test is not kept alive. */
    private final javafx.beans.InvalidationListener languageChanged = o -> forEachRoot(root -> {
        applyLanguage(root);
        refit(root);
    });

    {
        I18n.languageProperty().addListener(new javafx.beans.WeakInvalidationListener(languageChanged));
    }

    /** The defaults: light, 14 px. */
    public static Appearance defaults() {
        return new Appearance(Theme.LIGHT, (int) Em.DEFAULT_FONT_SIZE);
    }

    public static int clamp(int px) {
        return Math.max(MIN_FONT_SIZE, Math.min(MAX_FONT_SIZE, px));
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public IntegerProperty fontSizeProperty() {
        return fontSize;
    }

    /**
     * Makes the theme's base sheet JavaFX's user-agent stylesheet, unless it is already. A window calls this before it
     * makes its first control: the first control class to load otherwise makes JavaFX read its own default sheet
     * (Modena), only for the theme's to replace it.
     */
    public void applyUserAgentStylesheet() {
        // set once per theme: setting it again makes JavaFX read and checksum the whole sheet for each window
        if (userAgentOf != theme.get()) {
            applyUserAgent();
        }
    }

    /** Styles {@code scene} now and whenever the theme or the font size changes. */
    public Scene style(Scene scene) {
        applyUserAgentStylesheet();
        register(scene.getRoot());
        scene.rootProperty().addListener((o, a, b) -> register(b));
        return scene;
    }

    /**
     * Styles {@code scene} as {@link #style(Scene)} does, its window sized to its content: sized to it again, after the
     * pulse that lays it out, whenever the font size or the language changes.
     */
    public Scene styleFitted(Scene scene) {
        scene.getRoot().getProperties().put(FITS_CONTENT, Boolean.TRUE);
        return style(scene);
    }

    /** Marks a root whose window is sized to its content. */
    private static final Object FITS_CONTENT = new Object();

    private static void refit(Parent root) {
        if (root.getProperties().get(FITS_CONTENT) != null) {
            When.afterNextPulse(() -> {
                javafx.stage.Window window = root.getScene() == null ? null : root.getScene().getWindow();
                if (window != null && window.isShowing()) {
                    window.sizeToScene();
                }
            });
        }
    }

    /** Styles a dialog's pane (alerts and dialogs have scenes of their own). */
    public DialogPane style(DialogPane pane) {
        register(pane);
        return pane;
    }

    private void register(Parent root) {
        if (root == null) {
            return;
        }
        roots.removeIf(r -> r.get() == null || r.get() == root);
        roots.add(new WeakReference<>(root));
        applyTheme(root);
        applyFont(root);
        applyLanguage(root);
    }

    /** Chinese text in Noto Sans CJK SC where it is installed (console.css, {@code .lang-zh}). */
    private static void applyLanguage(Parent root) {
        boolean chinese = I18n.languageProperty().get() == dev.tpmconsole.model.i18n.Language.ZH_CN;
        if (chinese && !root.getStyleClass().contains(CHINESE)) {
            root.getStyleClass().add(CHINESE);
        } else if (!chinese) {
            root.getStyleClass().remove(CHINESE);
        }
    }

    private void forEachRoot(java.util.function.Consumer<Parent> action) {
        roots.removeIf(r -> r.get() == null);
        for (WeakReference<Parent> r : List.copyOf(roots)) {
            Parent p = r.get();
            if (p != null) {
                action.accept(p);
            }
        }
    }

    private void applyUserAgent() {
        Application.setUserAgentStylesheet(theme.get().dark()
                ? new atlantafx.base.theme.PrimerDark().getUserAgentStylesheet()
                : new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        userAgentOf = theme.get();
    }

    private void applyTheme(Parent root) {
        root.getStylesheets().setAll(theme.get().stylesheets());
    }

    private void applyFont(Parent root) {
        root.setStyle("-fx-font-size: " + fontSize.get() + "px;");
    }

    /** Columns were sized in px for the old font size; keep their proportion to the text. */
    private static void rescaleColumns(Parent root, double ratio) {
        for (Node n : root.lookupAll(".table-view")) {
            if (n instanceof TableView<?> t) {
                t.getColumns().forEach(c -> rescale(c, ratio));
            }
        }
        for (Node n : root.lookupAll(".tree-table-view")) {
            if (n instanceof TreeTableView<?> t) {
                t.getColumns().forEach(c -> rescale(c, ratio));
            }
        }
    }

    private static void rescale(TableColumnBase<?, ?> c, double ratio) {
        c.setPrefWidth(c.getWidth() > 0 ? c.getWidth() * ratio : c.getPrefWidth() * ratio);
        c.getColumns().forEach(child -> rescale(child, ratio));
    }
}
