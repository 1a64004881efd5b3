package dev.tpmconsole.model.dump;

import dev.tpmconsole.model.i18n.LocalizedException;
import dev.tpmconsole.model.i18n.Message;
import dev.tpmconsole.model.schema.ColumnDef;
import dev.tpmconsole.model.schema.ColumnDef.ValueKind;
import dev.tpmconsole.model.schema.TableDef;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads mysqldump output (MariaDB's and MySQL's) in one streaming pass over bytes: comments, executable
 * {@code /*!...*}{@code /} sections, DELIMITER changes, CREATE TABLE, extended and single-row INSERTs (column
 * lists, backslash escapes, doubled quotes, {@code _binary} and other introducers, {@code 0x} and
 * {@code X'..'} hex, {@code b'..'} bits, NULL, numbers). The tables the {@link Handler} wants are parsed
 * value by value; the INSERTs of every other table are skipped by scanning for the end of their last line,
 * without tokenizing (mysqldump escapes line breaks inside values, so a statement line ending in ';' ends it).
 *
 * <p>It works on bytes, not characters: without {@code --hex-blob} a blob is written as its raw bytes, which
 * are not text; text values are decoded one by one in the dump's character set ({@code SET NAMES}).
 * Executable comments are read as comments (mysqldump writes only session settings, view definitions,
 * triggers and key switches in them); their {@code SET NAMES} and {@code SET TIME_ZONE} are noted.
 */
final class MysqlDumpReader {

    /** What the reader reports; the importer decides which tables it wants. */
    interface Handler {
        /** Whether the CREATE TABLE or INSERT of this table (in {@code database}, or null) is wanted. */
        boolean wants(String database, String table) throws DumpFormatException;

        /** A wanted CREATE TABLE. */
        void createTable(String database, DumpTable table) throws DumpFormatException;

        /**
         * Where the rows of a wanted INSERT go.
         *
         * @param columns the INSERT's column list, or null when it has none (then the CREATE TABLE says)
         */
        RowTarget insertInto(String database, String table, List<String> columns) throws DumpFormatException;

        /** Called as the input is read (once per buffer), for progress and cancellation. */
        void reading(long position) throws DumpFormatException;

        /** A table whose INSERT was skipped, with the bytes it took. */
        void skipped(String table, long bytes);
    }

    /**
     * Where the rows of one INSERT go, and how each of its values is kept: converted to its column's kind, and
     * refused when it is longer than its column's type allows (a database could not have held it).
     */
    abstract static class RowTarget {
        final String table;
        final TableDef def;
        /** Per value position of the dump's rows: index in the row passed to {@link #row}, or -1 to drop it. */
        final int[] slot;
        /** Per value position: the column it goes to (null where dropped). */
        final ColumnDef[] column;
        /** Per value position: the kind the value is converted to (null where dropped). */
        final ValueKind[] kind;
        /** Per value position: the most bytes of it to read, or -1 to read past it without keeping it. */
        final long[] readLimit;
        /**
         * Per value position: the most characters its column holds, or -1 for no such limit (or dropped). Worked out
         * once here: from the column's type at every value it was a fifth of the reader's time.
         */
        final long[] maxChars;
        /** Length of the rows passed to {@link #row}. */
        final int width;
        /** Rows of the table that earlier INSERTs held, to number rows in messages. */
        final long rowsBefore;

        /**
         * @param columns the INSERT's columns (its column list, or the CREATE TABLE's), mapped by name without
         *                case to {@code def}'s; those it lacks are dropped
         */
        RowTarget(TableDef def, List<String> columns, long rowsBefore) {
            this.table = def.name();
            this.def = def;
            this.width = def.columns().size();
            this.rowsBefore = rowsBefore;
            int n = columns.size();
            slot = new int[n];
            column = new ColumnDef[n];
            kind = new ValueKind[n];
            readLimit = new long[n];
            maxChars = new long[n];
            Map<String, Integer> byName = new HashMap<>();
            for (int j = width - 1; j >= 0; j--) {
                byName.put(def.columns().get(j).name().toLowerCase(Locale.ROOT), j);
            }
            for (int i = 0; i < n; i++) {
                Integer j = byName.get(columns.get(i).toLowerCase(Locale.ROOT));
                slot[i] = j == null ? -1 : j;
                column[i] = j == null ? null : def.columns().get(j);
                kind[i] = j == null ? null : column[i].kind();
                readLimit[i] = j == null ? -1 : readLimit(column[i]);
                maxChars[i] = j == null ? -1 : column[i].maxChars();
            }
        }

        /**
         * The most bytes of a value to read before it is known to be too long for its column: its byte limit, or
         * four bytes a character (utf8mb4's most) of its character limit.
         */
        private static long readLimit(ColumnDef c) {
            long chars = c.maxChars();
            if (chars >= 0) {
                return chars * 4;
            }
            long bytes = c.maxBytes();
            return bytes >= 0 ? bytes : Long.MAX_VALUE;
        }

        /** The primary key of a row as far as it was read (" (uuid 0a1b…)"), or "" when it was not yet. */
        String keyOf(Object[] row) {
            StringBuilder key = new StringBuilder();
            for (String k : def.primaryKey()) {
                int j = def.columnNames().indexOf(k);
                Object v = j < 0 ? null : row[j];
                if (v == null || v instanceof byte[]) {
                    return "";
                }
                key.append(key.length() == 0 ? " (" : ", ").append(k).append(' ').append(shorten(v.toString()));
            }
            return key.length() == 0 ? "" : key.append(')').toString();
        }

        /** One row, values in the snapshot's column order: String, Long, byte[] or null. */
        abstract void row(Object[] values) throws DumpFormatException;

        /** The INSERT statement ended. */
        void end() throws DumpFormatException {
        }
    }

    private static final int BUFFER = 1 << 18;
    /** Longest DELIMITER read (mysqldump writes ";;"): longer ones would make every byte a search. */
    static final int MAX_DELIMITER = 64;
    /** Longest statement text kept (a CREATE TABLE, a SET); ZStack's longest CREATE TABLE is a few KB. */
    static final int MAX_STATEMENT = 1 << 20;
    /** Longest name read (MariaDB's names have at most 64 characters). */
    static final int MAX_NAME = 1024;
    /** Longest keyword kept (longer words are no keyword, and are kept cut, for messages). */
    private static final int MAX_WORD = 64;
    private static final Pattern SET_NAMES = Pattern.compile("(?i)\\bSET\\s+NAMES\\s+'?(\\w+)'?");
    private static final Pattern SET_TIME_ZONE = Pattern.compile("(?i)\\bSET\\s+TIME_ZONE\\s*=\\s*'([^']*)'");

    private final InputStream in;
    private final Handler handler;
    private final byte[] buf = new byte[BUFFER];
    private int pos;
    private int lim;
    /** Offset in the (uncompressed) stream of buf[0]. */
    private long base;
    private boolean eof;

    private byte[] delimiter = {';'};
    private String database;
    private Charset charset = StandardCharsets.UTF_8;
    private String timeZone;
    private boolean sawHeader;
    private boolean sawCompleted;
    private String dumpKind;
    private boolean sawStatement;
    private String context = "the dump";

    /** A growable byte buffer for values that span buffers or hold escapes. */
    private byte[] scratch = new byte[4096];
    private int scratchLen;
    /** Result of {@link #readQuoted}: the value is buf[strStart, strStart + strLen) (no copy) or scratch. */
    private boolean strInBuf;
    private int strStart;
    private int strLen;

    /** The row being read, for the message about a value too long for its column. */
    private RowTarget rowTarget;
    private Object[] rowValues;
    private long rowInTable;
    private int valueIndex;

    MysqlDumpReader(InputStream in, Handler handler) {
        this.in = in;
        this.handler = handler;
    }

    /** The time zone the dump's timestamps are written in ({@code SET TIME_ZONE}), or null when it sets none. */
    String timeZone() {
        return timeZone;
    }

    /** Whether the dump starts with mysqldump's header comment ("-- MySQL dump", "-- MariaDB dump"). */
    boolean sawHeader() {
        return sawHeader;
    }

    /** Whether it ends with mysqldump's "-- Dump completed" comment. */
    boolean sawCompleted() {
        return sawCompleted;
    }

    /** Bytes of the (uncompressed) dump read so far. */
    long position() {
        return base + pos;
    }

    /** Reads the whole dump. */
    void read() throws IOException, DumpFormatException {
        if (ensure(3) && (buf[0] & 0xff) == 0xef && (buf[1] & 0xff) == 0xbb && (buf[2] & 0xff) == 0xbf) {
            pos = 3; // a byte order mark, left by an editor
        }
        while (true) {
            int b = skipSpace();
            if (b < 0) {
                break;
            }
            if (atDelimiter()) {
                pos += delimiter.length;
                continue;
            }
            statement(b);
            sawStatement = true;
        }
        context = "the dump";
    }

    // ------------------------------------------------------------------ statements

    private void statement(int first) throws IOException, DumpFormatException {
        long start = position();
        ensure(64);
        int at = pos;
        long atBase = base;
        if (!isWordStart(first)) {
            throw notADump(start, describe(at));
        }
        String keyword = word();
        switch (keyword) {
            case "INSERT", "REPLACE" -> insert(start);
            case "CREATE" -> create(start);
            case "USE" -> use();
            case "DELIMITER" -> delimiterCommand();
            case "SET" -> {
                context = "a SET statement";
                String text = "SET " + statementText();
                noteSettings(text);
            }
            case "DROP", "LOCK", "UNLOCK", "ALTER", "START", "BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE",
                 "FLUSH", "SELECT", "DO", "GRANT", "ANALYZE", "OPTIMIZE", "CHANGE" -> skipStatement(keyword);
            default -> {
                if (keyword.equals("PRAGMA")) {
                    throw notADump(start, "it is an SQLite script (PRAGMA; from the sqlite3 shell's .dump?)");
                }
                if (keyword.equals("COPY") || "PostgreSQL".equals(dumpKind)) {
                    throw notADump(start, "it is a PostgreSQL dump (pg_dump)");
                }
                throw notADump(start, base == atBase ? describe(at) : "\"" + keyword + " …\"");
            }
        }
    }

    private void insert(long start) throws IOException, DumpFormatException {
        context = "an INSERT";
        String word = word();
        while (word.equals("IGNORE") || word.equals("LOW_PRIORITY") || word.equals("DELAYED")
                || word.equals("HIGH_PRIORITY")) {
            word = word();
        }
        String table;
        if (word.equals("INTO")) {
            table = tableName();
        } else if (word.isEmpty()) {
            table = tableName();
        } else {
            table = word; // INSERT t VALUES: a bare table name read as a word (upper-cased): read it again below
            throw notADump(start, "an INSERT without INTO (" + table + ")");
        }
        if (!handler.wants(database, table)) {
            context = "the INSERT into " + shorten(table);
            long from = position();
            skipToLineEndingWithDelimiter();
            handler.skipped(table, position() - from);
            return;
        }
        context = "the INSERT into " + table;
        int b = skipSpace();
        List<String> columns = null;
        if (b == '(') {
            pos++;
            columns = new ArrayList<>();
            while (true) {
                b = skipSpace();
                if (b == ')') {
                    pos++;
                    break;
                }
                if (b == ',') {
                    pos++;
                    continue;
                }
                if (b < 0) {
                    throw truncated();
                }
                columns.add(identifier());
            }
        }
        String values = word();
        if (!values.equals("VALUES") && !values.equals("VALUE")) {
            throw notADump(start, "an INSERT into " + table + " that is not INSERT ... VALUES ("
                    + (values.isEmpty() ? describe(position()) : values) + ")");
        }
        RowTarget target = handler.insertInto(database, table, columns);
        rows(target);
        target.end();
    }

    private void rows(RowTarget t) throws IOException, DumpFormatException {
        long rowNumber = 0;
        final int[] slot = t.slot;
        final ValueKind[] kinds = t.kind;
        final long[] limits = t.readLimit;
        final long[] maxChars = t.maxChars;
        final int count = slot.length;
        while (true) {
            int b = skipSpace();
            if (b != '(') {
                if (b < 0) {
                    throw truncated();
                }
                throw malformed("a row of " + t.table + " should start with '(' but " + describe(position())
                        + " follows");
            }
            pos++;
            rowNumber++;
            Object[] row = new Object[t.width];
            rowTarget = t;
            rowValues = row;
            rowInTable = t.rowsBefore + rowNumber;
            int i = 0;
            while (true) {
                b = skipSpace();
                if (b == ')' && i == 0) {
                    break;
                }
                if (i >= count) {
                    throw malformed("row " + rowNumber + " of the INSERT into " + t.table + " has more than the "
                            + count + " values its columns say");
                }
                valueIndex = i;
                int s = slot[i];
                if (s < 0) {
                    value(null, b, -1);
                } else {
                    Object v = value(kinds[i], b, limits[i]);
                    long most = maxChars[i];
                    if (v instanceof String text && most >= 0 && text.length() > most
                            && text.codePointCount(0, text.length()) > most) {
                        throw tooLong();
                    }
                    row[s] = v;
                }
                i++;
                b = skipSpace();
                if (b == ',') {
                    pos++;
                } else if (b == ')') {
                    break;
                } else if (b < 0) {
                    throw truncated();
                } else {
                    throw malformed("row " + rowNumber + " of the INSERT into " + t.table + ": " + describe(position())
                            + " where ',' or ')' should follow a value");
                }
            }
            pos++; // ')'
            if (i != count) {
                throw malformed("row " + rowNumber + " of the INSERT into " + t.table + " has " + i + " values where its"
                        + " columns say " + count);
            }
            t.row(row);
            b = skipSpace();
            if (b == ',') {
                pos++;
            } else if (b >= 0 && atDelimiter()) {
                pos += delimiter.length;
                return;
            } else if (b < 0) {
                throw truncated();
            } else {
                throw notADump(position(), "the INSERT into " + t.table + " goes on with " + describe(position())
                        + " (only INSERT ... VALUES rows are read)");
            }
        }
    }

    private void create(long start) throws IOException, DumpFormatException {
        context = "a CREATE statement";
        String what = word();
        while (what.equals("OR") || what.equals("REPLACE") || what.equals("TEMPORARY") || what.equals("GLOBAL")) {
            what = word();
        }
        if (!what.equals("TABLE")) {
            skipStatement("CREATE " + what);
            return;
        }
        int b = skipSpace();
        String table = tableName();
        if (table.equals("IF") && b != '`') {
            // IF NOT EXISTS name
            word();
            word();
            table = tableName();
        }
        if (!handler.wants(database, table)) {
            skipStatement("CREATE TABLE");
            return;
        }
        context = "the CREATE TABLE of " + table;
        String text = statementText();
        try {
            handler.createTable(database, DumpTable.parse(table, text));
        } catch (IllegalArgumentException e) {
            throw malformed("the CREATE TABLE of " + table + ": " + e.getMessage());
        }
    }

    private void use() throws IOException, DumpFormatException {
        skipSpace();
        database = identifier();
        skipStatement("USE");
    }

    private void delimiterCommand() throws IOException, DumpFormatException {
        // a client command: the rest of the line is the new delimiter
        while (true) {
            if (pos >= lim && !fill()) {
                throw truncated();
            }
            if (buf[pos] == ' ' || buf[pos] == '\t') {
                pos++;
            } else {
                break;
            }
        }
        int start = scratchLen = 0;
        while (true) {
            if (pos >= lim && !fill()) {
                break;
            }
            byte c = buf[pos];
            if (c == '\n' || c == '\r') {
                break;
            }
            if (scratchLen - start > MAX_DELIMITER + 1) {
                throw malformed("a DELIMITER of more than " + MAX_DELIMITER + " bytes");
            }
            append(c);
            pos++;
        }
        String d = new String(scratch, start, scratchLen, StandardCharsets.US_ASCII).strip();
        if (d.isEmpty()) {
            throw malformed("a DELIMITER command without a delimiter");
        }
        if (d.length() > MAX_DELIMITER) {
            throw malformed("a DELIMITER of more than " + MAX_DELIMITER + " bytes");
        }
        delimiter = d.getBytes(StandardCharsets.US_ASCII);
    }

    // ------------------------------------------------------------------ skipping

    /**
     * Skips the rest of an INSERT of an unwanted table: reads lines until one ends (before its line break) with
     * the delimiter. mysqldump writes no line break inside a value, so this needs no tokenizing.
     */
    private void skipToLineEndingWithDelimiter() throws IOException, DumpFormatException {
        final byte last = delimiter[delimiter.length - 1];
        byte previous = 0;
        while (true) {
            if (pos >= lim && !fill()) {
                if (previous == last) {
                    return; // the file ends right after the statement, without a line break
                }
                throw truncated();
            }
            final byte[] b = buf;
            final int l = lim;
            int i = pos;
            while (i < l) {
                byte c = b[i];
                if (c == '\n') {
                    if (previous == last) {
                        pos = i + 1;
                        return;
                    }
                } else if (c != '\r') {
                    previous = c;
                }
                i++;
            }
            pos = l;
        }
    }

    /** Skips to the end of the current statement, honouring quotes and comments. */
    private void skipStatement(String what) throws IOException, DumpFormatException {
        context = "a " + what + " statement";
        statementText(false);
    }

    /** The rest of the statement as text (its delimiter consumed, not included). */
    private String statementText() throws IOException, DumpFormatException {
        return statementText(true);
    }

    private String statementText(boolean keep) throws IOException, DumpFormatException {
        scratchLen = 0;
        while (true) {
            if (keep && scratchLen > MAX_STATEMENT) {
                throw statementTooLong();
            }
            if (pos >= lim && !fill()) {
                throw truncated();
            }
            byte c = buf[pos];
            if (c == delimiter[0] && atDelimiter()) {
                pos += delimiter.length;
                return keep ? new String(scratch, 0, scratchLen, charset) : null;
            }
            if (c == '\'' || c == '"' || c == '`') {
                pos++;
                if (keep) {
                    append(c);
                }
                quotedRaw(c, keep);
            } else if (c == '-' && ensure(3) && buf[pos + 1] == '-' && isSpace(buf[pos + 2])
                    || c == '#') {
                skipLine();
            } else if (c == '/' && ensure(2) && buf[pos + 1] == '*') {
                pos += 2;
                blockComment(null);
            } else {
                if (keep) {
                    append(c);
                }
                pos++;
            }
        }
    }

    /** A quoted string or identifier whose opening quote was consumed, copied as written when asked. */
    private void quotedRaw(byte quote, boolean keep) throws IOException, DumpFormatException {
        while (true) {
            if (keep && scratchLen > MAX_STATEMENT) {
                throw statementTooLong();
            }
            if (pos >= lim && !fill()) {
                throw truncated();
            }
            byte c = buf[pos++];
            if (keep) {
                append(c);
            }
            if (c == '\\' && quote != '`') {
                if (pos >= lim && !fill()) {
                    throw truncated();
                }
                byte e = buf[pos++];
                if (keep) {
                    append(e);
                }
            } else if (c == quote) {
                if (pos >= lim && !fill()) {
                    return;
                }
                if (buf[pos] == quote) {
                    pos++;
                    if (keep) {
                        append(quote);
                    }
                } else {
                    return;
                }
            }
        }
    }

    // ------------------------------------------------------------------ values

    /**
     * Reads one value (its first byte {@code first} not consumed) as {@code kind}, or skips it (kind null, limit
     * -1: nothing of it is kept); a value of more than {@code limit} bytes is refused as soon as it has them.
     */
    private Object value(ValueKind kind, int first, long limit) throws IOException, DumpFormatException {
        switch (first) {
            case '\'' -> {
                readQuoted(limit);
                return convertString(kind);
            }
            case 'N', 'n' -> {
                String w = word();
                if (!w.equals("NULL")) {
                    throw malformed("unexpected " + w + " where a value should be");
                }
                return null;
            }
            case '0' -> {
                if (ensure(2) && (buf[pos + 1] == 'x' || buf[pos + 1] == 'X')) {
                    pos += 2;
                    readHex(-1, limit);
                    return convertBytes(kind);
                }
                return number(kind, limit);
            }
            case 'X', 'x' -> {
                if (ensure(2) && buf[pos + 1] == '\'') {
                    pos += 2;
                    readHex('\'', limit);
                    return convertBytes(kind);
                }
                throw malformed("unexpected " + describe(position()) + " where a value should be");
            }
            case 'b', 'B' -> {
                if (ensure(2) && buf[pos + 1] == '\'') {
                    pos += 2;
                    return bits(kind);
                }
                throw malformed("unexpected " + describe(position()) + " where a value should be");
            }
            case '_' -> {
                // an introducer: _binary '...', _utf8mb4 '...', _binary 0x...
                String charsetName = word();
                int b = skipSpace();
                if (b == '\'') {
                    readQuoted(limit);
                    return convertString(kind);
                }
                if (b == '0' || b == 'X' || b == 'x') {
                    return value(kind, b, limit);
                }
                throw malformed("unexpected " + describe(position()) + " after " + charsetName);
            }
            case 'T', 't', 'F', 'f' -> {
                String w = word();
                if (w.equals("TRUE") || w.equals("FALSE")) {
                    return kind == null ? null : convertNumberText(kind, w.equals("TRUE") ? "1" : "0");
                }
                throw malformed("unexpected " + w + " where a value should be");
            }
            default -> {
                if (first == '-' || first == '+' || first == '.' || (first >= '0' && first <= '9')) {
                    return number(kind, limit);
                }
                if (first < 0) {
                    throw truncated();
                }
                throw malformed("unexpected " + describe(position()) + " where a value should be");
            }
        }
    }

    private Object convertString(ValueKind kind) {
        if (kind == null) {
            return null;
        }
        switch (kind) {
            case BLOB -> {
                return strInBuf ? Arrays.copyOfRange(buf, strStart, strStart + strLen) : Arrays.copyOf(scratch, scratchLen);
            }
            case INTEGER -> {
                String text = text();
                return convertNumberText(kind, text);
            }
            default -> {
                return text();
            }
        }
    }

    private String text() {
        return strInBuf ? new String(buf, strStart, strLen, charset) : new String(scratch, 0, scratchLen, charset);
    }

    private Object convertBytes(ValueKind kind) {
        if (kind == null) {
            return null;
        }
        byte[] bytes = Arrays.copyOf(scratch, scratchLen);
        return switch (kind) {
            case BLOB -> bytes;
            case INTEGER -> {
                long v = 0;
                for (byte x : bytes) {
                    v = (v << 8) | (x & 0xff);
                }
                yield bytes.length <= 8 ? v : new java.math.BigInteger(1, bytes).toString();
            }
            default -> new String(bytes, charset);
        };
    }

    /** A number: a Long when it is an integer that fits, else its text (SQLite's affinity stores it). */
    private Object number(ValueKind kind, long limit) throws IOException, DumpFormatException {
        scratchLen = 0;
        while (true) {
            if (pos >= lim && !fill()) {
                break;
            }
            byte c = buf[pos];
            if ((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E') {
                if (scratchLen >= limit) {
                    if (limit >= 0) {
                        throw tooLong();
                    }
                    scratchLen = 0; // a value that is not kept
                }
                append(c);
                pos++;
            } else {
                break;
            }
        }
        if (kind == null) {
            return null;
        }
        String text = new String(scratch, 0, scratchLen, StandardCharsets.US_ASCII);
        return convertNumberText(kind, text);
    }

    private static Object convertNumberText(ValueKind kind, String text) {
        if (kind == ValueKind.INTEGER) {
            Long v = parseLong(text);
            return v != null ? v : text;
        }
        if (kind == ValueKind.BLOB) {
            return text.getBytes(StandardCharsets.US_ASCII);
        }
        return text;
    }

    private static Long parseLong(String text) {
        int n = text.length();
        if (n == 0 || n > 20) {
            return null;
        }
        int i = 0;
        boolean negative = false;
        if (text.charAt(0) == '-' || text.charAt(0) == '+') {
            negative = text.charAt(0) == '-';
            i = 1;
            if (n == 1) {
                return null;
            }
        }
        long v = 0;
        for (; i < n; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            long next = v * 10 + (c - '0');
            if (next < v || v > Long.MAX_VALUE / 10) {
                return null;
            }
            v = next;
        }
        return negative ? -v : v;
    }

    private Object bits(ValueKind kind) throws IOException, DumpFormatException {
        long v = 0;
        while (true) {
            if (pos >= lim && !fill()) {
                throw truncated();
            }
            byte c = buf[pos++];
            if (c == '\'') {
                break;
            }
            if (c != '0' && c != '1') {
                throw malformed("a bit value holds '" + (char) c + "'");
            }
            v = (v << 1) | (c - '0');
        }
        return kind == null ? null : kind == ValueKind.INTEGER ? (Object) v : convertNumberText(kind, Long.toString(v));
    }

    /**
     * Hex digits into scratch as bytes; up to {@code closing} (consumed) or, when -1, the first non-digit. An odd
     * number of digits reads as if a 0 led them, as MySQL does.
     */
    private void readHex(int closing, long limit) throws IOException, DumpFormatException {
        scratchLen = 0;
        long digits = 0;
        long mostDigits = limit < 0 ? -1 : limit * 2 + 1;
        while (true) {
            if (scratchLen > mostDigits) {
                if (mostDigits >= 0) {
                    throw tooLong();
                }
                scratchLen = 0; // a value that is not kept
            }
            if (pos >= lim && !fill()) {
                if (closing >= 0) {
                    throw truncated();
                }
                break;
            }
            int i = pos;
            final int l = lim;
            while (i < l && hexDigit(buf[i]) >= 0) {
                i++;
            }
            append(buf, pos, i - pos);
            digits += i - pos;
            pos = i;
            if (i < l) {
                if (closing >= 0) {
                    if (buf[pos] != closing) {
                        throw malformed("a hex value holds '" + (char) buf[pos] + "'");
                    }
                    pos++;
                }
                break;
            }
        }
        if (scratchLen > mostDigits && mostDigits >= 0) {
            throw tooLong();
        }
        int n = mostDigits < 0 ? 0 : scratchLen;
        if (digits == 0 && closing < 0) {
            throw malformed("0x without hex digits");
        }
        int in = 0;
        int out = 0;
        if ((n & 1) == 1) {
            scratch[out++] = (byte) hexDigit(scratch[in++]);
        }
        while (in < n) {
            scratch[out++] = (byte) ((hexDigit(scratch[in]) << 4) | hexDigit(scratch[in + 1]));
            in += 2;
        }
        scratchLen = out;
    }

    private static int hexDigit(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    /**
     * A quoted string (pos at its opening quote) with MySQL's escapes: \0 \b \n \r \t \Z \\ \' \" and a doubled
     * quote; \% and \_ keep their backslash; any other escaped character stands for itself. Leaves the value in
     * the buffer (no copy, {@link #strInBuf}) when it holds no escape and does not cross a buffer end.
     */
    private void readQuoted(long limit) throws IOException, DumpFormatException {
        pos++;
        scratchLen = 0;
        boolean copied = false;
        while (true) {
            if (scratchLen > limit) {
                if (limit >= 0) {
                    throw tooLong();
                }
                scratchLen = 0; // a value that is not kept: nothing of it needs holding
            }
            if (pos >= lim && !fill()) {
                throw truncated();
            }
            final byte[] b = buf;
            final int l = lim;
            final int start = pos;
            int i = start;
            while (i < l) {
                byte c = b[i];
                if (c == '\'' || c == '\\') {
                    break;
                }
                i++;
            }
            if (i == l) {
                append(b, start, i - start);
                copied = true;
                pos = i;
                continue;
            }
            if (b[i] == '\'') {
                if (i + 1 < l) {
                    if (b[i + 1] == '\'') {
                        append(b, start, i - start + 1);
                        copied = true;
                        pos = i + 2;
                        continue;
                    }
                    if (!copied) {
                        strInBuf = true;
                        strStart = start;
                        strLen = i - start;
                        pos = i + 1;
                        if (strLen > limit && limit >= 0) {
                            throw tooLong();
                        }
                        return;
                    }
                    append(b, start, i - start);
                    strInBuf = false;
                    pos = i + 1;
                    if (scratchLen > limit && limit >= 0) {
                        throw tooLong();
                    }
                    return;
                }
                // the quote is the last byte of the buffer: look at the next one
                append(b, start, i - start);
                pos = i;
                if (ensure(2) && buf[pos + 1] == '\'') {
                    append((byte) '\'');
                    pos += 2;
                    copied = true;
                    continue;
                }
                pos++;
                strInBuf = false;
                if (scratchLen > limit && limit >= 0) {
                    throw tooLong();
                }
                return;
            }
            // a backslash
            append(b, start, i - start);
            copied = true;
            pos = i + 1;
            if (pos >= lim && !fill()) {
                throw truncated();
            }
            byte e = buf[pos++];
            switch (e) {
                case '0' -> append((byte) 0);
                case 'b' -> append((byte) 8);
                case 'n' -> append((byte) '\n');
                case 'r' -> append((byte) '\r');
                case 't' -> append((byte) '\t');
                case 'Z' -> append((byte) 26);
                case '%', '_' -> {
                    append((byte) '\\');
                    append(e);
                }
                default -> append(e);
            }
        }
    }

    // ------------------------------------------------------------------ lexing

    /** Skips spaces and comments; returns the next byte (not consumed), or -1 at the end of the input. */
    private int skipSpace() throws IOException, DumpFormatException {
        while (true) {
            if (pos >= lim && !fill()) {
                return -1;
            }
            byte c = buf[pos];
            if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
                pos++;
                continue;
            }
            if (c == '-') {
                if (ensure(3) ? buf[pos + 1] == '-' && isSpace(buf[pos + 2])
                        : lim - pos == 2 && buf[pos + 1] == '-') {
                    lineComment();
                    continue;
                }
                return c;
            }
            if (c == '#') {
                skipLine();
                continue;
            }
            if (c == '/' && ensure(2) && buf[pos + 1] == '*') {
                pos += 2;
                boolean executable = ensure(1) && (buf[pos] == '!' || (buf[pos] == 'M' && ensure(2) && buf[pos + 1] == '!'));
                blockComment(executable ? new StringBuilder() : null);
                continue;
            }
            return c & 0xff;
        }
    }

    /** A "-- " comment: mysqldump's header and "Dump completed" trailer are noted. */
    private void lineComment() throws IOException, DumpFormatException {
        int start = scratchLen = 0;
        while (true) {
            if (pos >= lim && !fill()) {
                break;
            }
            byte c = buf[pos++];
            if (c == '\n') {
                break;
            }
            if (scratchLen - start < 200) {
                append(c);
            }
        }
        String text = new String(scratch, start, scratchLen, StandardCharsets.ISO_8859_1);
        if (!sawStatement && (text.startsWith("-- MySQL dump") || text.startsWith("-- MariaDB dump"))) {
            sawHeader = true;
        }
        if (!sawStatement && text.contains("PostgreSQL database dump")) {
            dumpKind = "PostgreSQL";
        }
        if (text.startsWith("-- Dump completed")) {
            sawCompleted = true;
        }
    }

    private void skipLine() throws IOException, DumpFormatException {
        while (true) {
            if (pos >= lim && !fill()) {
                return;
            }
            if (buf[pos++] == '\n') {
                return;
            }
        }
    }

    /** A comment whose "/*" was consumed; an executable one's text is collected to note its settings. */
    private void blockComment(StringBuilder text) throws IOException, DumpFormatException {
        byte previous = 0;
        while (true) {
            if (pos >= lim && !fill()) {
                throw truncated();
            }
            byte c = buf[pos++];
            if (previous == '*' && c == '/') {
                break;
            }
            if (text != null && text.length() < 4096) {
                text.append((char) (c & 0xff));
            }
            previous = c;
        }
        if (text != null) {
            noteSettings(text);
        }
    }

    /** Notes the character set and time zone a SET (in a statement or an executable comment) chooses. */
    private void noteSettings(CharSequence text) throws DumpFormatException {
        Matcher names = SET_NAMES.matcher(text);
        if (names.find()) {
            charset = charsetOf(names.group(1));
        }
        Matcher tz = SET_TIME_ZONE.matcher(text);
        if (tz.find()) {
            timeZone = tz.group(1);
        }
    }

    private Charset charsetOf(String name) throws DumpFormatException {
        String n = name.toLowerCase(Locale.ROOT);
        switch (n) {
            case "utf8", "utf8mb3", "utf8mb4" -> {
                return StandardCharsets.UTF_8;
            }
            case "latin1" -> {
                return Charset.forName("windows-1252");
            }
            case "ascii" -> {
                return StandardCharsets.US_ASCII;
            }
            case "binary" -> {
                return StandardCharsets.ISO_8859_1;
            }
            default -> throw new DumpFormatException(dev.tpmconsole.model.source.SourceException.Reason.UNSUPPORTED,
                    "is written in the character set " + shorten(name) + ", which the import does not read; make the dump with mysqldump"
                            + " --default-character-set=utf8mb4");
        }
    }

    /** A keyword, upper-cased (ASCII letters, digits, underscores); empty when none starts here. */
    private String word() throws IOException, DumpFormatException {
        int b = skipSpace();
        if (b < 0 || !isWordStart(b)) {
            return "";
        }
        scratchLen = 0;
        while (true) {
            if (pos >= lim && !fill()) {
                break;
            }
            byte c = buf[pos];
            if (isWordPart(c)) {
                if (scratchLen < MAX_WORD) {
                    append((byte) (c >= 'a' && c <= 'z' ? c - 32 : c));
                }
                pos++;
            } else {
                break;
            }
        }
        return new String(scratch, 0, scratchLen, StandardCharsets.US_ASCII);
    }

    /** `name` or a bare name (kept as written); for db.table the table. */
    private String tableName() throws IOException, DumpFormatException {
        skipSpace();
        String name = identifier();
        int b = skipSpace();
        if (b == '.') {
            pos++;
            skipSpace();
            name = identifier();
        }
        return name;
    }

    private String identifier() throws IOException, DumpFormatException {
        int b = skipSpace();
        if (b < 0) {
            throw truncated();
        }
        scratchLen = 0;
        if (b == '`' || b == '"') {
            byte quote = (byte) b;
            pos++;
            while (true) {
                if (pos >= lim && !fill()) {
                    throw truncated();
                }
                byte c = buf[pos++];
                if (c == quote) {
                    if ((pos < lim || fill()) && buf[pos] == quote) {
                        append(quote);
                        pos++;
                        continue;
                    }
                    break;
                }
                append(c);
                if (scratchLen > MAX_NAME) {
                    throw nameTooLong();
                }
            }
            return new String(scratch, 0, scratchLen, charset);
        }
        while (true) {
            if (pos >= lim && !fill()) {
                break;
            }
            byte c = buf[pos];
            if (isWordPart(c) || c == '$' || (c & 0x80) != 0) {
                append(c);
                pos++;
                if (scratchLen > MAX_NAME) {
                    throw nameTooLong();
                }
            } else {
                break;
            }
        }
        if (scratchLen == 0) {
            throw malformed("a name was expected but " + describe(position()) + " follows");
        }
        return new String(scratch, 0, scratchLen, charset);
    }

    private DumpFormatException nameTooLong() {
        return malformed("a name of more than " + String.format("%,d", MAX_NAME) + " bytes, in " + context);
    }

    private boolean atDelimiter() throws IOException {
        if (!ensure(delimiter.length)) {
            return false;
        }
        for (int i = 0; i < delimiter.length; i++) {
            if (buf[pos + i] != delimiter[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isWordStart(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
    }

    private static boolean isWordPart(byte c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    }

    private static boolean isSpace(byte c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    // ------------------------------------------------------------------ buffer

    /** Makes at least one unread byte available; false at the end of the input. */
    private boolean fill() throws IOException, DumpFormatException {
        if (pos < lim) {
            return true;
        }
        if (eof) {
            return false;
        }
        base += lim;
        pos = 0;
        lim = 0;
        int n;
        do {
            n = read(0);
        } while (n == 0);
        if (n < 0) {
            eof = true;
            return false;
        }
        lim = n;
        handler.reading(base);
        return true;
    }

    /** Makes at least {@code k} unread bytes available (moving the unread ones to the front); false at the end. */
    private boolean ensure(int k) throws IOException {
        if (lim - pos >= k) {
            return true;
        }
        if (eof) {
            return false;
        }
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, lim - pos);
            base += pos;
            lim -= pos;
            pos = 0;
        }
        while (lim < k && lim < buf.length) {
            int n = read(lim);
            if (n < 0) {
                eof = true;
                break;
            }
            lim += n;
        }
        return lim - pos >= k;
    }

    private int read(int offset) throws IOException {
        try {
            return in.read(buf, offset, buf.length - offset);
        } catch (EOFException e) {
            throw new EOFException("the compressed data ends early: " + e.getMessage());
        }
    }

    private void append(byte c) {
        if (scratchLen == scratch.length) {
            scratch = Arrays.copyOf(scratch, scratch.length * 2);
        }
        scratch[scratchLen++] = c;
    }

    private void append(byte[] b, int off, int len) {
        if (scratchLen + len > scratch.length) {
            scratch = Arrays.copyOf(scratch, Math.max(scratch.length * 2, scratchLen + len));
        }
        System.arraycopy(b, off, scratch, scratchLen, len);
        scratchLen += len;
    }

    // ------------------------------------------------------------------ errors

    private DumpFormatException statementTooLong() {
        return malformed(context + " of more than " + String.format("%,d", MAX_STATEMENT) + " bytes");
    }

    private DumpFormatException truncated() {
        return DumpFormatException.truncated(Message.of("dump.endsInside", DumpFormatException.oneLine(context),
                position()));
    }

    /** The value being read is longer than its column allows: which row (and key) of which table, which column. */
    private DumpFormatException tooLong() {
        RowTarget t = rowTarget;
        ColumnDef c = t.column[valueIndex];
        long chars = c.maxChars();
        Message most = chars >= 0 ? Message.of("dump.tooLong.chars", chars) : Message.of("dump.tooLong.bytes",
                c.maxBytes());
        return new DumpFormatException(dev.tpmconsole.model.source.SourceException.Reason.CORRUPT,
                Message.of("dump.tooLong", position(), rowInTable, DumpFormatException.oneLine(t.table),
                        DumpFormatException.oneLine(t.keyOf(rowValues)), DumpFormatException.oneLine(c.name()), most,
                        c.mysqlType()));
    }

    /** Text from the dump for a message: at most 64 characters. */
    static String shorten(String text) {
        return text.length() <= 64 ? text : text.substring(0, 61) + "…";
    }

    private DumpFormatException malformed(String what) {
        return new DumpFormatException(dev.tpmconsole.model.source.SourceException.Reason.CORRUPT,
                Message.of("dump.malformed", position(), LocalizedException.verbatim(DumpFormatException.oneLine(what))));
    }

    /** {@code what}: what is there instead, e.g. a quoted start of the text, or "binary data". */
    private DumpFormatException notADump(long at, String what) {
        Message shown = LocalizedException.verbatim(DumpFormatException.oneLine(what));
        if (!sawStatement && !sawHeader) {
            return DumpFormatException.notADump(Message.of(what.startsWith("it ") ? "dump.notDump"
                    : "dump.notDump.startsWith", shown));
        }
        return DumpFormatException.notADump(Message.of(what.startsWith("it ") ? "dump.notPlain" : "dump.notPlain.holds",
                at, shown));
    }

    private String describe(long at) {
        return describe(pos);
    }

    /** A short, printable description of what is in the buffer from {@code from}. */
    private String describe(int from) {
        int n = Math.min(40, lim - from);
        if (n <= 0) {
            return "the end of the file";
        }
        for (int i = 0; i < n; i++) {
            int c = buf[from + i] & 0xff;
            if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0x7f) {
                return "binary data";
            }
        }
        String text = new String(buf, from, n, StandardCharsets.UTF_8).replaceAll("\\s+", " ").strip();
        int cut = text.indexOf(' ', Math.min(text.length(), 24));
        return "\"" + (cut > 0 ? text.substring(0, cut) + " …" : text) + "\"";
    }
}
