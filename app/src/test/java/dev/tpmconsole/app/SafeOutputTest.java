package dev.tpmconsole.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SafeOutputTest {

    static String through(String text) {
        StringWriter target = new StringWriter();
        PrintWriter w = SafeOutput.wrap(target);
        w.print(text);
        w.flush();
        return target.toString();
    }

    @Test
    void controlCharactersAreShownNotActedOn() {
        assertThat(through("vm-\u001b[2J-name\n")).isEqualTo("vm-\\u001b[2J-name\n");
        assertThat(through("ok\rFAKE\n")).as("a lone CR would rewrite the line").isEqualTo("ok\\u000dFAKE\n");
        assertThat(through("a,b\r\nc,d\r\n")).as("CSV's line ends pass").isEqualTo("a,b\r\nc,d\r\n");
        assertThat(through("col\tcol\n")).isEqualTo("col\tcol\n");
        assertThat(through("\u009b31m\u007f\u202eevil")).isEqualTo("\\u009b31m\\u007f\\u202eevil");
        assertThat(through("主机 云主机 ünïcödé")).isEqualTo("主机 云主机 ünïcödé");
    }

    @Test
    void jsonStaysJsonWithTheSameMeaning() throws Exception {
        ObjectMapper m = new ObjectMapper();
        String json = m.writeValueAsString(Map.of("name", "a\u001bb\u009bc\u202ed\r\n"));
        String shown = through(json);
        assertThat(shown).doesNotContain("\u001b", "\u009b", "\u202e", "\r");
        assertThat(m.readValue(shown, Map.class)).isEqualTo(m.readValue(json, Map.class));
    }

    @Test
    void progressDisplaysDrawThroughTheRawWriter() {
        StringWriter target = new StringWriter();
        PrintWriter w = SafeOutput.wrap(target);
        w.print("before ");
        SafeOutput.raw(w).print("\r\u001b[2K");
        SafeOutput.raw(w).flush();
        assertThat(target.toString()).isEqualTo("before \r\u001b[2K");
    }
}
