package dev.tpmconsole.views.prefs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the console remembers between runs: the window's geometry, the theme and font size, the recent
 * snapshots and live databases (never a password), the layout of every table, which confirmations to ask and the
 * language of the windows. Immutable; {@code with...} returns a changed copy. Unknown or missing parts read
 * as their defaults, so that an older or newer file still loads.
 *
 * @param window  the main window's geometry, null until the window was closed once
 * @param theme   the name of a {@link dev.tpmconsole.styles.Theme}, null for the default
 * @param recent  the most recently opened snapshots, newest first
 * @param tables  per table id, its column layout and sort
 * @param vmSplit the divider position between the VM list and its details (0..1), or null
 * @param recentDatabases the live databases opened most recently, newest first (URL and user, no password)
 * @param fontSize the root font size in px, from which every size follows; null for the default (14)
 * @param confirmations which questions are asked before acting; null for all of them
 * @param language the windows' language as {@link dev.tpmconsole.model.i18n.Language#tag()} writes it ("en",
 *                 "zh_CN"); null for the desktop's
 */
public record UiPreferences(WindowGeometry window, String theme, List<String> recent, Map<String, TableLayout> tables,
                            Double vmSplit, List<RecentDatabase> recentDatabases, Integer fontSize,
                            Confirmations confirmations, String language) {

    /** How many recent snapshots are kept. */
    public static final int MAX_RECENT = 8;

    public UiPreferences {
        recent = recent == null ? List.of() : List.copyOf(recent.stream().filter(r -> r != null && !r.isBlank()).toList());
        tables = tables == null ? Map.of() : Map.copyOf(tables);
        recentDatabases = recentDatabases == null ? List.of()
                : List.copyOf(recentDatabases.stream().filter(d -> d != null && d.url() != null && !d.url().isBlank())
                        .limit(MAX_RECENT).toList());
        confirmations = confirmations == null ? Confirmations.all() : confirmations;
        language = language == null || language.isBlank() ? null : language;
    }

    /** Preferences in the desktop's language. */
    public UiPreferences(WindowGeometry window, String theme, List<String> recent, Map<String, TableLayout> tables,
                         Double vmSplit, List<RecentDatabase> recentDatabases, Integer fontSize,
                         Confirmations confirmations) {
        this(window, theme, recent, tables, vmSplit, recentDatabases, fontSize, confirmations, null);
    }

    /** The language chosen, or null for the desktop's (as also for a tag this console does not know). */
    public dev.tpmconsole.model.i18n.Language chosenLanguage() {
        try {
            return language == null ? null : dev.tpmconsole.model.i18n.Language.of(language);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    public UiPreferences withLanguage(String tag) {
        return new UiPreferences(window, theme, recent, tables, vmSplit, recentDatabases, fontSize, confirmations, tag);
    }

    /** Preferences with the default font size and every confirmation. */
    public UiPreferences(WindowGeometry window, String theme, List<String> recent, Map<String, TableLayout> tables,
                         Double vmSplit, List<RecentDatabase> recentDatabases) {
        this(window, theme, recent, tables, vmSplit, recentDatabases, null, null);
    }

    /** Preferences without remembered live databases. */
    public UiPreferences(WindowGeometry window, String theme, List<String> recent, Map<String, TableLayout> tables,
                         Double vmSplit) {
        this(window, theme, recent, tables, vmSplit, List.of());
    }

    public static UiPreferences defaults() {
        return new UiPreferences(null, null, List.of(), Map.of(), null, List.of());
    }

    public UiPreferences withFontSize(Integer px) {
        return new UiPreferences(window, theme, recent, tables, vmSplit, recentDatabases, px, confirmations, language);
    }

    public UiPreferences withConfirmations(Confirmations c) {
        return new UiPreferences(window, theme, recent, tables, vmSplit, recentDatabases, fontSize, c, language);
    }

    public UiPreferences withRecentDatabases(List<RecentDatabase> d) {
        return new UiPreferences(window, theme, recent, tables, vmSplit, d, fontSize, confirmations, language);
    }

    public UiPreferences withWindow(WindowGeometry w) {
        return new UiPreferences(w, theme, recent, tables, vmSplit, recentDatabases, fontSize, confirmations, language);
    }

    public UiPreferences withTheme(String t) {
        return new UiPreferences(window, t, recent, tables, vmSplit, recentDatabases, fontSize, confirmations, language);
    }

    public UiPreferences withRecent(List<String> r) {
        return new UiPreferences(window, theme, r.subList(0, Math.min(r.size(), MAX_RECENT)), tables, vmSplit,
                recentDatabases, fontSize, confirmations, language);
    }

    public UiPreferences withTables(Map<String, TableLayout> t) {
        Map<String, TableLayout> merged = new LinkedHashMap<>(tables);
        merged.putAll(t);
        return new UiPreferences(window, theme, recent, merged, vmSplit, recentDatabases, fontSize, confirmations, language);
    }

    public UiPreferences withVmSplit(Double s) {
        return new UiPreferences(window, theme, recent, tables, s, recentDatabases, fontSize, confirmations, language);
    }

    /** {@code path} first, then the others it was not. */
    public static List<String> pushRecent(List<String> recent, String path) {
        List<String> out = new ArrayList<>();
        out.add(path);
        recent.stream().filter(r -> !r.equals(path)).forEach(out::add);
        return out.subList(0, Math.min(out.size(), MAX_RECENT));
    }
}
