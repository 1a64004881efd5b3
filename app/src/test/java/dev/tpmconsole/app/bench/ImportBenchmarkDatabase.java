package dev.tpmconsole.app.bench;

import dev.tpmconsole.model.demo.DemoGenerator;
import dev.tpmconsole.model.demo.DemoOptions;
import dev.tpmconsole.model.schema.ZStackSchema;
import dev.tpmconsole.model.snapshot.JdbcRowSink;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Fills a MariaDB database for {@code bench/import-vs-sqlite3.sh}: ZStack's TPM tables (schema-mariadb.sql)
 * with the demo cloud of N VMs, plus, as in a real {@code zstack} dump, other tables of the cloud that the
 * import must skip (volumes and an event log, {@code OTHER} rows each). Not a test: run by the script.
 *
 * <p>Usage: {@code ImportBenchmarkDatabase SERVER_URL DATABASE VMS OTHER_ROWS}, e.g.
 * {@code jdbc:mariadb://127.0.0.1:3306/ tpm_bench 100000 300000}. The database is dropped and created.
 */
public final class ImportBenchmarkDatabase {

    private ImportBenchmarkDatabase() {
    }

    public static void main(String[] args) throws Exception {
        String server = args[0].endsWith("/") ? args[0] : args[0] + "/";
        String name = args[1];
        int vms = Integer.parseInt(args[2]);
        int other = Integer.parseInt(args[3]);
        String auth = System.getProperty("user", "root");
        try (Connection c = DriverManager.getConnection(server + "?user=" + auth); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name);
            st.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4");
        }
        long t0 = System.nanoTime();
        try (Connection c = DriverManager.getConnection(server + name + "?user=" + auth + "&useBulkStmts=true");
             Statement st = c.createStatement()) {
            for (String ddl : ddlStatements()) {
                st.execute(ddl);
            }
            st.execute("SET FOREIGN_KEY_CHECKS = 0");
            st.execute("SET UNIQUE_CHECKS = 0");
            st.execute("SET time_zone = '+00:00'");
            c.setAutoCommit(false);
            try (JdbcRowSink sink = new JdbcRowSink(c)) {
                DemoGenerator.generate(new DemoOptions(vms, DemoOptions.DEFAULT_SEED), sink);
                sink.flush();
            }
            c.commit();
            otherTables(c, st, other);
            c.commit();
        }
        System.err.printf("loaded %s: %,d VMs and %,d rows in each of 2 other tables in %.1f s%n", name, vms, other,
                (System.nanoTime() - t0) / 1e9);
    }

    private static void otherTables(Connection c, Statement st, int rows) throws Exception {
        st.execute("CREATE TABLE VolumeEO (uuid varchar(32) NOT NULL, name varchar(255) NOT NULL,"
                + " description varchar(2048) DEFAULT NULL, primaryStorageUuid varchar(32) DEFAULT NULL,"
                + " vmInstanceUuid varchar(32) DEFAULT NULL, installPath varchar(1024) DEFAULT NULL,"
                + " size bigint unsigned DEFAULT NULL, actualSize bigint unsigned DEFAULT NULL,"
                + " state varchar(32) NOT NULL, status varchar(32) NOT NULL, createDate timestamp NOT NULL"
                + " DEFAULT '0000-00-00 00:00:00', lastOpDate timestamp NOT NULL DEFAULT '0000-00-00 00:00:00',"
                + " PRIMARY KEY (uuid)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
        st.execute("CREATE TABLE EventRecordsVO (id bigint unsigned NOT NULL AUTO_INCREMENT, resourceUuid"
                + " varchar(32) NOT NULL, content text NOT NULL, createDate timestamp NOT NULL"
                + " DEFAULT '0000-00-00 00:00:00', PRIMARY KEY (id)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
        SplittableRandom rnd = new SplittableRandom(7);
        try (PreparedStatement v = c.prepareStatement("INSERT INTO VolumeEO VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
             PreparedStatement e = c.prepareStatement("INSERT INTO EventRecordsVO (resourceUuid, content, createDate)"
                     + " VALUES (?,?,?)")) {
            for (int i = 0; i < rows; i++) {
                String uuid = hex(rnd);
                v.setString(1, uuid);
                v.setString(2, "ROOT-for-vm-" + i);
                v.setString(3, i % 3 == 0 ? null : "root volume; it's \"thin\" \\ provisioned");
                v.setString(4, hex(rnd));
                v.setString(5, hex(rnd));
                v.setString(6, "/zstack_ps/rootVolumes/acct-" + i + "/vol-" + uuid + "/" + uuid + ".qcow2");
                v.setLong(7, 53_687_091_200L);
                v.setLong(8, rnd.nextLong(1L << 34));
                v.setString(9, "Enabled");
                v.setString(10, "Ready");
                v.setString(11, "2025-06-01 10:00:00");
                v.setString(12, "2026-11-01 10:00:00");
                v.addBatch();
                e.setString(1, uuid);
                e.setString(2, "{\"event\":\"VolumeStatusChanged\",\"old\":\"Creating\",\"new\":\"Ready\",\"n\":" + i + "}");
                e.setString(3, "2026-11-01 10:00:00");
                e.addBatch();
                if (i % 2000 == 1999) {
                    v.executeBatch();
                    e.executeBatch();
                }
            }
            v.executeBatch();
            e.executeBatch();
        }
    }

    private static String hex(SplittableRandom rnd) {
        return String.format("%016x%016x", rnd.nextLong(), rnd.nextLong());
    }

    private static List<String> ddlStatements() {
        return List.of(ZStackSchema.canonicalDdl().replaceAll("(?m)^--.*$", "").split(";\\s*\\n")).stream()
                .map(String::strip).filter(s -> !s.isEmpty()).map(s -> s.endsWith(";") ? s.substring(0, s.length() - 1) : s)
                .toList();
    }
}
