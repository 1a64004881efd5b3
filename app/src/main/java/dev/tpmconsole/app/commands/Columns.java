package dev.tpmconsole.app.commands;

/**
 * Column headings padded by the width a terminal gives them: a Chinese character takes two columns, so that the
 * headings of a table in Chinese stand over their columns as the English ones do.
 */
final class Columns {

    private Columns() {
    }

    /** {@code text} then spaces, {@code width} columns in all (the text itself when wider). */
    static String left(String text, int width) {
        return text + " ".repeat(Math.max(0, width - width(text)));
    }

    /** Spaces then {@code text}, {@code width} columns in all. */
    static String right(String text, int width) {
        return " ".repeat(Math.max(0, width - width(text))) + text;
    }

    /** The columns {@code text} takes on a terminal: two for an East Asian wide or full-width character. */
    static int width(String text) {
        return text.codePoints().map(c -> wide(c) ? 2 : 1).sum();
    }

    private static boolean wide(int c) {
        return c >= 0x1100 && c <= 0x115f || c >= 0x2e80 && c <= 0xa4cf || c >= 0xac00 && c <= 0xd7a3
                || c >= 0xf900 && c <= 0xfaff || c >= 0xfe30 && c <= 0xfe4f || c >= 0xff00 && c <= 0xff60
                || c >= 0xffe0 && c <= 0xffe6 || c >= 0x20000 && c <= 0x3fffd;
    }
}
