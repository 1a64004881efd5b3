package dev.tpmconsole.views.util;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpmconsole.model.i18n.Language;
import java.time.Instant;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

/** An acknowledgement's expiry reads as the day chosen, wherever the machine is, in each language. */
class FormatsTest {

    @Test
    void aDateChosenReadsAsThatDayAndATimeAsThatTime() {
        Language language = I18n.languageProperty().get();
        TimeZone zone = TimeZone.getDefault();
        // "through 2026-12-16, UTC" is kept as the next midnight, UTC
        Instant throughTheSixteenth = Instant.parse("2026-12-17T00:00:00Z");
        try {
            for (String id : new String[] {"UTC", "Asia/Shanghai", "America/Los_Angeles"}) {
                TimeZone.setDefault(TimeZone.getTimeZone(id));
                I18n.languageProperty().set(Language.EN);
                assertThat(Formats.expiry(throughTheSixteenth)).as(id).isEqualTo("the end of Dec 16, 2026 (UTC)");
                I18n.languageProperty().set(Language.ZH_CN);
                assertThat(Formats.expiry(throughTheSixteenth)).as(id).isEqualTo("2026年12月16日结束时（UTC）");
            }
            TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
            I18n.languageProperty().set(Language.EN);
            Instant time = Instant.parse("2026-12-31T18:00:00Z");
            assertThat(Formats.expiry(time)).isEqualTo(I18n.dateTime(time)).contains("Dec 31, 2026");
        } finally {
            TimeZone.setDefault(zone);
            I18n.languageProperty().set(language);
        }
    }
}
