package dev.tpmconsole.model.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeySetTest {

    private static String uuid(Random r) {
        return String.format("%016x%016x", r.nextLong(), r.nextLong());
    }

    @Test
    void holdsExactlyTheKeysAddedComparedAsStringsAre() {
        Random r = new Random(7);
        KeySet set = new KeySet();
        Set<String> added = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            String k = uuid(r);
            added.add(k);
            if (i % 2 == 0) {
                set.add(k);
            } else {
                set.add(k.getBytes(StandardCharsets.UTF_8));
            }
        }
        assertThat(set.size()).isEqualTo(added.size());
        for (String k : added) {
            assertThat(set.contains(k)).as(k).isTrue();
        }
        for (int i = 0; i < 20_000; i++) {
            String k = uuid(r);
            assertThat(set.contains(k)).isEqualTo(added.contains(k));
            assertThat(set.contains(k.getBytes(StandardCharsets.UTF_8))).isEqualTo(added.contains(k));
        }
        for (String k : added) {
            assertThat(set.contains(k.getBytes(StandardCharsets.UTF_8))).as(k).isTrue();
        }
    }

    @Test
    void keysThatAreNotLowerCaseHexOf32DigitsAreKeptAsTheyAre() {
        KeySet set = new KeySet();
        String lower = "0123456789abcdef0123456789abcdef";
        set.add(lower);
        set.add("vm_tpm");
        set.add("0123456789abcdef0123456789abcde ");
        set.add("云主机0123456789abcdef0123456789ab".getBytes(StandardCharsets.UTF_8));
        set.add((String) null);
        set.add((byte[]) null);
        assertThat(set.contains(lower)).isTrue();
        assertThat(set.contains(lower.toUpperCase())).isFalse();
        assertThat(set.contains("0123456789abcdef0123456789abcde")).isFalse();
        assertThat(set.contains("0123456789abcdef0123456789abcde ")).isTrue();
        assertThat(set.contains("vm_tpm")).isTrue();
        assertThat(set.contains("VM_TPM")).isFalse();
        assertThat(set.contains("云主机0123456789abcdef0123456789ab")).isTrue();
        assertThat(set.contains((String) null)).isFalse();
        assertThat(set.contains((byte[]) null)).isFalse();
        assertThat(set.size()).isEqualTo(4);
        // asked by a key's UTF-8 bytes, as the key scan asks with a driver's values: the same answers
        for (String k : List.of(lower, lower.toUpperCase(), "0123456789abcdef0123456789abcde",
                "0123456789abcdef0123456789abcde ", "vm_tpm", "VM_TPM", "云主机0123456789abcdef0123456789ab",
                "0123456789abcdef0123456789abcdeg")) {
            assertThat(set.contains(k.getBytes(StandardCharsets.UTF_8))).as(k).isEqualTo(set.contains(k));
        }
    }

    @Test
    void theKeyOfZerosIsAKeyLikeAnyOther() {
        KeySet set = new KeySet();
        String zero = "0".repeat(32);
        assertThat(set.contains(zero)).isFalse();
        set.add(zero);
        assertThat(set.contains(zero)).isTrue();
        assertThat(set.size()).isEqualTo(1);
        List<String> missing = new ArrayList<>();
        set.forEachNotIn(List.of(new KeySet()), missing::add);
        assertThat(missing).containsExactly(zero);
    }

    @Test
    void forEachNotInGivesTheKeysNoneOfTheOtherSetsHolds() {
        KeySet all = new KeySet();
        KeySet a = new KeySet();
        KeySet b = new KeySet();
        Random r = new Random(11);
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < 3000; i++) {
            String k = i % 10 == 0 ? "other-" + i : uuid(r);
            all.add(k);
            if (i % 3 == 0) {
                a.add(k);
            } else if (i % 3 == 1) {
                b.add(k);
            } else {
                expected.add(k);
            }
        }
        a.add("0".repeat(32));
        all.add("0".repeat(32));
        List<String> missing = new ArrayList<>();
        all.forEachNotIn(List.of(a, b), missing::add);
        assertThat(missing).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void keysAddedAfterTheFirstQuestionJoinThoseCollectedBefore() {
        Random r = new Random(13);
        KeySet set = new KeySet();
        Set<String> added = new HashSet<>();
        // collected in several chunks, with duplicates, then sealed by a question; then added into the table (it grows)
        for (int i = 0; i < 30_000; i++) {
            String k = i % 7 == 0 && i > 0 ? added.iterator().next() : uuid(r);
            added.add(k);
            set.add(k);
        }
        assertThat(set.contains(uuid(r))).isFalse();
        assertThat(set.size()).isEqualTo(added.size());
        for (int i = 0; i < 30_000; i++) {
            String k = uuid(r);
            added.add(k);
            set.add(k.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(set.size()).isEqualTo(added.size());
        for (String k : added) {
            assertThat(set.contains(k)).as(k).isTrue();
        }
        assertThat(set.contains(uuid(r))).isFalse();
    }

    @Test
    void aFilledSetAnswersManyThreadsAtOnceAsAHashSetDoes() throws Exception {
        Random r = new Random(17);
        KeySet set = new KeySet();
        Set<String> added = new HashSet<>();
        List<String> asked = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            String k = uuid(r);
            asked.add(k);
            if (i % 2 == 0) {
                set.add(k);
                added.add(k);
            }
        }
        // the first questions come from four threads at once: one of them makes the table, the others wait for it
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Integer>> wrong = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                wrong.add(threads.submit(() -> {
                    go.await();
                    int n = 0;
                    for (String k : asked) {
                        n += set.contains(k) == added.contains(k) ? 0 : 1;
                    }
                    return n;
                }));
            }
            go.countDown();
            for (java.util.concurrent.Future<Integer> f : wrong) {
                assertThat(f.get()).isZero();
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
