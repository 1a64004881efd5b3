package dev.tpmconsole.model.browse;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.RandomAccess;
import java.util.Set;

/**
 * The VMs of a snapshot in the VM list's default order (by name, then uuid), in memory, for the filter box: a
 * snapshot's {@code VmInstanceEO} has no index on the name (the snapshot holds exactly ZStack's indexes), so each
 * keystroke would otherwise scan the whole table twice (the page and the count). Read once per snapshot, it answers
 * the page and the count of a filter by name or uuid prefix, VM state and dirty rows with exactly what the SQL of
 * {@link BrowseQueries} answers: SQLite's {@code LIKE 'text%'} (ASCII letters match either case, every other
 * character only itself), its BINARY order (the bytes of the UTF-8 text, NULL first), the range and LIKE of a uuid
 * prefix.
 *
 * <p>The names and uuids are kept as SQLite holds them, UTF-8 bytes, in two arrays each (the bytes of all, and where
 * each starts): SQLite's order and LIKE work on those bytes, and a few large arrays cost the collector nothing to
 * keep, where 200,000 strings and their row objects were copied by the young collections that came while a newly
 * opened snapshot filled the list (58 MB made and 13 MB kept for 100,000 VMs). A uuid becomes a string only when
 * a page asks for it.
 *
 * <p>Only for SQLite snapshots in UTF-8 whose names and uuids are text ({@link #read} returns null otherwise): a live
 * database changes underneath and its collation is not SQLite's. Immutable, so thread-safe.
 */
final class VmNameIndex {

    /** The bytes of a ZStack UUID (32 hex digits), and those the arrays allow a name before they grow. */
    private static final int UUID_BYTES = 32;
    private static final int NAME_BYTES = 24;

    /** In the list's order: name ascending (NULL first), then uuid ascending. */
    private final Texts uuids;
    private final Texts names;
    private final String[] states;
    private final boolean[] deleted;

