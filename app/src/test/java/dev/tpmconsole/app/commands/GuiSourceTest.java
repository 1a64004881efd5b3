package dev.tpmconsole.app.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** What {@code gui SOURCE} opens first: a jdbc: URL is a live database, not a file of that name. */
class GuiSourceTest {

    @Test
    void aJdbcUrlOpensTheLiveDatabase_aPathTheSnapshot_nothingOrDemoTheDemo() {
        String url = "jdbc:mariadb://127.0.0.1:3306/zstack?user=root";
        assertThat(GuiCommand.First.of(url, false)).isEqualTo(new GuiCommand.Database(url));
        assertThat(GuiCommand.First.of("zstack.sqlite", false)).isEqualTo(new GuiCommand.Snapshot(Path.of("zstack.sqlite")));
        assertThat(GuiCommand.First.of(null, false)).isEqualTo(new GuiCommand.Demo());
        assertThat(GuiCommand.First.of("zstack.sqlite", true)).isEqualTo(new GuiCommand.Demo());
    }
}
