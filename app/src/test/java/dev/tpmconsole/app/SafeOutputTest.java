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

    /**
     * Plain runs go through whole and only what must be escaped is taken apart: the same text cut into pieces of every
     * size, written as strings and as character arrays, comes out as it does one character at a time, with a CR at
     * the end of one piece and its newline at the start of the next.
     */
    @Test
    void piecesOfEverySizeComeOutAsOneCharacterAtATime() {
        String text = "id,name\r\nvm-1,web\u001b[2J\r\nvm-2,ok\rFAKE\n\u009b\u202e主机\tend\r";
        StringWriter oneByOne = new StringWriter();
        PrintWriter w1 = SafeOutput.wrap(oneByOne);
        text.chars().forEach(w1::write);
        w1.close();
        String expected = oneByOne.toString();
        assertThat(expected).startsWith("id,name\r\nvm-1,web\\u001b[2J\r\n").endsWith("\\u000d");
        for (int size = 1; size <= text.length(); size++) {
            StringWriter asStrings = new StringWriter();
            StringWriter asArrays = new StringWriter();
            PrintWriter ws = SafeOutput.wrap(asStrings);
            PrintWriter wa = SafeOutput.wrap(asArrays);
            for (int at = 0; at < text.length(); at += size) {
                String piece = text.substring(at, Math.min(text.length(), at + size));
                ws.write(piece);
                char[] padded = ("<" + piece + ">").toCharArray();
                wa.write(padded, 1, piece.length());
            }
            ws.close();
            wa.close();
            assertThat(asStrings.toString()).as("strings of %d", size).isEqualTo(expected);
            assertThat(asArrays.toString()).as("arrays of %d", size).isEqualTo(expected);
        }
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