    private VmNameIndex(Texts uuids, Texts names, String[] states, boolean[] deleted) {
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
                    return null; // the bytes of UTF-16 text are not in the order of its code points
                }
            }
            // sized for the rows the scan then reads: the arrays are not copied as they fill (the VM list's
            // first fill and this read share the young generation; decision 0051)
            int expected;
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM VmInstanceEO")) {
                expected = rs.next() ? Math.max(0, rs.getInt(1)) : 0;
            }
            Texts uuids = new Texts(expected, bytes(expected, UUID_BYTES));
            Texts names = new Texts(expected, bytes(expected, NAME_BYTES));
            States distinct = new States();
            String[] states = new String[Math.max(16, expected)];
            boolean[] deleted = new boolean[states.length];
            int n = 0;
            // a text column's value as bytes: the UTF-8 SQLite holds, unchanged; the two flags in one number
            try (ResultSet rs = st.executeQuery("SELECT v.uuid, v.name, v.state, (v.deleted IS NOT NULL)"
                    + " + 2 * (typeof(v.name) IN ('text', 'null') AND typeof(v.uuid) = 'text'"
                    + " AND typeof(v.state) IN ('text', 'null')) FROM VmInstanceEO v")) {
                while (rs.next()) {
                    int flags = rs.getInt(4);
                    if ((flags & 2) == 0) {
                        return null; // a number or a blob sorts apart from the text, and a blob is no state's text
                    }
                    if (n == states.length) {
                        states = Arrays.copyOf(states, n * 2);
                        deleted = Arrays.copyOf(deleted, n * 2);
                    }
                    uuids.add(rs.getBytes(1));
                    names.add(rs.getBytes(2));
                    states[n] = distinct.of(rs.getBytes(3));
                    deleted[n] = (flags & 1) != 0;
                    n++;
                }
            }
            Integer[] order = new Integer[n];
            Arrays.setAll(order, i -> i);
            Arrays.sort(order, (a, b) -> {
                int byName = names.compare(a, b);
                return byName != 0 ? byName : uuids.compare(a, b);
            });
            int[] at = new int[n];
            String[] sortedStates = new String[n];
            boolean[] sortedDeleted = new boolean[n];
            for (int k = 0; k < n; k++) {
                at[k] = order[k];
                sortedStates[k] = states[at[k]];
                sortedDeleted[k] = deleted[at[k]];
            }
            return new VmNameIndex(uuids.inOrder(at), names.inOrder(at), sortedStates, sortedDeleted);
        }
    }

    /** How many VMs it holds. */
    int size() {
        return states.length;
    }

    /**
     * The VMs {@code f} lets through, in the list's order, looked for among {@code within} (the VMs of a filter that
     * {@link #narrows} to {@code f}: they hold all of {@code f}'s) or, when null, among all. {@code dirty} is the set
     * of VMs with dirty rows when the filter asks for them.
     */
    Hits hits(VmFilter f, Set<String> dirty, Hits within) {
        // as the driver hands it to SQLite: in UTF-8, where half a surrogate pair is a '?'
        byte[] text = f.text().getBytes(StandardCharsets.UTF_8);
        byte[] hex = hexPrefix(text);
        List<String> chosenStates = f.states().stream().filter(s -> !s.equals(VmFilter.SOFT_DELETED)).toList();
        boolean softDeleted = f.states().contains(VmFilter.SOFT_DELETED);
        Set<ByteBuffer> dirtyKeys = null;
        if (f.dirtyOnly()) {
            dirtyKeys = new HashSet<>();
            for (String uuid : dirty) {
                dirtyKeys.add(ByteBuffer.wrap(uuid.getBytes(StandardCharsets.UTF_8)));
            }
        }
        int size = within == null ? size() : within.size;
        int[] out = new int[size];
        int n = 0;
        for (int k = 0; k < size; k++) {
            int i = within == null || within.at == null ? k : within.at[k];
            if (text.length > 0 && !names.likePrefix(i, text) && (hex == null || !uuids.inUuidRange(i, hex))) {
                continue;
            }
            if (!f.states().isEmpty() && !(softDeleted && deleted[i]) && !chosenStates.contains(states[i])) {
                continue;
            }
            if (dirtyKeys != null && !dirtyKeys.contains(uuids.key(i))) {
                continue;
            }
            out[n++] = i;
        }
        // kept while a person types on (a few of them): every VM is no array at all, the others only their own
        return new Hits(n == size() ? null : n == out.length ? out : Arrays.copyOf(out, n), n, text, hex != null);
    }

    /**
     * Whether every VM {@code to} lets through is one {@code from} lets through, as the text grows while a person
     * types: the same states, host and dirty rows, and a text that goes on from {@code from}'s (its UTF-8, as the
     * driver hands it on), which names a uuid prefix only if {@code from}'s did (a name matching the longer text
     * matches the shorter, and a uuid in the longer hex prefix's range is in the shorter's).
     */
    static boolean narrows(VmFilter from, Hits fromHits, VmFilter to) {
        if (!from.states().equals(to.states()) || !from.host().equals(to.host())
                || from.dirtyOnly() != to.dirtyOnly()) {
            return false;
        }
        byte[] text = to.text().getBytes(StandardCharsets.UTF_8);
        byte[] shorter = fromHits.text;
        if (text.length < shorter.length || !Arrays.equals(text, 0, shorter.length, shorter, 0, shorter.length)) {
            return false;
        }
        return fromHits.hex || hexPrefix(text) == null;
    }

    /** The uuid prefix a filter's text (its UTF-8) also names, as UTF-8; null when it names none. */
    private static byte[] hexPrefix(byte[] text) {
        String hex = text.length == 0 ? null : BrowseSql.uuidPrefix(new String(text, StandardCharsets.UTF_8));
        return hex == null ? null : hex.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The uuids of {@code hits}, in the list's order by name ({@code descending}: names from the last, each name's VMs
     * still by uuid ascending, as {@code ORDER BY name DESC, uuid ASC}).
     */
    List<String> uuids(Hits hits, boolean descending) {
        if (!descending) {
            return new Uuids(hits.at, hits.size);
        }
        // runs of the same name from the last, each run in its own (uuid ascending) order
        int n = hits.size;
        int[] at = hits.at != null ? hits.at : identity(n);
        int[] out = new int[n];
        int k = 0;
        int end = n;
        while (end > 0) {
            int start = end - 1;
            while (start > 0 && names.equal(at[start - 1], at[end - 1])) {
                start--;
            }
            for (int j = start; j < end; j++) {
                out[k++] = at[j];
            }
            end = start;
        }
        return new Uuids(out, n);
    }

    private static int[] identity(int size) {
        int[] at = new int[size];
        Arrays.setAll(at, k -> k);
        return at;
    }

    /**
     * The VMs a filter let through, in the list's ascending order (their places in the index), with the text it was
     * given as UTF-8 and whether that text was a uuid prefix too.
     */
    static final class Hits {
        /** Where each is in the index; null when they are all of it. */
        private final int[] at;
        private final int size;
        private final byte[] text;
        private final boolean hex;

        private Hits(int[] at, int size, byte[] text, boolean hex) {
            this.at = at;
            this.size = size;
            this.text = text;
            this.hex = hex;
        }

        int size() {
            return size;
        }
    }

    /** The uuids of some VMs, made into strings when asked for (a page's worth at a time). */
    private final class Uuids extends AbstractList<String> implements RandomAccess {
        /** Their places in the index; null: the first {@code size} places. */
        private final int[] at;
        private final int size;

        Uuids(int[] at, int size) {
            this.at = at;
            this.size = size;
        }

        @Override
        public String get(int k) {
            if (k < 0 || k >= size) {
                throw new IndexOutOfBoundsException(k);
            }
            return uuids.string(at == null ? k : at[k]);
        }

        @Override
        public int size() {
            return size;
        }
    }

    /**
     * SQLite's {@code value LIKE 'prefix%'} on UTF-8 bytes: ASCII letters in either case, every other byte only
     * itself (the bytes of one character other than an ASCII letter are equal when the character is).
     */
    static boolean likePrefix(byte[] value, int from, int to, byte[] prefix) {
        if (to - from < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            byte a = value[from + i];
            byte b = prefix[i];
            if (a != b && lower(a) != lower(b)) {
                return false;
            }
        }
        return true;
    }

    private static int lower(byte b) {
        return b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b;
    }

    /**
     * The SQL's uuid condition ({@code uuid >= hex AND uuid < hex || 'g' AND uuid LIKE hex || '%'}): starts with the
     * lowercase prefix and goes on with nothing or a character before {@code g} (ZStack's uuids all do).
     */
    static boolean uuidInRange(byte[] uuid, int from, int to, byte[] hex) {
        return to - from >= hex.length && Arrays.equals(uuid, from, from + hex.length, hex, 0, hex.length)
                && (to - from == hex.length || (uuid[from + hex.length] & 0xff) < 'g');
    }

    /** {@code count} texts of {@code each} bytes, in bytes (at most what an array holds). */
    private static int bytes(int count, int each) {
        return (int) Math.min(Integer.MAX_VALUE - 16, (long) count * each);
    }

    /**
     * The states read so far, each kept once: a state's bytes are compared with those met before (ZStack has a dozen
     * states), where a string a row cost a buffer, a byte array and the string (14 of the 57 MB this read made for
     * 100,000 VMs). Past {@link #KEPT} of them each becomes a string again, interned.
     */
    private static final class States {
        private static final int KEPT = 32;
        private final byte[][] bytes = new byte[KEPT][];
        private final String[] strings = new String[KEPT];
        private int count;

        String of(byte[] value) {
            if (value == null) {
                return null;
            }
            for (int i = 0; i < count; i++) {
                if (Arrays.equals(bytes[i], value)) {
                    return strings[i];
                }
            }
            String s = new String(value, StandardCharsets.UTF_8).intern();
            if (count < KEPT) {
                bytes[count] = value;
                strings[count++] = s;
            }
            return s;
        }
    }

    /**
     * Texts (or NULLs) one after the other: the bytes of all of them in one array, where each starts in another.
     * Grows while read, then is put in order once.
     */
    static final class Texts {
        private byte[] bytes;
        /** Text {@code i} is {@code bytes[at[i]] .. bytes[at[i + 1] - 1]}. */
        private int[] at;
        private final BitSet nulls;
        private int count;

        /** For about {@code count} texts of {@code bytes} bytes in all (it grows past them). */
        Texts(int count, int bytes) {
            this(new byte[Math.max(1 << 10, bytes)], new int[Math.max(16, count) + 1], new BitSet(), 0);
        }

        private Texts(byte[] bytes, int[] at, BitSet nulls, int count) {
            this.bytes = bytes;
            this.at = at;
            this.nulls = nulls;
            this.count = count;
        }

        void add(byte[] value) {
            if (count + 1 == at.length) {
                at = Arrays.copyOf(at, at.length + (at.length >> 1));
            }
            int end = at[count];
            if (value == null) {
                nulls.set(count);
            } else {
                if (end + value.length > bytes.length) {
                    bytes = Arrays.copyOf(bytes, Math.max(bytes.length + (bytes.length >> 1), end + value.length));
                }
                System.arraycopy(value, 0, bytes, end, value.length);
                end += value.length;
            }
            at[++count] = end;
        }

        /** The same texts, the {@code k}th being this one's {@code order[k]}th. */
        Texts inOrder(int[] order) {
            byte[] b = new byte[at[count]];
            int[] a = new int[count + 1];
            BitSet n = new BitSet();
            for (int k = 0; k < order.length; k++) {
                int i = order[k];
                int length = at[i + 1] - at[i];
                System.arraycopy(bytes, at[i], b, a[k], length);
                a[k + 1] = a[k] + length;
                if (nulls.get(i)) {
                    n.set(k);
                }
            }
            return new Texts(b, a, n, order.length);
        }

        /** SQLite's BINARY order (that of the bytes, unsigned), NULL first. */
        int compare(int i, int j) {
            boolean ni = nulls.get(i);
            boolean nj = nulls.get(j);
            if (ni || nj) {
                return ni == nj ? 0 : ni ? -1 : 1;
            }
            return Arrays.compareUnsigned(bytes, at[i], at[i + 1], bytes, at[j], at[j + 1]);
        }

        boolean equal(int i, int j) {
            return compare(i, j) == 0;
        }

        boolean likePrefix(int i, byte[] prefix) {
            return !nulls.get(i) && VmNameIndex.likePrefix(bytes, at[i], at[i + 1], prefix);
        }

        boolean inUuidRange(int i, byte[] hex) {
            return !nulls.get(i) && uuidInRange(bytes, at[i], at[i + 1], hex);
        }

        /** Text {@code i}'s bytes, as a key of a set of bytes (not copied). */
        ByteBuffer key(int i) {
            return ByteBuffer.wrap(bytes, at[i], at[i + 1] - at[i]);
        }

        String string(int i) {
            return nulls.get(i) ? null : new String(bytes, at[i], at[i + 1] - at[i], StandardCharsets.UTF_8);
        }
    }
}
