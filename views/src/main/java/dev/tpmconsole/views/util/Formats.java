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

    /**
     * Until when an acknowledgement holds, as the person chose it: a date chosen in the acknowledge dialog (or given to
     * {@code ack --until} as YYYY-MM-DD) holds through that day, UTC, and is kept as the next day's UTC midnight, which
     * read as a time ("Dec 17, 12:00 AM", or 8:00 AM in Beijing) looked like the day after the one chosen. It reads "the
     * end of Dec 16, 2026 (UTC)"; an expiry given as a time reads as that time, in the machine's zone.
     */
    public static String expiry(java.time.Instant expires) {
        java.time.ZonedDateTime utc = expires.atZone(java.time.ZoneOffset.UTC);
        if (utc.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)) {
            java.time.LocalDate through = utc.toLocalDate().minusDays(1);
            // that day as the language writes a day (I18n.date writes the machine's zone's day of an instant)
            java.time.Instant shown = through.atStartOfDay(java.time.ZoneId.systemDefault()).toInstant();
            return I18n.t("ui.ack.through", I18n.date(shown));
        }
        return I18n.dateTime(expires);
    }
}
