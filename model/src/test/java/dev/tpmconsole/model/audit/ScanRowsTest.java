package dev.tpmconsole.model.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ScanRowsTest {

    private static byte[] utf8(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void eachRowGivesBackItsKeysNumberAndFlagsAsTheyWereRead() {
        Random r = new Random(5);
        List<String[]> keys = new ArrayList<>();
        ScanRows rows = new ScanRows(2);
        // past the first arrays' size (1,024 rows), with keys of every form among the UUIDs
        for (int i = 0; i < 5000; i++) {
            String a = String.format("%016x%016x", r.nextLong(), r.nextLong());
            String b = switch (i % 7) {
                case 0 -> null;
                case 1 -> "0".repeat(32);
                case 2 -> a.toUpperCase();
                case 3 -> "云主机" + i;
                case 4 -> a.substring(1) + " ";
                default -> String.format("%016x%016x", r.nextLong(), r.nextLong());
            };
            keys.add(new String[] {a, b});
            rows.add(i * 3L, i & 7, utf8(a), utf8(b));
        }
        assertThat(rows.size()).isEqualTo(5000);
        for (int i = 0; i < 5000; i++) {
            assertThat(rows.key(i, 0)).isEqualTo(keys.get(i)[0]);
            assertThat(rows.key(i, 1)).as("row %d", i).isEqualTo(keys.get(i)[1]);
            assertThat(rows.number(i)).isEqualTo(i * 3L);
            assertThat(rows.flagged(i, 1)).isEqualTo((i & 1) != 0);
            assertThat(rows.flagged(i, 2 | 4)).isEqualTo((i & 6) == 6);
            assertThat(rows.flagged(i, 0)).isTrue();
        }
    }

    @Test
    void aRowsKeyIsInASetExactlyWhenTheSetHoldsItsString() {
        ScanRows rows = new ScanRows(1);
        List<String> keys = Arrays.asList("0123456789abcdef0123456789abcdef", "0123456789ABCDEF0123456789ABCDEF",
                "0".repeat(32), "vm_tpm", "0123456789abcdef0123456789abcde ", null,
                "fedcba9876543210fedcba9876543210");
        for (String k : keys) {
            rows.add(0, 0, utf8(k));
        }
        KeySet set = new KeySet();
        set.add("0123456789abcdef0123456789abcdef");
        set.add("0".repeat(32));
        set.add("vm_tpm");
        set.add("0123456789abcdef0123456789abcde");
        for (int i = 0; i < keys.size(); i++) {
            String k = keys.get(i);
            assertThat(rows.in(i, 0, set)).as(String.valueOf(k)).isEqualTo(k != null && set.contains(k));
        }
        // added to a set, each key is found there as its String is (a NULL adds nothing)
        KeySet copy = new KeySet();
        for (int i = 0; i < keys.size(); i++) {
            rows.addTo(i, 0, copy);
        }
        assertThat(copy.size()).isEqualTo(keys.size() - 1);
        for (String k : keys) {
            assertThat(copy.contains(k)).as(String.valueOf(k)).isEqualTo(k != null);
        }
    }

    @Test
    void aRowMustHaveAKeyInEachColumnAndAskingOutsideTheRowsFails() {
        ScanRows rows = new ScanRows(2);
        assertThatThrownBy(() -> rows.add(0, 0, utf8("a"))).isInstanceOf(IllegalArgumentException.class);
        rows.add(0, 0, utf8("a"), utf8("b"));
        assertThatThrownBy(() -> rows.key(1, 0)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> rows.key(0, 2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(rows.size()).isEqualTo(1);
    }
}
