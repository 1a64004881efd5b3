package dev.tpmconsole.views.util;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpmconsole.model.browse.Page;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A list that is not active (a page nobody looks at yet) reads nothing when asked to load; it loads the last query
 * it was given once it is active, and from then on at once.
 */
class PagedRowsTest {

    /** Which queries read a page, by name. */
    final List<String> reads = new ArrayList<>();

    PagedRows.Query<String> query(String name) {
        return PagedRows.Query.of((offset, limit) -> {
            reads.add(name);
            return new Page<>(List.of(name + "-row"), offset, false);
        }, () -> 1);
    }

    @Test
    void anInactiveListLoadsTheLastQueryOnceActive() {
        try (PagedRows<String> rows = new PagedRows<>(FxSchedulers.synchronous(), 10)) {
            rows.activeProperty().set(false);
            rows.load(query("first"));
            rows.load(query("second"));
            rows.reload();
            assertThat(reads).isEmpty();
            assertThat(rows.rows()).isEmpty();
            assertThat(rows.loadedProperty().get()).isFalse();
            assertThat(rows.loadingProperty().get()).isFalse();

            rows.activeProperty().set(true);
            assertThat(reads).containsExactly("second");
            assertThat(rows.rows()).containsExactly("second-row");
            assertThat(rows.loadedProperty().get()).isTrue();

            rows.load(query("third"));
            assertThat(reads).containsExactly("second", "third");
            rows.activeProperty().set(false);
            rows.activeProperty().set(true);
            assertThat(reads).as("nothing was asked while inactive").containsExactly("second", "third");
        }
    }

    @Test
    void anActiveListLoadsAtOnce() {
        try (PagedRows<String> rows = new PagedRows<>(FxSchedulers.synchronous(), 10)) {
            rows.load(query("only"));
            assertThat(reads).containsExactly("only");
            assertThat(rows.totalProperty().get()).isEqualTo(1);
        }
    }

    @Test
    void aFirstPageThatTellsTheTotalSavesTheCount_oneThatDoesNotIsCounted() {
        List<String> counted = new ArrayList<>();
        try (PagedRows<String> rows = new PagedRows<>(FxSchedulers.synchronous(), 1)) {
            rows.load(PagedRows.Query.of((offset, limit) -> new Page<>(List.of("a"), offset, true, 7L), () -> {
                counted.add("told");
                return 99;
            }));
            assertThat(rows.totalProperty().get()).isEqualTo(7);
            assertThat(rows.countingProperty().get()).isFalse();
            rows.load(PagedRows.Query.of((offset, limit) -> new Page<>(List.of("a"), offset, true), () -> {
                counted.add("untold");
                return 5;
            }));
            assertThat(rows.totalProperty().get()).isEqualTo(5);
            assertThat(counted).containsExactly("untold");
        }
    }
}
