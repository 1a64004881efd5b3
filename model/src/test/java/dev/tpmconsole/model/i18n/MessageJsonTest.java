package dev.tpmconsole.model.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpmconsole.model.audit.FindingState;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** A message kept as JSON comes back as the same sentence, in either language; what cannot come back is refused. */
class MessageJsonTest {

    static final Messages EN = Messages.of(Language.EN);
    static final Messages ZH = Messages.of(Language.ZH_CN);

    @Test
    void aNestedMessageWithNumbersComesBackTheSame() {
        // as the rule makes it (AuditRule.CONTENT_WITHOUT_OWNER)
        Message m = Message.of("rule.CONTENT_WITHOUT_OWNER.detail", "c1", "raw",
                Message.of("rule.CONTENT_WITHOUT_OWNER.detail.bytes", 123456L),
                Message.of("rule.CONTENT_WITHOUT_OWNER.detail.row", "TpmState"));
        String json = MessageJson.write(m);
        assertThat(json).isEqualTo("{\"key\":\"rule.CONTENT_WITHOUT_OWNER.detail\",\"args\":[\"c1\",\"raw\","
                + "{\"key\":\"rule.CONTENT_WITHOUT_OWNER.detail.bytes\",\"args\":[123456]},"
                + "{\"key\":\"rule.CONTENT_WITHOUT_OWNER.detail.row\",\"args\":[\"TpmState\"]}]}");

        Message back = MessageJson.read(json);
        assertThat(back).isEqualTo(m);
        assertThat(back.in(ZH)).isEqualTo(m.in(ZH))
                .isEqualTo("内容 c1（raw，123456 字节）不属于任何物理机文件或备份；其 ResourceVO 行的类型为 TpmState。");
        assertThat(back.in(EN)).isEqualTo(m.english());
    }

    @Test
    void everyKindOfArgumentKeptIsFormattedAsItWasFirst() {
        Instant at = Instant.parse("2026-12-02T01:10:11Z");
        Message m = Message.of("text.verbatim", Message.of("text.semicolons", at, LocalDate.of(2026, 12, 2)));
        Message withAll = Message.of("text.semicolons", null, Message.of("text.semicolons", 1234567,
                Message.of("text.semicolons", 2.5, Message.of("text.semicolons", true,
                        Message.of("text.semicolons", FindingState.Status.ACKNOWLEDGED, m)))));

        Message back = MessageJson.read(MessageJson.write(withAll));
        assertThat(back.in(ZH)).isEqualTo(withAll.in(ZH)).contains("2026年12月2日").contains("已确认");
        assertThat(back.in(EN)).isEqualTo(withAll.in(EN))
                .startsWith("null; 1,234,567; 2.5; true; acknowledged; ").contains("Dec 2, 2026");
        // a number is kept as a number (formatted by the language), an enum as its message
        Message second = (Message) back.args().get(1);
        assertThat(second.args().get(0)).isEqualTo(1234567L);
        Message fifth = (Message) ((Message) ((Message) second.args().get(1)).args().get(1)).args().get(1);
        assertThat(fifth.args().get(0)).isEqualTo(FindingState.Status.ACKNOWLEDGED.message());
    }

    @Test
    void anArgumentOfAnotherKindIsNotWritten() {
        assertThat(MessageJson.write(Message.of("rule.TPM_WITHOUT_VM.detail", Path.of("/tmp/x"), "v1"))).isNull();
        assertThat(MessageJson.write(Message.of("text.verbatim", Message.of("text.verbatim", new Object())))).isNull();
        assertThat(MessageJson.write(Message.of("text.verbatim", Double.NaN))).as("JSON has no NaN").isNull();
        assertThat(MessageJson.write(null)).isNull();
    }

    @Test
    void damagedTextOrAnUnknownKeyGivesNothing() {
        String good = MessageJson.write(Message.of("rule.TPM_WITHOUT_VM.detail", "t1", "v1"));
        assertThat(MessageJson.read(good)).isNotNull();
        assertThat(MessageJson.read(null)).isNull();
        assertThat(MessageJson.read("")).isNull();
        assertThat(MessageJson.read(good.substring(0, good.length() - 2))).isNull();
        assertThat(MessageJson.read(good + " {}")).isNull();
        assertThat(MessageJson.read("[1, 2]")).isNull();
        assertThat(MessageJson.read("{\"key\":\"rule.TPM_WITHOUT_VM.detail\"}")).isNull();
        assertThat(MessageJson.read("{\"key\":\"rule.TPM_WITHOUT_VM.detail\",\"args\":[],\"extra\":1}")).isNull();
        assertThat(MessageJson.read("{\"key\":\"rule.TPM_WITHOUT_VM.detail\",\"args\":[{\"instant\":\"soon\"}]}"))
                .isNull();
        // a number where this console's text formats a number, and text where it would not format
        assertThat(MessageJson.read("{\"key\":\"rule.CONTENT_WITHOUT_OWNER.detail.bytes\",\"args\":[12]}"))
                .isNotNull();
        assertThat(MessageJson.read("{\"key\":\"rule.CONTENT_WITHOUT_OWNER.detail.bytes\",\"args\":[\"twelve\"]}"))
                .isNull();
        // fewer arguments than the text uses
        assertThat(MessageJson.read("{\"key\":\"rule.TPM_WITHOUT_VM.detail\",\"args\":[\"t1\"]}")).isNull();
        // a key this console does not have, at the top or nested (a text of a later console)
        assertThat(MessageJson.read("{\"key\":\"rule.NOT_A_RULE.detail\",\"args\":[]}")).isNull();
        assertThat(MessageJson.read("{\"key\":\"text.verbatim\",\"args\":[{\"key\":\"no.such.key\",\"args\":[]}]}"))
                .isNull();
    }
}
