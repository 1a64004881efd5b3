package dev.tpmconsole.views.util;

/** How numbers and sizes read in the tables, in the windows' language (tables refresh when it changes). */
public final class Formats {

    private Formats() {
    }

    public static String count(long n) {
        return I18n.number(n);
    }

    /** "850 B", "1.2 KiB", "3.4 MiB", "5.6 GiB"; "—" for no content. */
    public static String bytes(Long n) {
        if (n == null) {
            return "—";
        }
        if (n < 1024) {
            return n + " B";
        }
        if (n < 1024 * 1024) {
            return String.format("%.1f KiB", n / 1024.0);
        }
        if (n < 1024L * 1024 * 1024) {
            return String.format("%.1f MiB", n / (1024.0 * 1024));
        }
        return String.format("%.1f GiB", n / (1024.0 * 1024 * 1024));
    }

    public static String yesNo(boolean b) {
        return I18n.t(b ? "ui.yes" : "ui.no");
    }

    public static String orDash(Object o) {
        return o == null ? "—" : o.toString();
    }
}
