package dev.tpmconsole.model.browse;

import java.util.Objects;

/** A sort on one column of a list; ties are always broken by the row's key, ascending. */
public record Sort<C extends Enum<C>>(C column, boolean ascending) {

    public Sort {
        Objects.requireNonNull(column);
    }

    public static <C extends Enum<C>> Sort<C> asc(C column) {
        return new Sort<>(column, true);
    }

    public static <C extends Enum<C>> Sort<C> desc(C column) {
        return new Sort<>(column, false);
    }

    String direction() {
        return ascending ? "ASC" : "DESC";
    }
}
