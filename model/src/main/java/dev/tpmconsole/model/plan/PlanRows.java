package dev.tpmconsole.model.plan;

import dev.tpmconsole.model.sql.SqlDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rows of a plan's items, shared by the planners: each item's rows in deletion order (key refs, system
 * tags, content, the row itself, its ResourceVO row), every row once, and which of them hold key material.
 */
final class PlanRows {

    private final Connection c;
    private final SqlDialect d;
    private final Map<String, List<Plan.RowRef>> rowsOfItem = new LinkedHashMap<>();
    /** The rows deleted by the items so far: as rows, not as {@code table/key} texts (decision 0048). */
    private final Set<Plan.RowRef> planned = new java.util.HashSet<>();
    private final List<Plan.RowRef> deletes = new ArrayList<>();
    /** Ids of the key refs read that hold key material. */
    private final Set<String> keyMaterial = new LinkedHashSet<>();

    PlanRows(Connection c, SqlDialect d) {
        this.c = c;
        this.d = d;
    }

    /** Whether a row is already deleted by an earlier item. */
    boolean planned(String table, String key) {
        return planned.contains(new Plan.RowRef(table, key));
    }

    /** An item owning a uuid-bearing row: its key refs, tags, content, itself and its ResourceVO row. */
    void addItem(String table, String key, List<String> keyRefs) throws SQLException {
        List<Plan.RowRef> rows = new ArrayList<>();
        for (String ref : keyRefs) {
            rows.add(new Plan.RowRef("EncryptedResourceKeyRefVO", ref));
        }
        for (String[] tag : query("SELECT uuid FROM SystemTagVO WHERE " + d.eqParam("resourceUuid") + " ORDER BY "
                + d.order("uuid"), key, 1)) {
            rows.add(new Plan.RowRef("SystemTagVO", tag[0]));
        }
        if (!table.equals("VmHostFileContentVO")
                && one("SELECT uuid FROM VmHostFileContentVO WHERE " + d.eqParam("uuid"), key) != null) {
            rows.add(new Plan.RowRef("VmHostFileContentVO", key));
        }
        rows.add(new Plan.RowRef(table, key));
        if (!table.equals("ResourceVO") && one("SELECT uuid FROM ResourceVO WHERE " + d.eqParam("uuid"), key) != null) {
            rows.add(new Plan.RowRef("ResourceVO", key));
        }
        add(table + "/" + key, rows);
    }

    /** An item whose rows are given (already in deletion order). */
    void add(String item, List<Plan.RowRef> rows) {
        List<Plan.RowRef> fresh = new ArrayList<>();
        for (Plan.RowRef r : rows) {
            if (planned.add(r)) {
                fresh.add(r);
                deletes.add(r);
            }
        }
        rowsOfItem.put(item, List.copyOf(fresh));
    }

    /** Ids of the key refs of a resource, noting those that hold key material. */
    List<String> keyRefs(String type, String uuid) throws SQLException {
        return keyRefRows(type, uuid).stream().map(KeyRef::id).toList();
    }

    /**
     * A key ref of a resource: its id, whether its key is wrapped by a provider ({@code kekRef} set, as the audit's
     * KEY_REF_PROVIDER_LOST reads it), and the provider it names.
     */
    record KeyRef(String id, boolean wrapped, String providerUuid, String providerName) {
    }

    /** The key refs of a resource, by id, as {@link #keyRefs} lists them (noting those that hold key material). */
    List<KeyRef> keyRefRows(String type, String uuid) throws SQLException {
        List<KeyRef> refs = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, CASE WHEN kekRef IS NOT NULL OR wrappedDek <> ''"
                + " THEN 1 ELSE 0 END AS material, CASE WHEN kekRef IS NOT NULL THEN 1 ELSE 0 END AS wrapped,"
                + " providerUuid, providerName FROM EncryptedResourceKeyRefVO WHERE " + d.is("resourceType", type)
                + " AND " + d.eqParam("resourceUuid") + " ORDER BY id")) {
            d.bind(ps, 1, uuid);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString("id");
                    refs.add(new KeyRef(id, rs.getInt("wrapped") == 1, rs.getString("providerUuid"),
                            rs.getString("providerName")));
                    if (rs.getInt("material") == 1) {
                        keyMaterial.add(id);
                    }
                }
            }
        }
        return refs;
    }

    /** Notes that a key ref holds key material (for refs found otherwise than by {@link #keyRefs}). */
    void keyMaterial(String id) {
        keyMaterial.add(id);
    }

    String one(String sql, String value) throws SQLException {
        List<String[]> r = query(sql, value, 1);
        return r.isEmpty() ? null : r.get(0)[0];
    }

    /** The rows of a query that takes no value ({@code columns} columns each, as strings). */
    List<String[]> all(String sql, int columns) throws SQLException {
        return query(sql, null, columns);
    }

    /** The rows of a query of one value ({@code value}; null: the query takes none), as strings. */
    List<String[]> query(String sql, String value, int columns) throws SQLException {
        List<String[]> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (value != null) {
                d.bind(ps, 1, value);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String[] row = new String[columns];
                    for (int i = 0; i < columns; i++) {
                        row[i] = rs.getString(i + 1);
                    }
                    out.add(row);
                }
            }
        }
        return out;
    }

    List<Plan.RowRef> deletes() {
        return List.copyOf(deletes);
    }

    Map<String, List<Plan.RowRef>> rowsOfItem() {
        return rowsOfItem;
    }

    /** Key refs holding key material that the plan deletes ({@code table/key}). */
    Set<String> keyMaterialDeleted() {
        Set<String> out = new LinkedHashSet<>();
        for (String id : keyMaterial) {
            Plan.RowRef ref = new Plan.RowRef("EncryptedResourceKeyRefVO", id);
            if (planned.contains(ref)) {
                out.add(ref.id());
            }
        }
        return out;
    }
}
