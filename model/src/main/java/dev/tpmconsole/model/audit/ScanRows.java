package dev.tpmconsole.model.audit;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Rows the live audit's key scan keeps to work out its candidates (decision 0026): per row, {@code width} keys, a
 * number and a byte of flags, in the order added. A key of 32 lower-case hexadecimal digits (every UUID ZStack makes)
 * is kept as two longs, as in a {@link KeySet}; any other key, or a NULL, apart. No object per row or per key: the
 * rows of TpmVO, the backups and the key refs of 100,000 VMs were 30 MB of records and Strings, which each young
 * collection of the audit copied again while the reads went on.
 *
 * <p>Filled by one thread, then read by others once the filling thread has handed it over (a future's completion).
 */
final class ScanRows {

    private final int width;
    private long[] pairs;
    private long[] numbers;
    private byte[] flags;
    private int size;
    /** The keys that are not kept as pairs, by {@code row * width + column}: another form of key, or null. */
    private final Map<Integer, String> others = new HashMap<>();

    ScanRows(int width) {
        this.width = width;
        int rows = 1024;
        pairs = new long[2 * width * rows];
        numbers = new long[rows];
        flags = new byte[rows];
    }

    /** Adds a row: its number, its flags and its {@code width} keys (as a driver's UTF-8 bytes, null for NULL). */
    void add(long number, int flagBits, byte[]... keys) {
        if (keys.length != width) {
            throw new IllegalArgumentException(keys.length + " keys for a width of " + width);
        }
        if (size == numbers.length) {
            int rows = 2 * size;
            pairs = Arrays.copyOf(pairs, 2 * width * rows);
            numbers = Arrays.copyOf(numbers, rows);
            flags = Arrays.copyOf(flags, rows);
        }
        for (int c = 0; c < width; c++) {
            byte[] key = keys[c];
            int at = size * width + c;
            if (key != null && KeySet.uuidShaped(key)) {
                pairs[2 * at] = KeySet.half(key, 0);
                pairs[2 * at + 1] = KeySet.half(key, 16);
            } else {
                others.put(at, key == null ? null : new String(key, StandardCharsets.UTF_8));
            }
        }
        numbers[size] = number;
        flags[size] = (byte) flagBits;
        size++;
    }

    int size() {
        return size;
    }

    long number(int row) {
        return numbers[check(row)];
    }

    /** Whether every bit of {@code bits} is set in the row's flags. */
    boolean flagged(int row, int bits) {
        return (flags[check(row)] & bits) == bits;
    }

    /** The row's key in {@code column}, as the String it was read as; null for NULL. */
    String key(int row, int column) {
        int at = at(row, column);
        if (others.containsKey(at)) {
            return others.get(at);
        }
        return KeySet.hex(pairs[2 * at], pairs[2 * at + 1]);
    }

    /** Whether {@code set} holds the row's key in {@code column} ({@link KeySet#contains(String)}: NULL never). */
    boolean in(int row, int column, KeySet set) {
        int at = at(row, column);
        if (others.containsKey(at)) {
            return set.contains(others.get(at));
        }
        return set.containsPair(pairs[2 * at], pairs[2 * at + 1]);
    }

    /** Adds the row's key in {@code column} to {@code set} (a NULL adds nothing). */
    void addTo(int row, int column, KeySet set) {
        int at = at(row, column);
        if (others.containsKey(at)) {
            set.add(others.get(at));
        } else {
            set.addPair(pairs[2 * at], pairs[2 * at + 1]);
        }
    }

    private int at(int row, int column) {
        if (column < 0 || column >= width) {
            throw new IndexOutOfBoundsException("column " + column + " of " + width);
        }
        return check(row) * width + column;
    }

    private int check(int row) {
        if (row < 0 || row >= size) {
            throw new IndexOutOfBoundsException("row " + row + " of " + size);
        }
        return row;
    }
}
