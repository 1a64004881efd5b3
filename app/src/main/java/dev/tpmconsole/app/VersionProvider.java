package dev.tpmconsole.app;

import dev.tpmconsole.model.util.SqliteJdbc;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine;

/** Versions of the console and of what it runs on, for {@code --version}, the About box and error reports. */
public final class VersionProvider implements CommandLine.IVersionProvider {

    /** What the build wrote into version.properties (read once), or null when it is missing. */
    private static final Properties BUILD = properties("/dev/tpmconsole/app/version.properties");

    /** The console's version, from the build (version.properties), or "development build". */
    public static String version() {
        Properties p = BUILD;
        String v = p == null ? null : p.getProperty("version");
        if (v == null || v.isBlank() || v.startsWith("${")) {
            v = VersionProvider.class.getPackage().getImplementationVersion();
        }
        return v != null ? v : "development build";
    }

    @Override
    public String[] getVersion() {
        return new String[] {
            "TPM Console " + version(),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
    }

    /**
     * The console, then Java, JavaFX, the libraries that read and write ZStack's rows (with SQLite's own
     * version), reach the hosts and keep the catalogue, and the operating system, as name and version; the
     * operating system's name is a message key (the About box names it in the windows' language, {@link #text} in
     * English).
     */
    public static synchronized List<Map.Entry<String, String>> versions() {
        if (versions == null) {
            versions = List.copyOf(read());
        }
        return versions;
    }

    private static List<Map.Entry<String, String>> versions;

    private static List<Map.Entry<String, String>> read() {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        out.add(Map.entry("TPM Console", version()));
        out.add(Map.entry("Java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor")
                + ", " + System.getProperty("java.vm.name") + ")"));
        String fx = System.getProperty("javafx.runtime.version");
        out.add(Map.entry("JavaFX", fx == null ? "not started" : fx));
        out.add(Map.entry("Hibernate ORM", orUnknown(hibernate())));
        out.add(Map.entry("SQLite", orUnknown(sqlite())));
        out.add(Map.entry("SQLite JDBC", library("org.xerial", "sqlite-jdbc")));
        out.add(Map.entry("MariaDB Connector/J", library("org.mariadb.jdbc", "mariadb-java-client")));
        out.add(Map.entry("RxJava", built("rxjava")));
        out.add(Map.entry("Jackson", library("com.fasterxml.jackson.core", "jackson-databind")));
        out.add(Map.entry("AtlantaFX", library("io.github.mkpaz", "atlantafx-base")));
        out.add(Map.entry("picocli", CommandLine.VERSION));
        // what reaches the hosts and keeps the catalogue: a report of a failed scan or audit history names them
        out.add(Map.entry("Apache MINA SSHD", library("org.apache.sshd", "sshd-core")));
        out.add(Map.entry("Flyway", library("org.flywaydb", "flyway-core")));
        // named in the windows' language in the About box (a message key), in English in a report
        out.add(Map.entry("ui.about.operatingSystem", System.getProperty("os.name") + " " + System.getProperty("os.version")
                + " (" + System.getProperty("os.arch") + ")"));
        return out;
    }

    /** The versions as lines of "name: version", for error reports. */
    public static String text() {
        StringBuilder b = new StringBuilder();
        dev.tpmconsole.model.i18n.Messages english = dev.tpmconsole.model.i18n.Messages.english();
        versions().forEach(e -> b.append(english.has(e.getKey()) ? english.get(e.getKey()) : e.getKey()).append(": ")
                .append(e.getValue()).append('\n'));
        return b.toString();
    }

    /** A library's version from the pom.properties Maven put in its jar (the shaded jar keeps them). */
    static String library(String group, String artifact) {
        Properties p = properties("/META-INF/maven/" + group + "/" + artifact + "/pom.properties");
        return orUnknown(p == null ? null : p.getProperty("version"));
    }

    /** A version the build wrote into version.properties (RxJava's jar carries no pom.properties). */
    static String built(String key) {
        Properties p = BUILD;
        String v = p == null ? null : p.getProperty(key);
        return orUnknown(v == null || v.startsWith("${") ? null : v);
    }

    private static String hibernate() {
        try {
            return org.hibernate.Version.getVersionString();
        } catch (LinkageError e) {
            return null;
        }
    }

    private static String sqlite() {
        try (Connection c = SqliteJdbc.connect(":memory:", new Properties());
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select sqlite_version()")) {
            return r.next() ? r.getString(1) : null;
        } catch (SQLException | LinkageError e) {
            return null;
        }
    }

    private static Properties properties(String resource) {
        try (InputStream in = VersionProvider.class.getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            Properties p = new Properties();
            p.load(in);
            return p;
        } catch (IOException e) {
            return null;
        }
    }

    private static String orUnknown(String v) {
        return v == null || v.isBlank() ? "unknown" : v;
    }
}
