package dev.tpmconsole.model.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/**
 * Damaged and hostile variants of real dumps, for the import's fault suite: cut at a random offset, bytes
 * flipped, lines of megabytes without a line break (between statements, inside an INSERT, inside a string
 * value, as a number or hex value, as a DELIMITER), invalid UTF-8 in values, and gzip'd dumps truncated, with a
 * corrupted CRC or body, or with garbage after the gzip data. Mutant {@code i} of seed {@code s} is always the
 * same bytes, whatever else was generated, so a failure is reproduced from the two numbers.
 */
public final class DumpMutants {

    /** One mutant: what was done to which seed dump (printed on failure), its bytes and a file name for them. */
    public record Mutant(int index, String description, byte[] bytes, String fileName) {
        @Override
        public String toString() {
            return "mutant " + index + " (" + description + ", " + String.format("%,d", bytes.length) + " bytes)";
        }
    }

    private static final String[] KINDS = {"cut", "flip", "long line between statements", "long line in an INSERT",
        "long string value", "long number value", "long hex value", "invalid UTF-8 in values", "long DELIMITER",
        "gzip truncated", "gzip CRC corrupted", "gzip body corrupted", "gzip with garbage after it", "cut, then gzip"};

    private final List<String> names;
    private final List<byte[]> seeds;
    private final long seed;

    /** @param seeds plain (not gzip'd) dumps by name, the material of the mutants */
    public DumpMutants(Map<String, byte[]> seeds, long seed) {
        this.names = List.copyOf(new LinkedHashMap<>(seeds).keySet());
        this.seeds = List.copyOf(new LinkedHashMap<>(seeds).values());
        this.seed = seed;
        if (this.seeds.isEmpty()) {
            throw new IllegalArgumentException("no seed dump");
        }
    }

