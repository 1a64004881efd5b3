package dev.tpmconsole.model.util;

/**
 * Text from the database (or a dump, or a file) on its way to a person: control characters are shown, never
 * acted on. A VM name holding ESC [ 2 J, a CR that rewrites the line before it, a newline that forges a line of
 * output or of a script, or a right-to-left override that reorders what follows are written as <code>&#92;u001b</code>,
 * <code>&#92;u000d</code>, <code>&#92;u000a</code>, <code>&#92;u202e</code>: still readable, and still valid inside a JSON string.
 */
public final class Texts {

    /** How much of a value a message quotes. */
    private static final int QUOTE_LIMIT = 120;

    private Texts() {
    }

    /**
     * Whether a character is acted on by a terminal or reorders the text around it: C0 and C1 controls, DEL,
     * the line and paragraph separators, and the bidirectional embeddings, overrides and isolates.
     */
    public static boolean isControl(int c) {
        return c < 0x20 || c >= 0x7f && c <= 0x9f || c == 0x2028 || c == 0x2029
                || c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069 || c == 0x200e || c == 0x200f
                || c == 0x061c;
    }

    /** <code>&#92;uXXXX</code>: the form an escaped character is shown in. */
    public static void appendEscaped(StringBuilder sb, char c) {
        sb.append(String.format("\\u%04x", (int) c));
    }

    /** A value for a line of text: every control character escaped, newlines and tabs included. */
    public static String escaped(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder sb = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (isControl(c)) {
                if (sb == null) {
                    sb = new StringBuilder(value.length() + 8).append(value, 0, i);
                }
                appendEscaped(sb, c);
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? value : sb.toString();
    }

    /** A value quoted in a message: escaped, in single quotes, and cut to a readable length. */
    public static String quoted(String value) {
        if (value == null) {
            return "(null)";
        }
        String cut = value.length() > QUOTE_LIMIT ? value.substring(0, QUOTE_LIMIT) : value;
        return "'" + escaped(cut) + "'" + (cut.length() < value.length()
                ? "… (" + String.format("%,d", value.length()) + " characters)" : "");
    }

    /** Whether a value holds only printable ASCII (what ZStack's paths and addresses are made of). */
    public static boolean isPlain(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }
}
