package dev.tpmconsole.views.util;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;

/**
 * The console's icon, rendered from one SVG (styles/icon) at several sizes, so that the window manager and
 * the About box pick a bitmap that is sharp at 100 %, 150 % and 200 %.
 */
public final class AppIcons {

    /** The sizes shipped, in px. */
    public static final int[] SIZES = {16, 24, 32, 48, 64, 128, 256, 512};

    private static final String PATH = "/dev/tpmconsole/styles/icons/tpm-console-%d.png";

    private AppIcons() {
    }

    /** Every size, smallest first, for {@code Stage.getIcons()}; on any thread once JavaFX has started. */
    public static List<Image> images() {
        List<Image> out = new ArrayList<>();
        for (int size : SIZES) {
            try (InputStream in = AppIcons.class.getResourceAsStream(String.format(PATH, size))) {
                if (in != null) {
                    out.add(new Image(in));
                }
            } catch (java.io.IOException e) {
                // a missing size is not worth failing the window for; the others remain
            }
        }
        return out;
    }

    /**
     * The icon as a node {@code em} font sizes wide, drawn from the 512 px bitmap scaled down smoothly, so
     * that it stays sharp at any output scale.
     */
    public static ImageView view(double em) {
        ImageView view = new ImageView(new Image(String.valueOf(AppIcons.class.getResource(String.format(PATH, 512)))));
        view.setId("appIcon");
        view.setPreserveRatio(true);
        view.setSmooth(true);
        view.setFitWidth(Em.of(em));
        return view;
    }
}
