package dev.tpmconsole.model.testing;

import dev.tpmconsole.model.schema.ZStackSchema;
import java.util.ArrayList;
import java.util.List;

/**
 * Dump text in mysqldump's layout for tests that need a dump without a MariaDB server (the round trips through
 * the real mysqldump are MariaDbDumpImportTest's): every table of the schema, {@code vms} VMs with their
 * ResourceVO rows, the header and the closing line.
 */
public final class TestDumps {

    private TestDumps() {
    }

    /** A small but complete dump of every table of the schema (rows in a few), in mysqldump's layout. */
    public static String complete(int vms) {
        StringBuilder sb = new StringBuilder("-- MariaDB dump 10.19  Distrib 10.11.19-MariaDB\n"
                + "/*!40101 SET NAMES utf8mb4 */;\n/*!40103 SET TIME_ZONE='+00:00' */;\n");
        for (var t : ZStackSchema.canonical().tables()) {
            sb.append("DROP TABLE IF EXISTS `").append(t.name()).append("`;\nCREATE TABLE `").append(t.name()).append("` (\n");
            List<String> lines = new ArrayList<>();
            t.columns().forEach(c -> lines.add("  `" + c.name() + "` " + c.mysqlType() + (c.notNull() ? " NOT NULL" : "")));
            lines.add("  PRIMARY KEY (" + String.join(",", t.primaryKey().stream().map(p -> "`" + p + "`").toList()) + ")");
            t.indexes().forEach(i -> lines.add("  " + (i.unique() ? "UNIQUE " : "") + "KEY `" + i.name() + "` ("
                    + String.join(",", i.columns().stream().map(p -> "`" + p + "`").toList()) + ")"));
            sb.append(String.join(",\n", lines)).append("\n) ENGINE=InnoDB;\n");
            if (t.name().equals("ResourceVO") || t.name().equals("VmInstanceEO")) {
                sb.append("INSERT INTO `").append(t.name()).append("` VALUES\n");
                for (int i = 0; i < vms; i++) {
                    String uuid = String.format("%032x", i);
                    sb.append(t.name().equals("ResourceVO") ? "('" + uuid + "','vm " + i + "','VmInstanceVO','x')"
                            : "('" + uuid + "','vm " + i + "',NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,'UserVm',NULL,NULL,"
                            + "NULL,NULL,'Running','2026-01-01 00:00:00','2026-01-01 00:00:00',NULL)");
                    sb.append(i == vms - 1 ? ";\n" : ",\n");
                }
            }
        }
        return sb.append("-- Dump completed on 2026-11-20 12:00:00\n").toString();
    }

}