    public Mutant mutant(int index) {
        SplittableRandom r = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (index + 1)));
        int which = r.nextInt(seeds.size());
        byte[] dump = seeds.get(which);
        String kind = KINDS[r.nextInt(KINDS.length)];
        StringBuilder what = new StringBuilder(kind).append(" of ").append(names.get(which));
        byte[] out = switch (kind) {
            case "cut" -> cut(dump, r, what);
            case "flip" -> flip(dump, r, 1 + r.nextInt(16), 0, dump.length, what);
            case "long line between statements" -> insert(dump, lineStart(dump, r), longLine(r, what), what);
            case "long line in an INSERT" -> insert(dump, insideInsert(dump, r), longLine(r, what), what);
            case "long string value" -> insert(dump, insideString(dump, r), longText(r, what), what);
            case "long number value" -> replaceNull(dump, r, digits(r, what), what);
            case "long hex value" -> replaceNull(dump, r, hex(r, what), what);
            case "invalid UTF-8 in values" -> invalidUtf8(dump, r, what);
            case "long DELIMITER" -> insert(dump, lineStart(dump, r),
                    concat(ascii("DELIMITER "), letters(r, megabytes(r, what)), ascii("\n")), what);
            case "gzip truncated" -> cut(gzip(dump), r, what);
            case "gzip CRC corrupted" -> {
                byte[] gz = gzip(dump);
                yield flip(gz, r, 1 + r.nextInt(3), gz.length - 8, gz.length, what);
            }
            case "gzip body corrupted" -> {
                byte[] gz = gzip(dump);
                yield flip(gz, r, 1 + r.nextInt(8), 10, gz.length - 8, what);
            }
            case "gzip with garbage after it" -> {
                byte[] garbage = new byte[1 + r.nextInt(4096)];
                r.nextBytes(garbage);
                if (r.nextBoolean()) {
                    garbage[0] = 0x1f; // the start of a second gzip member that is not one
                    garbage[Math.min(1, garbage.length - 1)] = (byte) 0x8b;
                }
                what.append(", ").append(garbage.length).append(" bytes of garbage appended");
                yield concat(gzip(dump), garbage);
            }
            case "cut, then gzip" -> gzip(cut(dump, r, what));
            default -> throw new IllegalStateException(kind);
        };
        boolean gz = out.length > 1 && (out[0] & 0xff) == 0x1f && (out[1] & 0xff) == 0x8b;
        return new Mutant(index, what.toString(), out, "mutant-" + index + (gz ? ".sql.gz" : ".sql"));
    }

    // ---------------------------------------------------------------- mutations

    private static byte[] cut(byte[] data, SplittableRandom r, StringBuilder what) {
        int at = r.nextInt(Math.max(1, data.length));
        what.append(", cut at byte ").append(at);
        return java.util.Arrays.copyOf(data, at);
    }

    private static byte[] flip(byte[] data, SplittableRandom r, int count, int from, int to, StringBuilder what) {
        byte[] out = data.clone();
        what.append(", bytes changed at");
        for (int i = 0; i < count && to > from; i++) {
            int at = from + r.nextInt(to - from);
            out[at] ^= (byte) (1 + r.nextInt(255));
            what.append(' ').append(at);
        }
        return out;
    }

    private static byte[] insert(byte[] data, int at, byte[] what, StringBuilder description) {
        description.append(", inserted at byte ").append(at);
        return concat(java.util.Arrays.copyOf(data, at), what, java.util.Arrays.copyOfRange(data, at, data.length));
    }

    /** Replaces a NULL value of an INSERT with {@code value} (or inserts it after "VALUES (" when none). */
    private static byte[] replaceNull(byte[] data, SplittableRandom r, byte[] value, StringBuilder what) {
        List<Integer> nulls = find(data, ascii(",NULL"));
        if (nulls.isEmpty()) {
            return insert(data, insideInsert(data, r), value, what);
        }
        int at = nulls.get(r.nextInt(nulls.size())) + 1;
        what.append(", in place of the NULL at byte ").append(at);
        return concat(java.util.Arrays.copyOf(data, at), value, java.util.Arrays.copyOfRange(data, at + 4, data.length));
    }

    private static byte[] invalidUtf8(byte[] data, SplittableRandom r, StringBuilder what) {
        byte[][] bad = {{(byte) 0xc0, (byte) 0x80}, {(byte) 0xff}, {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, {(byte) 0x80},
            {(byte) 0xe2, (byte) 0x82}, {(byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0xfe}};
        byte[] out = data;
        int count = 1 + r.nextInt(10);
        StringBuilder at = new StringBuilder();
        for (int i = 0; i < count; i++) {
            int pos = insideString(out, r);
            out = concat(java.util.Arrays.copyOf(out, pos), bad[r.nextInt(bad.length)],
                    java.util.Arrays.copyOfRange(out, pos, out.length));
            at.append(' ').append(pos);
        }
        what.append(", ").append(count).append(" invalid sequences at").append(at);
        return out;
    }

    // ---------------------------------------------------------------- where

    private static int lineStart(byte[] data, SplittableRandom r) {
        List<Integer> starts = find(data, new byte[] {'\n'});
        return starts.isEmpty() ? 0 : starts.get(r.nextInt(starts.size())) + 1;
    }

    /** Just after "VALUES " or between two rows of an INSERT. */
    private static int insideInsert(byte[] data, SplittableRandom r) {
        List<Integer> places = find(data, ascii("VALUES "));
        List<Integer> between = find(data, ascii("),("));
        if (!between.isEmpty() && (places.isEmpty() || r.nextBoolean())) {
            return between.get(r.nextInt(between.size())) + 2;
        }
        return places.isEmpty() ? lineStart(data, r) : places.get(r.nextInt(places.size())) + 7;
    }

    /** Just after the opening quote of a value ("('" or ",'"). */
    private static int insideString(byte[] data, SplittableRandom r) {
        List<Integer> places = find(data, ascii(",'"));
        places.addAll(find(data, ascii("('")));
        return places.isEmpty() ? lineStart(data, r) : places.get(r.nextInt(places.size())) + 2;
    }

    /** Offsets of {@code needle}. */
    private static List<Integer> find(byte[] data, byte[] needle) {
        List<Integer> out = new ArrayList<>();
        outer:
        for (int i = 0; i + needle.length <= data.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            out.add(i);
        }
        return out;
    }

    // ---------------------------------------------------------------- what

    private static int megabytes(SplittableRandom r, StringBuilder what) {
        int n = (1 << 20) + r.nextInt(3 << 20);
        what.append(", ").append(String.format("%,d", n)).append(" bytes");
        return n;
    }

    /** A line of megabytes without a line break, of one of several kinds of filler. */
    private static byte[] longLine(SplittableRandom r, StringBuilder what) {
        int n = megabytes(r, what);
        String[] fillers = {"letters", "spaces", "digits", "comment", "open block comment", "open quote", "parentheses",
            "random bytes", "commas", "backslashes"};
        String filler = fillers[r.nextInt(fillers.length)];
        what.append(" of ").append(filler);
        return switch (filler) {
            case "letters" -> letters(r, n);
            case "spaces" -> repeat((byte) ' ', n);
            case "digits" -> digits(r, n);
            case "comment" -> concat(ascii("-- "), letters(r, n));
            case "open block comment" -> concat(ascii("/* "), letters(r, n));
            case "open quote" -> concat(ascii("'"), letters(r, n));
            case "parentheses" -> repeat((byte) '(', n);
            case "commas" -> repeat((byte) ',', n);
            case "backslashes" -> repeat((byte) '\\', n);
            default -> {
                byte[] b = new byte[n];
                r.nextBytes(b);
                for (int i = 0; i < n; i++) {
                    if (b[i] == '\n') {
                        b[i] = ' ';
                    }
                }
                yield b;
            }
        };
    }

    /** Text for inside a quoted value: letters, or letters with escapes and doubled quotes. */
    private static byte[] longText(SplittableRandom r, StringBuilder what) {
        int n = megabytes(r, what);
        byte[] b = letters(r, n);
        if (r.nextBoolean()) {
            what.append(" with escapes");
            for (int i = 0; i + 1 < n; i += 1 + r.nextInt(64)) {
                b[i] = r.nextBoolean() ? (byte) '\\' : (byte) '\'';
                b[i + 1] = b[i] == '\\' ? (byte) "n0'\\tZ".charAt(r.nextInt(6)) : (byte) '\'';
                i++;
            }
        }
        return b;
    }

    private static byte[] digits(SplittableRandom r, StringBuilder what) {
        return digits(r, megabytes(r, what));
    }

    private static byte[] digits(SplittableRandom r, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) ('0' + r.nextInt(10));
        }
        b[0] = '1';
        return b;
    }

    private static byte[] hex(SplittableRandom r, StringBuilder what) {
        int n = megabytes(r, what);
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) "0123456789abcdef".charAt(r.nextInt(16));
        }
        return concat(ascii("0x"), b);
    }

    private static byte[] letters(SplittableRandom r, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) ('a' + r.nextInt(26));
        }
        return b;
    }

    private static byte[] repeat(byte c, int n) {
        byte[] b = new byte[n];
        java.util.Arrays.fill(b, c);
        return b;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    public static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
