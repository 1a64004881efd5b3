package dev.tpmconsole.model.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A new catalogue for each test, in a temporary folder, on a clock that stands at {@link #T0} until moved. */
abstract class CatalogueTestBase {

    static final Instant T0 = Instant.parse("2026-11-02T08:00:00Z");

    @TempDir
    Path dir;
    TestClock clock;
    Catalogue catalogue;

    @BeforeEach
    void open() {
        clock = new TestClock(T0);
        Catalogue.Opened opened = Catalogue.open(dir.resolve("catalogue.sqlite"), clock);
        assertThat(opened.notice()).isNull();
        catalogue = opened.catalogue();
    }

    @AfterEach
    void close() {
        catalogue.close();
    }
}
