package dev.tpmconsole.views.preview;

import java.util.List;

/**
 * A node of the preview tree (step, then table, then row), as plain data so that the view-model is tested
 * without JavaFX controls.
 *
 * @param kind       STEP, TABLE or ROW
 * @param label      what the node shows first (step name, table name with count, row key)
 * @param action     for a row: delete or export
 * @param reason     why the row is in the plan
 * @param emphasised the row holds key material or is the last TPM-state copy
 */
public record PreviewNode(Kind kind, String label, String action, String reason, boolean emphasised,
                          List<PreviewNode> children) {

    /** The levels of the tree. */
    public enum Kind { STEP, TABLE, ROW }

    public PreviewNode {
        children = List.copyOf(children);
    }

    /** Rows under this node. */
    public long rowCount() {
        return kind == Kind.ROW ? 1 : children.stream().mapToLong(PreviewNode::rowCount).sum();
    }
}
