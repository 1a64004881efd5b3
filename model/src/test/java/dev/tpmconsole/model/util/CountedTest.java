package dev.tpmconsole.model.util;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CountedTest {

    @Test
    void oneIsSingularEveryOtherCountPlural() {
        assertThat(Counted.of(1, "rule")).isEqualTo("1 rule");
        assertThat(Counted.of(0, "rule")).isEqualTo("0 rules");
        assertThat(Counted.of(2, "VM")).isEqualTo("2 VMs");
        assertThat(Counted.of(1, "entry", "entries")).isEqualTo("1 entry");
        assertThat(Counted.of(3, "entry", "entries")).isEqualTo("3 entries");
    }

    @Test
    void numbersAreGroupedAsFormatGroupsThem() {
        // the same grouping as info's %,d, whatever the machine's locale
        assertThat(Counted.number(19_901)).isEqualTo(String.format("%,d", 19_901));
        assertThat(Counted.of(7_269, "row")).isEqualTo(String.format("%,d rows", 7_269));
    }
}
