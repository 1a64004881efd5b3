package dev.tpmconsole.views.prefs;

/**
 * A live database opened before: its JDBC URL with any password taken out and the user it was opened as.
 * A password is never remembered.
 *
 * @param url  a {@code jdbc:mariadb://} or {@code jdbc:mysql://} URL without password
 * @param user the user name typed (null when the URL carries it, or none was needed)
 * @param sshAlias the SSH alias it was reached through (its management node), or null for a direct connection
 */
public record RecentDatabase(String url, String user, String sshAlias) {

    /** A database reached directly. */
    public RecentDatabase(String url, String user) {
        this(url, user, null);
    }
}
