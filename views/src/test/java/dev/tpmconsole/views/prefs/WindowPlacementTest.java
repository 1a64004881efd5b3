package dev.tpmconsole.views.prefs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

class WindowPlacementTest {

    static final Rectangle2D LAPTOP = new Rectangle2D(0, 0, 1920, 1080);
    static final Rectangle2D RIGHT = new Rectangle2D(1920, 0, 2560, 1440);

    @Test
    void aWindowOnAScreenStaysWhereItWas() {
        WindowGeometry g = new WindowGeometry(2200, 100, 1400, 900, false);
        assertThat(WindowPlacement.clamp(g, List.of(LAPTOP, RIGHT), 640, 400)).isEqualTo(g);
    }

    @Test
    void aWindowOnAScreenThatIsGoneIsCentredOnTheFirstAndShrunkToFit() {
        WindowGeometry g = new WindowGeometry(2200, 100, 2400, 1300, true);
        WindowGeometry placed = WindowPlacement.clamp(g, List.of(LAPTOP), 640, 400);
        assertThat(placed).isEqualTo(new WindowGeometry(0, 0, 1920, 1080, true));
        WindowGeometry small = WindowPlacement.clamp(new WindowGeometry(5000, 5000, 800, 600, false), List.of(LAPTOP), 640, 400);
        assertThat(small).isEqualTo(new WindowGeometry(560, 240, 800, 600, false));
    }

    @Test
    void aWindowHangingOverTheEdgeIsPulledBackWithItsTitleBarReachable() {
        assertThat(WindowPlacement.clamp(new WindowGeometry(-300, -50, 1000, 700, false), List.of(LAPTOP), 640, 400))
                .as("title bar above the screen: centred").isEqualTo(new WindowGeometry(460, 190, 1000, 700, false));
        assertThat(WindowPlacement.clamp(new WindowGeometry(1500, 500, 1000, 700, false), List.of(LAPTOP), 640, 400))
                .isEqualTo(new WindowGeometry(920, 380, 1000, 700, false));
        assertThat(WindowPlacement.clamp(new WindowGeometry(-300, 10, 1000, 700, false), List.of(LAPTOP), 640, 400))
                .isEqualTo(new WindowGeometry(0, 10, 1000, 700, false));
        assertThat(WindowPlacement.clamp(new WindowGeometry(100, -50, 1000, 700, false), List.of(LAPTOP), 640, 400))
                .as("title bar above the screen: centred").isEqualTo(new WindowGeometry(460, 190, 1000, 700, false));
    }

    @Test
    void neverSmallerThanTheMinimum() {
        assertThat(WindowPlacement.clamp(new WindowGeometry(10, 10, 100, 50, false), List.of(LAPTOP), 640, 400))
                .isEqualTo(new WindowGeometry(10, 10, 640, 400, false));
    }
}
