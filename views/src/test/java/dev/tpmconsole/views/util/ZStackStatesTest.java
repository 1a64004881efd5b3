package dev.tpmconsole.views.util;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpmconsole.model.browse.BrowseQueries;
import dev.tpmconsole.model.i18n.Language;
import org.junit.jupiter.api.Test;

/** Every state the VM list filters by reads in Chinese; English keeps ZStack's words; an unknown one shows as written. */
class ZStackStatesTest {

    @Test
    void everyStateOfTheFilterReadsInEachLanguage() {
        Language before = I18n.languageProperty().get();
        try {
            I18n.languageProperty().set(Language.EN);
            assertThat(BrowseQueries.VM_STATES).allSatisfy(s -> assertThat(ZStackStates.vm(s)).isEqualTo(s));
            I18n.languageProperty().set(Language.ZH_CN);
            assertThat(BrowseQueries.VM_STATES).allSatisfy(s -> assertThat(ZStackStates.vm(s))
                    .as(s).matches("[\\u4e00-\\u9fff]+"));
            assertThat(BrowseQueries.VM_STATES.stream().map(ZStackStates::vm).distinct()).as("told apart")
                    .hasSameSizeAs(BrowseQueries.VM_STATES);
            assertThat(ZStackStates.vm("Running")).isEqualTo("运行中");
            assertThat(ZStackStates.hostState("Maintenance")).isEqualTo("维护模式");
            assertThat(ZStackStates.hostStatus("Disconnected")).isEqualTo("已断开");
            assertThat(ZStackStates.vm("Hibernating")).as("a state ZStack may add").isEqualTo("Hibernating");
            assertThat(ZStackStates.hostStatus(null)).isEqualTo("—");
        } finally {
            I18n.languageProperty().set(before);
        }
    }
}
