package dev.tpmconsole.views.prefs;

/** Where preferences are kept; the app stores them as JSON in the user's config folder. */
public interface PreferencesStore {

    /** The stored preferences, or the defaults when there are none or they cannot be read. Never throws. */
    UiPreferences load();

    /**
     * Why the last {@link #load} fell back to the defaults although there were stored preferences (the file
     * was damaged or could not be read), for a notice to the person; null when it did not.
     */
    default String loadProblem() {
        return null;
    }

    /** Stores them; a failure is reported to the caller, who may ignore it (preferences are a convenience). */
    void save(UiPreferences preferences) throws java.io.IOException;

    /** A store that keeps preferences in memory only (tests, and a console started without a config folder). */
    static PreferencesStore inMemory() {
        return new PreferencesStore() {
            private UiPreferences kept = UiPreferences.defaults();

            @Override
            public synchronized UiPreferences load() {
                return kept;
            }

            @Override
            public synchronized void save(UiPreferences preferences) {
                kept = preferences;
            }
        };
    }
}
