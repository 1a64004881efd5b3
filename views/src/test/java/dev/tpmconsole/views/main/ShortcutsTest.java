package dev.tpmconsole.views.main;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShortcutsTest {

    @Test
    void menuTextWithoutMnemonicsAndEllipsis() {
        assertThat(Shortcuts.plain("_Open snapshot…")).isEqualTo("Open snapshot");
        assertThat(Shortcuts.plain("Open data_base…")).isEqualTo("Open database");
        assertThat(Shortcuts.plain("Save __as is")).isEqualTo("Save _as is");
        assertThat(Shortcuts.plain(null)).isEmpty();
    }

    @Test
    void theViewsShortcutsSayWhereWhatAndWhichKeys() {
        assertThat(Shortcuts.IN_VIEWS).allSatisfy(s -> {
            assertThat(s.where()).isNotBlank();
            assertThat(s.action()).isNotBlank();
            assertThat(s.keys()).isNotBlank();
        });
    }
}
