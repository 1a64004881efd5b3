package dev.tpmconsole.model.browse;

import java.util.List;

/**
 * One page of a list, fetched with LIMIT/OFFSET in an order that always ends with the row's key, so that
 * pages never overlap or skip rows.
 *
 * @param rows   the rows, at most the requested limit
 * @param offset the position of the first row in the whole list
 * @param more   whether rows follow this page
 * @param total  how many rows the whole list holds, when reading the page told it at no cost (the VMs by name
 *               from memory, MariaDB's {@code FOUND_ROWS()}); null when it takes a count of its own
 */
public record Page<T>(List<T> rows, int offset, boolean more, Long total) {

    public Page {
        rows = List.copyOf(rows);
    }

    /** A page whose list's size is not known. */
    public Page(List<T> rows, int offset, boolean more) {
        this(rows, offset, more, null);
    }

    /** The offset of the page that follows this one. */
    public int nextOffset() {
        return offset + rows.size();
    }
}
