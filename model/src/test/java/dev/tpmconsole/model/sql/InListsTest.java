package dev.tpmconsole.model.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class InListsTest {

    @Test
    void keysComeInListsOfAtMostFiveHundred_inOrder() {
        List<String> keys = IntStream.range(0, 1201).mapToObj(i -> "k" + i).toList();
        List<List<String>> chunks = InLists.chunks(keys);
        assertThat(chunks).extracting(List::size).containsExactly(500, 500, 201);
        assertThat(chunks.stream().flatMap(List::stream).toList()).isEqualTo(keys);
        assertThat(InLists.chunks(List.of())).isEmpty();
    }

    @Test
    void placeholdersAreOnePerKey() {
        assertThat(InLists.placeholders(1)).isEqualTo("(?)");
        assertThat(InLists.placeholders(3)).isEqualTo("(?, ?, ?)");
    }
}
