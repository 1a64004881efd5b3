package dev.tpmconsole.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The renderer's options the console sets before JavaFX starts, and one given on the command line kept as given. */
class PrismOptionsTest {

    private String before;

    @BeforeEach
    void remember() {
        before = System.getProperty(PrismOptions.REGION_CACHING);
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(PrismOptions.REGION_CACHING);
        } else {
            System.setProperty(PrismOptions.REGION_CACHING, before);
        }
    }

    @Test
    void regionBackgroundsAreDrawnDirectly() {
        System.clearProperty(PrismOptions.REGION_CACHING);
        PrismOptions.apply();
        assertThat(System.getProperty("prism.disableRegionCaching")).isEqualTo("true");
    }

    @Test
    void anOptionGivenOnTheCommandLineIsKept() {
        System.setProperty(PrismOptions.REGION_CACHING, "false");
        PrismOptions.apply();
        assertThat(System.getProperty("prism.disableRegionCaching")).isEqualTo("false");
    }
}
