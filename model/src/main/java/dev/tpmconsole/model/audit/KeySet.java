package dev.tpmconsole.model.audit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A set of keys compared exactly ({@link String#equals}), small in memory for ZStack's keys: a key of 32 lower-case
 * hexadecimal digits (every UUID ZStack makes) is kept as two longs in an open-addressing table, 16 bytes instead of a
 * String's 80 or so; any other key (upper case, another length, another character) in a plain HashSet. The two forms
 * never meet: a key has exactly one.
 *
 * <p>A set is filled first and asked after: the keys added before the first question are only collected, in chunks
 * written one after the other, and the table is made once, at its final size, when the first question comes (or
 * {@link #seal()}). Grown by doubling, the tables of the live audit's key scan (decision 0026) went through 62 MB of
 * arrays, each larger than G1's region allocated apart, zeroed and faulted in, and every key was placed again at each
 * doubling, each time at a random place in memory. Keys added after that go into the table, which grows as it must.
 *
 * <p>Not thread-safe while it is filled; once sealed (by {@link #seal()} or by a first question, which seals it under a
 * lock), any number of threads may ask it, as long as no key is added while they do. Null is never a member.
 */
final class KeySet {

    private static final long EMPTY = 0L;
    /**
     * The fewest slots of a table (a slot holds a pair). A table is made with at most half its slots used, and grows
     * (doubles) when a key added later would pass that.
     */
    private static final int MIN_SLOTS = 16;
    /** Keys collected in the first chunk; each next one holds twice as many, up to {@link #CHUNK}. */
    private static final int FIRST_CHUNK = 32;
    /** Keys collected in a chunk at most: 128 KB, well under a G1 region's half (the smallest region is 1 MB). */
    private static final int CHUNK = 8 * 1024;
    /** Stands for the key whose both halves are 0 (the EMPTY marker in the first half). */
    private boolean hasZero;
    /** Pairs (high, low) collected before the table is made: null once it is. */
    private List<long[]> chunks = new ArrayList<>();
    /** Longs written in the last chunk. */
    private int lastFill;
    private int collected;
    private volatile boolean sealed;
    private long[] slots;
    private int compact;
    private final Set<String> others = new HashSet<>();

    void add(String key) {
        if (key == null) {
            return;
        }
        byte[] b = digits(key);
        if (b == null) {
            others.add(key);
            return;
        }
        addPair(half(b, 0), half(b, 16));
    }

    /** Adds the key whose digits' two halves are {@code hi} and {@code lo} (see {@link #half}). */
    void addPair(long hi, long lo) {
        if (hi == EMPTY && lo == EMPTY) {
            hasZero = true;
            return;
        }
        if (chunks != null) {
            long[] last = chunks.isEmpty() ? null : chunks.get(chunks.size() - 1);
            if (last == null || lastFill == last.length) {
                last = new long[last == null ? 2 * FIRST_CHUNK : Math.min(2 * CHUNK, 2 * last.length)];
                chunks.add(last);
                lastFill = 0;
            }
            last[lastFill++] = hi;
            last[lastFill++] = lo;
            collected++;
            return;
        }
        if ((compact + 1) * 2 > slots.length / 2) {
            slots = rehash(slots, slots.length * 2);
        }
        if (put(slots, hi, lo)) {
            compact++;
        }
    }

    /**
     * Makes the table of the keys collected so far, at the size they need; the set may then be asked from any thread.
     * Returns this set.
     */
    KeySet seal() {
        if (!sealed) {
            synchronized (this) {
                if (!sealed) {
                    int want = Math.max(MIN_SLOTS, 2 * collected); // duplicates counted: a little room to spare
                    long[] table = new long[2 * (Integer.highestOneBit(want - 1) << 1)];
                    for (int c = 0; c < chunks.size(); c++) {
                        long[] chunk = chunks.get(c);
                        int used = c == chunks.size() - 1 ? lastFill : chunk.length;
                        for (int i = 0; i < used; i += 2) {
                            if (put(table, chunk[i], chunk[i + 1])) {
                                compact++;
                            }
                        }
                    }
                    slots = table;
                    chunks = null;
                    sealed = true;
                }
            }
        }
        return this;
    }

    boolean contains(String key) {
        if (key == null) {
            return false;
        }
        seal();
        byte[] b = digits(key);
        if (b == null) {
            return others.contains(key);
        }
        return containsPair(half(b, 0), half(b, 16));
    }

    /** Whether the set holds the key whose digits' two halves are {@code hi} and {@code lo}. */
    boolean containsPair(long hi, long lo) {
        if (hi == EMPTY && lo == EMPTY) {
            return hasZero;
        }
        seal();
        int mask = slots.length / 2 - 1;
        for (int i = index(hi, lo, mask); ; i = (i + 1) & mask) {
            long h = slots[2 * i];
            long l = slots[2 * i + 1];
            if (h == EMPTY && l == EMPTY) {
                return false;
            }
            if (h == hi && l == lo) {
                return true;
            }
        }
    }

    /**
     * Adds a key given as its UTF-8 bytes (as a driver reads it, without making a String of it first: the live audit's
     * key scan reads hundreds of thousands).
     */
    void add(byte[] utf8) {
        if (utf8 == null) {
            return;
        }
        if (!uuidShaped(utf8)) {
            others.add(new String(utf8, java.nio.charset.StandardCharsets.UTF_8));
            return;
        }
        addPair(half(utf8, 0), half(utf8, 16));
    }

    /**
     * Whether the set holds the key given as its UTF-8 bytes (as a driver reads it): the same answer as
     * {@link #contains(String)} for the String those bytes make, without making it.
     */
    boolean contains(byte[] utf8) {
        if (utf8 == null) {
            return false;
        }
        seal();
        if (!uuidShaped(utf8)) {
            return others.contains(new String(utf8, java.nio.charset.StandardCharsets.UTF_8));
        }
        return containsPair(half(utf8, 0), half(utf8, 16));
    }

    /** Gives {@code action} each key of this set that none of {@code sets} holds, in no particular order. */
    void forEachNotIn(List<KeySet> sets, java.util.function.Consumer<String> action) {
        seal();
        KeySet[] in = sets.toArray(KeySet[]::new);
        if (hasZero && !anyHolds(in, EMPTY, EMPTY)) {
            action.accept("0".repeat(32));
        }
        for (int i = 0; i < slots.length; i += 2) {
            long hi = slots[i];
            long lo = slots[i + 1];
            if ((hi != EMPTY || lo != EMPTY) && !anyHolds(in, hi, lo)) {
                action.accept(hex(hi, lo));
            }
        }
        for (String key : others) {
            boolean held = false;
            for (KeySet set : in) {
                held |= set.others.contains(key);
            }
            if (!held) {
                action.accept(key);
            }
        }
    }

    private static boolean anyHolds(KeySet[] sets, long hi, long lo) {
        for (KeySet set : sets) {
            if (set.containsPair(hi, lo)) {
                return true;
            }
        }
        return false;
    }

    int size() {
        seal();
        return compact + (hasZero ? 1 : 0) + others.size();
    }

    /** The pairs of {@code old} in a new table of {@code length} longs. */
    private static long[] rehash(long[] old, int length) {
        long[] bigger = new long[length];
        for (int i = 0; i < old.length; i += 2) {
            if (old[i] != EMPTY || old[i + 1] != EMPTY) {
                put(bigger, old[i], old[i + 1]);
            }
        }
        return bigger;
    }

    /** Puts a non-empty pair into {@code table}; false when it was there. */
    private static boolean put(long[] table, long hi, long lo) {
        int mask = table.length / 2 - 1;
        for (int i = index(hi, lo, mask); ; i = (i + 1) & mask) {
            long h = table[2 * i];
            long l = table[2 * i + 1];
            if (h == EMPTY && l == EMPTY) {
                table[2 * i] = hi;
                table[2 * i + 1] = lo;
                return true;
            }
            if (h == hi && l == lo) {
                return false;
            }
        }
    }

    private static int index(long hi, long lo, int mask) {
        long h = hi * 0x9E3779B97F4A7C15L ^ lo * 0xC2B2AE3D27D4EB4FL;
        return (int) (h ^ (h >>> 29)) & mask;
    }

    /** The value of each lower-case hexadecimal digit, -1 for every other byte. */
    private static final byte[] DIGIT = new byte[256];
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    static {
        java.util.Arrays.fill(DIGIT, (byte) -1);
        for (int i = 0; i < 16; i++) {
            DIGIT[HEX[i]] = (byte) i;
        }
    }

    /**
     * The bytes of a key of 32 lower-case hexadecimal digits, or null for any other key. One copy of the key's bytes (a
     * character beyond Latin-1 becomes '?', which is not a digit): a String's characters read one by one cost the
     * quick compiler's code several times more (the live audit's key scan, decision 0026).
     */
    static byte[] digits(String key) {
        if (key.length() != 32) {
            return null;
        }
        byte[] b = key.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        return allDigits(b) ? b : null;
    }

    /** Whether UTF-8 bytes are a key of 32 lower-case hexadecimal digits, kept as two halves. */
    static boolean uuidShaped(byte[] utf8) {
        return utf8.length == 32 && allDigits(utf8);
    }

    private static boolean allDigits(byte[] b) {
        for (byte c : b) {
            if (DIGIT[c & 0xff] < 0) {
                return false;
            }
        }
        return true;
    }

    /** The value of the 16 hexadecimal digits from {@code from} on. */
    static long half(byte[] digits, int from) {
        long v = 0;
        for (int i = from; i < from + 16; i++) {
            v = v << 4 | DIGIT[digits[i] & 0xff];
        }
        return v;
    }

    /** The key of 32 digits whose halves are {@code hi} and {@code lo}. */
    static String hex(long hi, long lo) {
        char[] c = new char[32];
        for (int i = 15; i >= 0; i--) {
            c[i] = HEX[(int) (hi & 15)];
            c[i + 16] = HEX[(int) (lo & 15)];
            hi >>>= 4;
            lo >>>= 4;
        }
        return new String(c);
    }
}
