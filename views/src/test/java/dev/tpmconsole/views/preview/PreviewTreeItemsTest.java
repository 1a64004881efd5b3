package dev.tpmconsole.views.preview;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import javafx.scene.control.TreeItem;
import org.junit.jupiter.api.Test;

/** The plan tree's items: steps and small tables open, a large table closed and its rows made when opened. */
class PreviewTreeItemsTest {

    static PreviewNode table(String name, int rows) {
        return new PreviewNode(PreviewNode.Kind.TABLE, name, "", "", false, IntStream.range(0, rows)
                .mapToObj(i -> new PreviewNode(PreviewNode.Kind.ROW, name + "-" + i, "delete", "why " + i, false, List.of()))
                .toList());
    }

    @Test
    void aLargeTableIsClosedAndMakesItsRowsWhenFirstAskedForThem() {
        PreviewNode step = new PreviewNode(PreviewNode.Kind.STEP, "delete-backups", "", "", false,
                List.of(table("SystemTagVO", 3), table("VmHostBackupFileVO", 25)));
        TreeItem<PreviewNode> item = PreviewView.item(step);
        assertThat(item.isExpanded()).isTrue();
        assertThat(item.getChildren()).hasSize(2);

        TreeItem<PreviewNode> small = item.getChildren().get(0);
        assertThat(small.isExpanded()).isTrue();
        assertThat(small.getChildren()).extracting(c -> c.getValue().label())
                .containsExactly("SystemTagVO-0", "SystemTagVO-1", "SystemTagVO-2");

        TreeItem<PreviewNode> large = item.getChildren().get(1);
        assertThat(large.isExpanded()).isFalse();
        assertThat(large.isLeaf()).as("it can be opened").isFalse();
        large.setExpanded(true);
        assertThat(large.getChildren()).hasSize(25);
        assertThat(large.getChildren()).extracting(c -> c.getValue().label()).startsWith("VmHostBackupFileVO-0")
                .endsWith("VmHostBackupFileVO-24");
        assertThat(large.getChildren()).allSatisfy(c -> assertThat(c.isLeaf()).isTrue());
        assertThat(large.getChildren()).as("made once").isSameAs(large.getChildren()).hasSize(25);
    }

    @Test
    void anEmptyTableIsALeaf() {
        assertThat(PreviewView.item(table("TpmVO", 0)).isLeaf()).isTrue();
    }
}
