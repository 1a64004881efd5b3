package dev.tpmconsole.model.plan;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The fingerprints {@link RowFingerprints#read} makes: an immutable map from {@code table/key} to the row's SHA-256 as
 * 64 lowercase hex digits, in the order the rows were asked for, as a plan's {@code fingerprint} is. It holds the rows
 * and one array of their digests, 32 bytes each; the {@code table/key} and hex texts are made when an entry is read.
 * A map of those texts held two strings and an entry for each row: for a plan of 20,000 rows, 100,000 objects made
 * in the background while the preview window is shown, that each young collection copied, stopping the FX thread
 * (decision 0048).
 */
public final class RowDigests extends AbstractMap<String, String> {

    /** The bytes of a SHA-256 digest. */
    static final int SIZE = 32;

    private final List<Plan.RowRef> rows;
    private final byte[] digests;
    /** Each row's place, made the first time one is looked up (a run does; making a plan does not). */
    private volatile Map<Plan.RowRef, Integer> index;

    /** {@code digests} holds {@link #SIZE} bytes for each row, in the order of {@code rows}, which holds each once. */
    RowDigests(List<Plan.RowRef> rows, byte[] digests) {
        if (digests.length != rows.size() * SIZE) {
            throw new IllegalArgumentException(rows.size() + " rows, " + digests.length + " bytes of digests");
        }
        this.rows = List.copyOf(rows);
        this.digests = digests;
    }

    /** The fingerprint of a row (hex), or null when it has none here. */
    public String get(Plan.RowRef row) {
        Map<Plan.RowRef, Integer> at = index;
        if (at == null) {
            at = new HashMap<>(rows.size() * 4 / 3 + 1);
            for (int i = 0; i < rows.size(); i++) {
                at.put(rows.get(i), i);
            }
            index = at;
        }
        Integer i = at.get(row);
        return i == null ? null : hex(i);
    }

    /** The fingerprint of {@code table/key} (hex), or null. */
    @Override
    public String get(Object id) {
        if (!(id instanceof String s)) {
            return null;
        }
        int slash = s.indexOf('/');
        return slash < 0 ? null : get(new Plan.RowRef(s.substring(0, slash), s.substring(slash + 1)));
    }

    @Override
    public boolean containsKey(Object id) {
        return get(id) != null;
    }

    @Override
    public int size() {
        return rows.size();
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, String>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < rows.size();
                    }

                    @Override
                    public Entry<String, String> next() {
                        if (next >= rows.size()) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(rows.get(i).id(), hex(i));
                    }
                };
            }

            @Override
            public int size() {
                return rows.size();
            }
        };
    }

    private String hex(int i) {
        return HexFormat.of().formatHex(digests, i * SIZE, (i + 1) * SIZE);
    }
}
