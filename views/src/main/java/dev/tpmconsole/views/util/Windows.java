package dev.tpmconsole.views.util;

import java.util.function.Supplier;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Every window of the console opens through here (as Cryptomator's stage factory does): over the main
 * window, with the console's icon, theme and font size, and a first size in em that fits the screen. What
 * all windows share is decided in this one place; the windows differ only in their content and size.
 * FX thread only.
 */
public final class Windows {

    private final Appearance appearance;
    private final Supplier<Window> main;
    /**
     * The console's icon in every size, read on a thread of its own (decoding the eight PNGs took 75-95 ms of CPU)
     * once a window first asks for it (decision 0052); null until then.
     */
    private java.util.concurrent.CompletableFuture<java.util.List<javafx.scene.image.Image>> icons;

    /**
     * @param main the main window, the owner of the others (asked when one opens: it may not be shown yet)
     */
    public Windows(Appearance appearance, Supplier<Window> main) {
        this.appearance = appearance;
        this.main = main;
    }

    public Appearance appearance() {
        return appearance;
    }

    /**
     * A new window over the main one, titled, with the console's icon; its content comes with {@link #show}.
     *
     * @param title the bundle key of its title (which then follows the language), or null for none yet
     */
    public Stage stage(String title) {
        Stage stage = new Stage();
        Window owner = main.get();
        if (owner != null) {
            stage.initOwner(owner);
        }
        if (I18n.isKey(title)) {
            stage.titleProperty().bind(I18n.text(title));
        } else if (title != null) {
            stage.setTitle(title);
        }
        giveIcons(stage);
        return stage;
    }

    /**
     * A themed scene as large as its content (an About box); its window grows or shrinks to its content again when
     * the font size or the language changes.
     */
    public Scene fitted(Parent root) {
        return appearance.styleFitted(new Scene(root));
    }

    /**
     * A themed scene {@code widthEm} wide at the console's font size (within the screen) and as tall as its content
     * at that width (a form whose notes wrap: Preferences), following the font size as {@link #fitted} does.
     */
    public Scene fittedToWidth(javafx.scene.layout.Region root, double widthEm) {
        double screen = Screen.getPrimary().getVisualBounds().getWidth();
        root.prefWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> fit(em(widthEm), screen), appearance.fontSizeProperty()));
        return fitted(root);
    }

    /** A themed scene of {@code widthEm} × {@code heightEm} at the console's font size, fitted to the screen. */
    public Scene scene(Parent root, double widthEm, double heightEm) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        return appearance.style(new Scene(root, fit(em(widthEm), screen.getWidth()), fit(em(heightEm), screen.getHeight())));
    }

    /** A dialog's pane with the console's theme and font size (dialogs have scenes of their own). */
    public DialogPane style(DialogPane pane) {
        return appearance.style(pane);
    }

    /**
     * Gives {@code stage} the console's icon in every size: now when they are read, else as soon as they are (the first
     * window to ask starts reading them).
     */
    public void giveIcons(Stage stage) {
        if (icons == null) {
            // the windows go without an icon rather than not at all
            icons = dev.tpmconsole.model.util.Daemon.start("app-icons", AppIcons::images)
                    .exceptionally(e -> java.util.List.of());
        }
        java.util.List<javafx.scene.image.Image> read = icons.getNow(null);
        if (read != null) {
            stage.getIcons().setAll(read);
        } else {
            icons.thenAccept(images -> javafx.application.Platform.runLater(() -> stage.getIcons().setAll(images)));
        }
    }

    /** {@code em} at the console's font size, in px. */
    public double em(double em) {
        return em * appearance.fontSizeProperty().get();
    }

    /** Shows {@code stage} (again) and brings it forward. */
    public static Stage bringForward(Stage stage) {
        stage.show();
        stage.toFront();
        return stage;
    }

    /** A window's size in px, at most 92 % of the screen's, so that a large font never puts it off screen. */
    public static double fit(double size, double screen) {
        return screen > 0 ? Math.min(size, Math.floor(screen * 0.92)) : size;
    }
}
