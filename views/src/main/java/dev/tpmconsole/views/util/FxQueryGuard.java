package dev.tpmconsole.views.util;

import dev.tpmconsole.model.source.QueryGuard;
import javafx.application.Platform;

/** The guard the views put on every source: no database work on the JavaFX application thread. */
public final class FxQueryGuard {

    private FxQueryGuard() {
    }

    public static QueryGuard create(QueryGuard.Mode mode) {
        return new QueryGuard(Platform::isFxApplicationThread, "the JavaFX application thread", mode);
    }
}
