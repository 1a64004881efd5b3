package dev.tpmconsole.model.browse;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The VMs of a snapshot in the VM list's default order (by name, then uuid), in memory, for the filter box: a
 * snapshot's {@code VmInstanceEO} has no index on the name (the snapshot holds exactly ZStack's indexes), so each
 * keystroke would otherwise scan the whole table twice (the page and the count). Read once per snapshot, it answers
 * the page and the count of a filter by name or uuid prefix, VM state and dirty rows with exactly what the SQL of
 * {@link BrowseQueries} answers: SQLite's {@code LIKE 'text%'} (ASCII letters match either case, every other
 * character only itself), its BINARY order (code points, NULL first), the range and LIKE of a uuid prefix.
 *
 * <p>Only for SQLite snapshots in UTF-8 whose names and uuids are text ({@link #read} returns null otherwise): a live
 * database changes underneath and its collation is not SQLite's. Immutable, so thread-safe.
 */
final class VmNameIndex {

    /** In the list's order: name ascending (NULL first), then uuid ascending. */
    private final String[] uuids;
    private final String[] names;
    private final String[] states;
    private final boolean[] deleted;

    private VmNameIndex(String[] uuids, String[] names, String[] states, boolean[] deleted) {
        this.uuids = uuids;
        this.names = names;
        this.states = states;
        this.deleted = deleted;
    }

    /** Reads the VMs of the snapshot {@code c} reads, or null when their order cannot be SQLite's in Java. */
    static VmNameIndex read(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("PRAGMA encoding")) {
                if (!rs.next() || !"UTF-8".equalsIgnoreCase(rs.getString(1))) {
                    return null; // UTF-16's BINARY order is not the code points'
                }
            }
            record Row(String uuid, String name, String state, boolean deleted) {
            }
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT v.uuid, v.name, v.state, v.deleted IS NOT NULL,"
                    + " typeof(v.name) IN ('text', 'null') AND typeof(v.uuid) = 'text' FROM VmInstanceEO v")) {
                while (rs.next()) {
                    if (!rs.getBoolean(5)) {
                        return null; // a number or a blob sorts apart from the text
                    }
                    String state = rs.getString(3);
                    rows.add(new Row(rs.getString(1), rs.getString(2), state == null ? null : state.intern(),
                            rs.getBoolean(4)));
                }
            }
            Comparator<Row> byName = (a, b) -> compare(a.name(), b.name());
            rows.sort(byName.thenComparing((a, b) -> compare(a.uuid(), b.uuid())));
            int n = rows.size();
            String[] uuids = new String[n];
            String[] names = new String[n];
            String[] states = new String[n];
            boolean[] deleted = new boolean[n];
            for (int i = 0; i < n; i++) {
                Row r = rows.get(i);
                uuids[i] = r.uuid();
                names[i] = r.name();
                states[i] = r.state();
                deleted[i] = r.deleted();
            }
            return new VmNameIndex(uuids, names, states, deleted);
        }
    }

    /** How many VMs it holds. */
    int size() {
        return uuids.length;
    }

    /**
     * The uuids of the VMs {@code f} lets through, in the list's order by name ({@code descending}: names from the
     * last, each name's VMs still by uuid ascending, as {@code ORDER BY name DESC, uuid ASC}). {@code dirty} is the
     * set of VMs with dirty rows when the filter asks for them.
     */
    List<String> matching(VmFilter f, boolean descending, Set<String> dirty) {
        // as the driver hands it to SQLite: in UTF-8, where half a surrogate pair is a '?'
        String text = new String(f.text().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        String hex = text.isEmpty() ? null : BrowseSql.uuidPrefix(text);
        List<String> chosenStates = f.states().stream().filter(s -> !s.equals(VmFilter.SOFT_DELETED)).toList();
        boolean softDeleted = f.states().contains(VmFilter.SOFT_DELETED);
        int[] hits = new int[uuids.length];
        int n = 0;
        for (int i = 0; i < uuids.length; i++) {
            if (!text.isEmpty() && !likePrefix(names[i], text) && (hex == null || !uuidInRange(uuids[i], hex))) {
                continue;
            }
            if (!f.states().isEmpty() && !(softDeleted && deleted[i]) && !chosenStates.contains(states[i])) {
                continue;
            }
            if (f.dirtyOnly() && !dirty.contains(uuids[i])) {
                continue;
            }
            hits[n++] = i;
        }
        List<String> out = new ArrayList<>(n);
        if (!descending) {
            for (int k = 0; k < n; k++) {
                out.add(uuids[hits[k]]);
            }
            return out;
        }
        // runs of the same name from the last, each run in its own (uuid ascending) order
        int end = n;
        while (end > 0) {
            int start = end - 1;
            while (start > 0 && equal(names[hits[start - 1]], names[hits[end - 1]])) {
                start--;
            }
            for (int k = start; k < end; k++) {
                out.add(uuids[hits[k]]);
            }
            end = start;
        }
        return out;
    }

    /**
     * The SQL's uuid condition ({@code uuid >= hex AND uuid < hex || 'g' AND uuid LIKE hex || '%'}): starts with the
     * lowercase prefix and goes on with nothing or a character before {@code g} (ZStack's uuids all do).
     */
    static boolean uuidInRange(String uuid, String hex) {
        return uuid.startsWith(hex) && (uuid.length() == hex.length() || uuid.codePointAt(hex.length()) < 'g');
    }

    /** SQLite's {@code value LIKE 'prefix%'}: ASCII letters in either case, other characters only themselves. */
    static boolean likePrefix(String value, String prefix) {
        if (value == null || value.length() < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            char a = value.charAt(i);
            char b = prefix.charAt(i);
            if (a != b && (a >= 128 || b >= 128 || Character.toLowerCase(a) != Character.toLowerCase(b))) {
                return false;
            }
        }
        return true;
    }

    /** SQLite's BINARY order of UTF-8 text (that of the code points), NULL first. */
    static int compare(String a, String b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static boolean equal(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }
}
