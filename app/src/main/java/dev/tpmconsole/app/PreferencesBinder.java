package dev.tpmconsole.app;

import dev.tpmconsole.views.prefs.PreferencesStore;
import dev.tpmconsole.views.prefs.UiPreferences;
import java.io.IOException;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The console's preferences, read from their store once, kept in memory, and written back whenever a part of
 * them changes: each change is applied to what is in memory (never to the file read again), so that changes
 * of different parts (the recent snapshots, the theme, the window on closing) never undo each other and the
 * file is not read on every change. A failed write is reported, and the next change writes everything again.
 * FX thread only.
 */
final class PreferencesBinder {

    private final PreferencesStore store;
    private final Consumer<IOException> failed;
    private UiPreferences current;

    /**
     * @param failed told when the preferences cannot be written (they are a convenience: the console goes on)
     */
    PreferencesBinder(PreferencesStore store, Consumer<IOException> failed) {
        this.store = store;
        this.failed = failed;
        this.current = store.load();
    }

    /** The preferences as they are now. */
    UiPreferences current() {
        return current;
    }

    /** Why loading fell back to the defaults (a damaged file, set aside), or null. */
    String loadProblem() {
        return store.loadProblem();
    }

    /** Changes a part of the preferences and writes them all. */
    void update(UnaryOperator<UiPreferences> change) {
        current = change.apply(current);
        try {
            store.save(current);
        } catch (IOException e) {
            failed.accept(e);
        }
    }
}
