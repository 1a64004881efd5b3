package dev.tpmconsole.model.dump;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A CREATE TABLE of a dump, read leniently: the column names in the dump's order and whether each is NOT
 * NULL, the primary key, the unique keys and the foreign keys. Everything else (types, plain keys, CHECK constraints, table options)
 * is not needed to import rows and is ignored.
 */
record DumpTable(String name, List<String> columns, List<Boolean> notNull, List<String> primaryKey,
                 List<List<String>> uniqueKeys, List<ForeignKey> foreignKeys) {

    DumpTable {
        columns = List.copyOf(columns);
        notNull = List.copyOf(notNull);
        primaryKey = List.copyOf(primaryKey);
        uniqueKeys = List.copyOf(uniqueKeys);
        foreignKeys = List.copyOf(foreignKeys);
    }

    /** A FOREIGN KEY clause; {@code onDelete} is RESTRICT when the clause names no action. */
    record ForeignKey(String name, String column, String parentTable, String parentColumn, String onDelete) {
    }

    int columnIndex(String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).equalsIgnoreCase(column)) {
                return i;
            }
        }
        return -1;
    }

    boolean hasUniqueKey(List<String> keyColumns) {
        if (sameColumns(primaryKey, keyColumns)) {
            return true;
        }
        return uniqueKeys.stream().anyMatch(k -> sameColumns(k, keyColumns));
    }

    private static boolean sameColumns(List<String> a, List<String> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).equalsIgnoreCase(b.get(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Parses the text of a CREATE TABLE statement (without its delimiter), as mysqldump writes it.
     *
     * @throws IllegalArgumentException when it has no parenthesised column list
     */
    static DumpTable parse(String name, String statement) {
        int open = -1;
        // the column list starts at the first parenthesis after the table name (names may hold none: they are
        // quoted with backquotes, which the scan skips)
        Scanner s = new Scanner(statement);
        while (s.more()) {
            char c = s.peek();
            if (c == '(') {
                open = s.pos;
                break;
            }
            s.skipAtom();
        }
        if (open < 0) {
            throw new IllegalArgumentException("CREATE TABLE " + name + " has no column list");
        }
        List<String> parts = splitTopLevel(statement, open);
        List<String> columns = new ArrayList<>();
        List<Boolean> notNull = new ArrayList<>();
        List<String> primaryKey = new ArrayList<>();
        List<List<String>> unique = new ArrayList<>();
        List<ForeignKey> fks = new ArrayList<>();
        for (String part : parts) {
            Scanner p = new Scanner(part);
            p.skipSpace();
            if (!p.more()) {
                continue;
            }
            boolean quoted = p.peek() == '`';
            String first = p.identifier();
            String upper = quoted ? "" : first.toUpperCase(Locale.ROOT);
            switch (upper) {
                case "PRIMARY" -> primaryKey.addAll(p.columnList());
                case "UNIQUE" -> unique.add(p.columnList());
                case "KEY", "INDEX", "FULLTEXT", "SPATIAL", "CHECK", "PERIOD" -> {
                    // plain keys and checks do not change which rows can exist
                }
                case "CONSTRAINT", "FOREIGN" -> {
                    ForeignKey fk = foreignKey(p, upper.equals("CONSTRAINT") ? null : "");
                    if (fk != null) {
                        fks.add(fk);
                    }
                }
                default -> {
                    columns.add(first);
                    notNull.add(p.rest().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ").contains("NOT NULL"));
                }
            }
        }
        return new DumpTable(name, columns, notNull, primaryKey, unique, fks);
    }

    /** After CONSTRAINT (name unknown yet: {@code constraintName} null) or after FOREIGN. */
    private static ForeignKey foreignKey(Scanner p, String constraintName) {
        String fkName = constraintName;
        if (fkName == null) {
            p.skipSpace();
            String next = p.peekWord();
            if (next.equalsIgnoreCase("FOREIGN") || next.equalsIgnoreCase("CHECK") || next.equalsIgnoreCase("UNIQUE")
                    || next.equalsIgnoreCase("PRIMARY")) {
                fkName = "";
            } else {
                fkName = p.identifier();
            }
            String kind = p.identifier().toUpperCase(Locale.ROOT);
            if (!kind.equals("FOREIGN")) {
                return null;
            }
        }
        p.skipSpace();
        if (p.peekWord().equalsIgnoreCase("KEY")) {
            p.identifier();
        }
        p.skipSpace();
        if (p.more() && p.peek() != '(') {
            p.identifier(); // an index name
        }
        List<String> cols = p.columnList();
        p.skipSpace();
        if (!p.identifier().equalsIgnoreCase("REFERENCES")) {
            return null;
        }
        String parent = p.identifier();
        p.skipSpace();
        if (p.more() && p.peek() == '.') {
            p.pos++;
            parent = p.identifier();
        }
        List<String> parentCols = p.columnList();
        String rest = p.rest().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
        String onDelete = "RESTRICT";
        int at = rest.indexOf("ON DELETE ");
        if (at >= 0) {
            String tail = rest.substring(at + "ON DELETE ".length());
            for (String action : new String[] {"CASCADE", "SET NULL", "SET DEFAULT", "RESTRICT", "NO ACTION"}) {
                if (tail.startsWith(action)) {
                    onDelete = action;
                    break;
                }
            }
        }
        if (cols.size() != 1 || parentCols.size() != 1) {
            return null; // ZStack's foreign keys are on one column; others are not carried
        }
        return new ForeignKey(fkName, cols.get(0), parent, parentCols.get(0), onDelete);
    }

    private static List<String> splitTopLevel(String s, int open) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = open + 1;
        Scanner sc = new Scanner(s);
        sc.pos = open;
        while (sc.more()) {
            char c = sc.peek();
            if (c == '(') {
                depth++;
                sc.pos++;
            } else if (c == ')') {
                depth--;
                sc.pos++;
                if (depth == 0) {
                    parts.add(s.substring(start, sc.pos - 1));
                    return parts;
                }
            } else if (c == ',' && depth == 1) {
                parts.add(s.substring(start, sc.pos));
                sc.pos++;
                start = sc.pos;
            } else {
                sc.skipAtom();
            }
        }
        throw new IllegalArgumentException("the column list of the CREATE TABLE is not closed");
    }

    /** A tiny scanner over DDL text: identifiers (bare or `quoted`), strings, parentheses. */
    private static final class Scanner {
        private final String s;
        private int pos;

        Scanner(String s) {
            this.s = s;
        }

        boolean more() {
            return pos < s.length();
        }

        char peek() {
            return s.charAt(pos);
        }

        void skipSpace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        /** Skips one character, or a whole quoted string or identifier. */
        void skipAtom() {
            char c = s.charAt(pos);
            if (c == '\'' || c == '"' || c == '`') {
                pos++;
                while (pos < s.length()) {
                    char d = s.charAt(pos++);
                    if (d == '\\' && c != '`') {
                        pos++;
                    } else if (d == c) {
                        if (pos < s.length() && s.charAt(pos) == c) {
                            pos++;
                        } else {
                            return;
                        }
                    }
                }
            } else {
                pos++;
            }
        }

        String peekWord() {
            int save = pos;
            String w = identifier();
            pos = save;
            return w;
        }

        /** A bare word or a `quoted` identifier, after spaces. */
        String identifier() {
            skipSpace();
            if (!more()) {
                return "";
            }
            if (peek() == '`') {
                StringBuilder sb = new StringBuilder();
                pos++;
                while (pos < s.length()) {
                    char c = s.charAt(pos++);
                    if (c == '`') {
                        if (pos < s.length() && s.charAt(pos) == '`') {
                            sb.append('`');
                            pos++;
                        } else {
                            break;
                        }
                    } else {
                        sb.append(c);
                    }
                }
                return sb.toString();
            }
            int start = pos;
            while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_'
                    || s.charAt(pos) == '$')) {
                pos++;
            }
            return s.substring(start, pos);
        }

        /** Skips to the next parenthesised list (over KEY, names, USING ...) and reads its column names. */
        List<String> columnList() {
            while (more() && peek() != '(') {
                skipAtom();
            }
            List<String> out = new ArrayList<>();
            if (!more()) {
                return out;
            }
            pos++;
            while (more()) {
                skipSpace();
                if (peek() == ')') {
                    pos++;
                    break;
                }
                String name = identifier();
                if (!name.isEmpty()) {
                    out.add(name);
                }
                // a prefix length "(10)", ASC/DESC: up to the next comma or the closing parenthesis
                int depth = 0;
                while (more()) {
                    char c = peek();
                    if (c == '(') {
                        depth++;
                    } else if (c == ')') {
                        if (depth == 0) {
                            break;
                        }
                        depth--;
                    } else if (c == ',' && depth == 0) {
                        pos++;
                        break;
                    }
                    skipAtom();
                }
                if (name.isEmpty() && more() && peek() != ')') {
                    pos++;
                }
            }
            return out;
        }

        String rest() {
            return s.substring(Math.min(pos, s.length()));
        }
    }
}
