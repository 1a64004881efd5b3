package dev.tpmconsole.model.browse;

import dev.tpmconsole.model.schema.SchemaLayout;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A statement being built: SQL text and its parameters, bound in order. Only portable SQL goes in here
 * (it runs on SQLite and MariaDB); the few dialect traps are avoided in one place each: LIKE escapes with
 * {@code '!'} (a backslash means different things to the two), and uuid prefixes use a range, which both
 * engines answer from the primary key.
 */
final class BrowseSql {

    private static final Pattern HEX = Pattern.compile("[0-9a-f]{1,32}");

    private final StringBuilder sql = new StringBuilder();
    private final List<Object> params = new ArrayList<>();

    BrowseSql(String start, Object... values) {
        sql.append(start);
        Collections.addAll(params, values);
    }

    BrowseSql sql(String text) {
        sql.append(text);
        return this;
    }

    BrowseSql sql(String text, Object... values) {
        sql.append(text);
        Collections.addAll(params, values);
        return this;
    }

    /** Appends {@code (?, ?, ...)} for the values (at least one). */
    BrowseSql in(Collection<?> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("an IN list needs at least one value");
        }
        sql.append('(');
        int i = 0;
        for (Object v : values) {
            sql.append(i++ == 0 ? "?" : ", ?");
            params.add(v);
        }
        sql.append(')');
        return this;
    }

    String text() {
        return sql.toString();
    }

    List<Object> params() {
        return Collections.unmodifiableList(params);
    }

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    <T> List<T> list(Connection c, RowMapper<T> mapper) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
            }
            return out;
        }
    }

    long count(Connection c) throws SQLException {
        List<Long> r = list(c, rs -> rs.getLong(1));
        return r.isEmpty() ? 0 : r.get(0);
    }

    /** A LIKE pattern for "starts with {@code prefix}", escaped with {@code '!'}; use with {@code ESCAPE '!'}. */
    static String startsWith(String prefix) {
        return prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    /** The lowercase hex uuid prefix in what a person typed (hyphens dropped), or null when it cannot be one. */
    static String uuidPrefix(String typed) {
        String hex = typed.replace("-", "").toLowerCase(Locale.ROOT);
        return HEX.matcher(hex).matches() ? hex : null;
    }

    /**
     * Appends the condition "{@code column} starts with the uuid prefix": a range the primary key answers,
     * then the exact LIKE (ZStack's uuids are lowercase hex, so the range holds just those).
     */
    BrowseSql uuidStartsWith(String column, String hexPrefix) {
        return sql("(" + column + " >= ? AND " + column + " < ? AND " + column + " LIKE ? ESCAPE '!')",
                hexPrefix, hexPrefix + "g", startsWith(hexPrefix));
    }

    /** A column of the DDL, or NULL when this database lacks it (optional columns of older ZStack versions). */
    static String col(SchemaLayout layout, String alias, String table, String column) {
        List<String> missing = layout.missingColumns().get(table);
        return missing != null && missing.contains(column) ? "NULL" : alias + "." + column;
    }

    static Long longOrNull(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }
}
