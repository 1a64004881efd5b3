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

    @org.junit.jupiter.api.BeforeAll
    static void toolkit() throws Exception {
        org.testfx.api.FxToolkit.registerPrimaryStage();
    }

    @Test
    void theViewsShortcutsSayWhereWhatAndWhichKeys() {
        assertThat(Shortcuts.inViews()).extracting(Shortcuts.Shortcut::keys)
                .contains("Ctrl+C", "Ctrl+Shift+C", "Ctrl+R", "Esc", "Enter", "Down or Enter");
        assertThat(Shortcuts.inViews()).allSatisfy(s -> {
            assertThat(s.where()).isNotBlank();
            assertThat(s.action()).isNotBlank();
            assertThat(s.keys()).isNotBlank();
        });
    }
}
