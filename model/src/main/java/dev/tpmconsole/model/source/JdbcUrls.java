package dev.tpmconsole.model.source;

import java.util.regex.Pattern;

/** JDBC URL helpers; a password never leaves this class in a message. */
public final class JdbcUrls {

    private static final Pattern PASSWORD = Pattern.compile("(?i)([?&;]password=)[^&;]*");
    private static final Pattern USERINFO = Pattern.compile("(//[^/@:]+):[^/@]*@");

    private JdbcUrls() {
    }

    public static String withoutPassword(String url) {
        String s = PASSWORD.matcher(url).replaceAll("$1***");
        return USERINFO.matcher(s).replaceAll("$1:***@");
    }
}
