package dev.tpmconsole.model.util;

import java.text.NumberFormat;

/**
 * Numbers and counted nouns in text meant for a person: "1 row", "7,269 rows", "0 VMs". Numbers are grouped as
 * the default locale groups them (as {@code %,d} does), so that every command writes 19,901 the same way. JSON and
 * CSV write plain numbers and never use this.
 */
public final class Counted {

    private Counted() {
    }

    /** A number grouped for the default locale: "19,901". */
    public static String number(long n) {
        return NumberFormat.getIntegerInstance().format(n);
    }

    /** "1 row", "2 rows": the noun's plural made with an "s". */
    public static String of(long n, String singular) {
        return of(n, singular, singular + "s");
    }

    /** "1 entry", "2 entries": for a noun whose plural is not the singular with an "s". */
    public static String of(long n, String singular, String plural) {
        return number(n) + " " + noun(n, singular, plural);
    }

    /** The noun alone, for when the number is written elsewhere ("3 of 4 hosts"). */
    public static String noun(long n, String singular, String plural) {
        return n == 1 ? singular : plural;
    }
}
