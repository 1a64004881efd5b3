package dev.tpmconsole.views.prefs;

import java.util.List;
import javafx.geometry.Rectangle2D;

/**
 * Puts a remembered window geometry back on a screen that exists now: a screen may have been unplugged
 * or its resolution lowered since. The window keeps its place when its top edge (where the title bar is
 * grabbed) lies well within a screen; otherwise it is centred on the first screen. It is never larger than
 * the screen it lands on, nor smaller than the minimum.
 */
public final class WindowPlacement {

    /** How much of the top edge must be on a screen (pixels) for the window to stay where it was. */
    static final double GRIP = 80;

    private WindowPlacement() {
    }

    public static WindowGeometry clamp(WindowGeometry g, List<Rectangle2D> screens, double minWidth, double minHeight) {
        if (screens.isEmpty()) {
            return g;
        }
        Rectangle2D home = null;
        for (Rectangle2D s : screens) {
            double visible = Math.min(g.x() + g.width(), s.getMaxX()) - Math.max(g.x(), s.getMinX());
            boolean topInside = g.y() >= s.getMinY() && g.y() < s.getMaxY() - 20;
            if (visible >= Math.min(GRIP, g.width()) && topInside) {
                home = s;
                break;
            }
        }
        boolean stays = home != null;
        Rectangle2D screen = stays ? home : screens.get(0);
        double w = Math.max(minWidth, Math.min(g.width(), screen.getWidth()));
        double h = Math.max(minHeight, Math.min(g.height(), screen.getHeight()));
        double x;
        double y;
        if (stays) {
            x = Math.min(Math.max(g.x(), screen.getMinX()), screen.getMaxX() - w);
            y = Math.min(Math.max(g.y(), screen.getMinY()), screen.getMaxY() - h);
            x = Math.max(x, screen.getMinX());
            y = Math.max(y, screen.getMinY());
        } else {
            x = screen.getMinX() + (screen.getWidth() - w) / 2;
            y = screen.getMinY() + (screen.getHeight() - h) / 2;
        }
        return new WindowGeometry(x, y, w, h, g.maximized());
    }
}
