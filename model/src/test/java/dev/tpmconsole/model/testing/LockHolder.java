package dev.tpmconsole.model.testing;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * A separate process that holds an SQLite write lock on a file until its standard input closes:
 * {@code LockHolder FILE exclusive|reserved}. Prints "locked" once the lock is held.
 */
public final class LockHolder {

    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + args[0]); Statement st = c.createStatement()) {
            if (args[1].equals("exclusive")) {
                st.execute("BEGIN EXCLUSIVE");
            } else {
                st.execute("BEGIN IMMEDIATE");
            }
            st.execute("INSERT INTO ManagementNodeVO (uuid, state) VALUES ('lock-holder', 'RUNNING')");
            System.out.println("locked");
            System.out.flush();
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            st.execute("ROLLBACK");
        }
    }

    /** Starts the holder in a new JVM and waits until it holds the lock. */
    public static Process start(java.nio.file.Path file, String mode) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), LockHolder.class.getName(),
                file.toString(), mode).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (!"locked".equals(line)) {
            p.destroyForcibly();
            throw new IllegalStateException("lock holder did not start: " + line);
        }
        return p;
    }

    private LockHolder() {
    }
}
