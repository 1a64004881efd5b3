package dev.tpmconsole.model.browse;

import java.util.List;

/**
 * One page of a list, fetched with LIMIT/OFFSET in an order that always ends with the row's key, so that
 * pages never overlap or skip rows.
 *
 * @param rows   the rows, at most the requested limit
 * @param offset the position of the first row in the whole list
 * @param more   whether rows follow this page
 */
public record Page<T>(List<T> rows, int offset, boolean more) {

    public Page {
        rows = List.copyOf(rows);
    }

    /** The offset of the page that follows this one. */
    public int nextOffset() {
        return offset + rows.size();
    }
}
