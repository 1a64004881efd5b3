package dev.tpmconsole.model.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the MariaDB DDL in which ZStack's schema files are written (CREATE TABLE with column lines,
 * PRIMARY KEY, UNIQUE KEY, KEY and CONSTRAINT ... FOREIGN KEY clauses; CREATE VIEW; SET statements and
 * comments), enough to derive the snapshot schema from the one canonical file.
 */
public final class MariaDbDdlParser {

    private static final Pattern CREATE_TABLE =
            Pattern.compile("(?is)^CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?`?(\\w+)`?\\s*\\((.*)\\)[^)]*$");
    private static final Pattern CREATE_VIEW =
            Pattern.compile("(?is)^CREATE\\s+(?:OR\\s+REPLACE\\s+)?VIEW\\s+`?(\\w+)`?\\s+AS\\s+(SELECT\\s.*)$");
    private static final Pattern KEY =
            Pattern.compile("(?is)^(UNIQUE\\s+)?(?:KEY|INDEX)\\s+`?(\\w+)`?\\s*\\((.*)\\)$");
    private static final Pattern PRIMARY = Pattern.compile("(?is)^PRIMARY\\s+KEY\\s*\\((.*)\\)$");
    private static final Pattern FOREIGN = Pattern.compile(
            "(?is)^CONSTRAINT\\s+`?(\\w+)`?\\s+FOREIGN\\s+KEY\\s*\\(`?(\\w+)`?\\)\\s+REFERENCES\\s+`?(\\w+)`?\\s*"
                    + "\\(`?(\\w+)`?\\)(.*)$");
    private static final Pattern ON_DELETE =
            Pattern.compile("(?i)ON\\s+DELETE\\s+(CASCADE|SET\\s+NULL|RESTRICT|NO\\s+ACTION)");
    private static final Pattern COLUMN = Pattern.compile("(?is)^`?(\\w+)`?\\s+(.*)$");
    private static final Pattern DEFAULT =
            Pattern.compile("(?is)\\bDEFAULT\\s+('(?:[^'\\\\]|\\\\.)*'|[\\w.()]+)");

    private MariaDbDdlParser() {
    }

    public static ZStackSchema parse(String ddl) {
        List<TableDef> tables = new ArrayList<>();
        List<ViewDef> views = new ArrayList<>();
        for (String statement : statements(ddl)) {
            Matcher table = CREATE_TABLE.matcher(statement);
            Matcher view = CREATE_VIEW.matcher(statement);
            if (table.matches()) {
                tables.add(table(table.group(1), table.group(2)));
            } else if (view.matches()) {
                views.add(new ViewDef(view.group(1), view.group(2).replace('`', '"').replaceAll("\\s+", " ").trim()));
            } else if (!statement.regionMatches(true, 0, "SET ", 0, 4)) {
                throw new IllegalArgumentException("unsupported DDL statement: " + abbreviate(statement));
            }
        }
        return new ZStackSchema(tables, views);
    }

    /** Statements without comments, split at semicolons outside quotes. */
    static List<String> statements(String ddl) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : ddl.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String s = current.toString().strip();
                out.add(s.substring(0, s.length() - 1).strip());
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            throw new IllegalArgumentException("DDL ends inside a statement: " + abbreviate(current.toString()));
        }
        return out;
    }

    private static TableDef table(String name, String body) {
        List<ColumnDef> columns = new ArrayList<>();
        List<String> primaryKey = new ArrayList<>();
        List<TableDef.IndexDef> indexes = new ArrayList<>();
        List<ForeignKeyDef> foreignKeys = new ArrayList<>();
        for (String part : splitTopLevel(body)) {
            Matcher m;
            if ((m = PRIMARY.matcher(part)).matches()) {
                primaryKey.addAll(names(m.group(1)));
            } else if ((m = KEY.matcher(part)).matches()) {
                indexes.add(new TableDef.IndexDef(m.group(2), m.group(1) != null, names(m.group(3))));
            } else if ((m = FOREIGN.matcher(part)).matches()) {
                Matcher onDelete = ON_DELETE.matcher(m.group(5));
                String action = onDelete.find() ? onDelete.group(1).toUpperCase(Locale.ROOT).replaceAll("\\s+", " ")
                        : "RESTRICT";
                foreignKeys.add(new ForeignKeyDef(m.group(1), m.group(2), m.group(3), m.group(4), action));
            } else if ((m = COLUMN.matcher(part)).matches()) {
                columns.add(column(m.group(1), m.group(2)));
            } else {
                throw new IllegalArgumentException("unsupported line in table " + name + ": " + part);
            }
        }
        return new TableDef(name, columns, primaryKey, indexes, foreignKeys);
    }

    private static ColumnDef column(String name, String rest) {
        String upper = rest.toUpperCase(Locale.ROOT);
        int end = rest.length();
        for (String keyword : new String[] {" NOT NULL", " NULL", " DEFAULT", " AUTO_INCREMENT", " ON UPDATE",
                " COMMENT", " CHARACTER SET", " COLLATE"}) {
            int at = (" " + upper).indexOf(keyword);
            if (at >= 0) {
                end = Math.min(end, Math.max(0, at - 1));
            }
        }
        String type = rest.substring(0, end).strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        boolean notNull = upper.contains("NOT NULL");
        Matcher d = DEFAULT.matcher(rest);
        String defaultValue = d.find() ? d.group(1) : null;
        return new ColumnDef(name, type, notNull, defaultValue);
    }

    private static List<String> splitTopLevel(String body) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\'' && (i == 0 || body.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            } else if (!quoted && depth == 0 && c == ',') {
                parts.add(current.toString().replaceAll("\\s+", " ").strip());
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        if (!current.toString().isBlank()) {
            parts.add(current.toString().replaceAll("\\s+", " ").strip());
        }
        return parts;
    }

    private static List<String> names(String list) {
        List<String> out = new ArrayList<>();
        for (String n : list.split(",")) {
            out.add(n.strip().replace("`", "").replaceAll("\\(\\d+\\)$", ""));
        }
        return out;
    }

    private static String abbreviate(String s) {
        String oneLine = s.replaceAll("\\s+", " ").strip();
        return oneLine.length() > 80 ? oneLine.substring(0, 77) + "..." : oneLine;
    }
}
