package dev.tpmconsole.model.sql;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Keys asked for with {@code IN} lists: at most {@value #SIZE} a query, bound as text. MariaDB's {@code IN} compares
 * by collation: a caller keeps a row only under its key as stored, never under the key asked for.
 */
public final class InLists {

    /** At most how many keys one query asks for. */
    public static final int SIZE = 500;

    private InLists() {
    }

    /** The keys in the lists one query each asks for, in order. */
    public static <T> List<List<T>> chunks(List<T> keys) {
        List<List<T>> out = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += SIZE) {
            out.add(keys.subList(from, Math.min(keys.size(), from + SIZE)));
        }
        return out;
    }

    /** {@code (?, ?, ...)}, one placeholder per key. */
    public static String placeholders(int keys) {
        return "(" + String.join(", ", Collections.nCopies(keys, "?")) + ")";
    }

    /** Binds the keys to the placeholders from {@code index} on; returns the next free index. */
    public static int bind(PreparedStatement ps, int index, List<String> keys) throws SQLException {
        for (String key : keys) {
            ps.setString(index++, key);
        }
        return index;
    }
}
