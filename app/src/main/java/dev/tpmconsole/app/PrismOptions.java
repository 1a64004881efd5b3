package dev.tpmconsole.app;

/**
 * How JavaFX's renderer (Prism) draws the console, set before JavaFX starts (it reads them once, when its pipeline
 * is made). An option given on the command line ({@code -Dprism...=...}, {@code JAVA_TOOL_OPTIONS}) is kept as given.
 * Decision 0043.
 */
public final class PrismOptions {

    /**
     * Prism's cache of region backgrounds: a region with more than one background fill (the theme's border-and-fill
     * boxes: text fields, tables, tabs, buttons) is drawn once into a small image, which every frame then stretches
     * over the region in nine slices. In software (Xvfb, a virtual machine, {@code ssh -X}: no OpenGL), stretching an
     * image costs far more than filling the rectangles it was drawn from, and it was most of the render thread's work.
     */
    static final String REGION_CACHING = "prism.disableRegionCaching";

    private PrismOptions() {
    }

    /**
     * Starts JavaFX as the console does, with its options ({@link #apply}) and, where the JVM allows it, the young
     * collection while the window is idle ({@link IdleCollection}), then runs {@code first} on the FX thread
     * ({@link javafx.application.Platform#startup}). The window, and every benchmark and tool that shows it, start here.
     */
    public static void startJavaFx(Runnable first) {
        apply();
        IdleCollection.startIfAvailable();
        javafx.application.Platform.startup(first);
    }

    /** Sets the console's options that are not set already; call before JavaFX starts. */
    static void apply() {
        if (System.getProperty(REGION_CACHING) == null) {
            System.setProperty(REGION_CACHING, "true");
        }
    }
}
