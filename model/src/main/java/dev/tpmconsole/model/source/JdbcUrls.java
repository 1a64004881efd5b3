package dev.tpmconsole.model.source;

import java.util.regex.Pattern;

/** JDBC URL helpers; a password never leaves this class in a message. */
public final class JdbcUrls {

    private static final Pattern PASSWORD = Pattern.compile("(?i)([?&;]password=)[^&;]*");
    private static final Pattern USERINFO = Pattern.compile("(//[^/@:]+):[^/@]*@");

    private JdbcUrls() {
    }

    /** Whether the URL carries a {@code password} parameter. */
    public static boolean hasPassword(String url) {
        return PASSWORD.matcher(url).find();
    }

    /** The URL with any password replaced by {@code ***}, for messages. */
    public static String withoutPassword(String url) {
        String s = PASSWORD.matcher(url).replaceAll("$1***");
        return USERINFO.matcher(s).replaceAll("$1:***@");
    }

    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)([?&;])password=[^&;]*&?");

    /**
     * The URL with any password taken out (a {@code password=} parameter, a {@code user:password@}), for
     * what is remembered: the recent databases list never holds a password, not even masked.
     */
    public static String stripPassword(String url) {
        String s = PASSWORD_PARAMETER.matcher(url).replaceAll("$1");
        s = s.replaceAll("[?&;]$", "");
        s = s.replace("?&", "?");
        return USERINFO.matcher(s).replaceAll("$1@");
    }

    private static final Pattern HOST_AND_DATABASE = Pattern.compile("^jdbc:(?:mariadb|mysql)://(?:[^@/]*@)?([^/?]+)/([^?;]*)");

    /** "zstack on 10.0.0.5:3306" for {@code jdbc:mariadb://10.0.0.5:3306/zstack?...}; the URL without password otherwise. */
    public static String describe(String url) {
        java.util.regex.Matcher m = HOST_AND_DATABASE.matcher(url);
        if (m.find() && !m.group(2).isEmpty()) {
            return m.group(2) + " on " + m.group(1);
        }
        return withoutPassword(url);
    }
}
