package dev.tpmconsole.views.prefs;

/** Where the main window was and how large, in screen coordinates. */
public record WindowGeometry(double x, double y, double width, double height, boolean maximized) {
}
