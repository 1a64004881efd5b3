package dev.tpmconsole.views.preview;

import dev.tpmconsole.model.i18n.Message;
import dev.tpmconsole.views.util.I18n;
import java.util.List;

/**
 * A node of the preview tree (step, then table, then row), as plain data so that the view-model is tested
 * without JavaFX controls. Its action and reason are kept as messages and written in the language of the moment
 * when read ({@link #action()}, {@link #reason()}): a window shows a screenful of rows, and a plan of 20,000 rows
 * made 20,000 texts in the background that each young collection copied, stopping the FX thread (decision 0048).
 *
 * @param kind       STEP, TABLE or ROW
 * @param label      what the node shows first (step name, table name with count, row key)
 * @param actionText for a row: delete or export (null: none)
 * @param why        why the row is in the plan (null: nothing to say)
 * @param emphasised the row holds key material or is the last TPM-state copy
 */
public record PreviewNode(Kind kind, String label, Message actionText, Message why, boolean emphasised,
                          List<PreviewNode> children) {

    /** The levels of the tree. */
    public enum Kind { STEP, TABLE, ROW }

    public PreviewNode {
        children = List.copyOf(children);
    }

    /** A node whose action and reason are texts already (empty: none). */
    public PreviewNode(Kind kind, String label, String action, String reason, boolean emphasised,
                       List<PreviewNode> children) {
        this(kind, label, action.isEmpty() ? null : I18n.raw(action), reason.isEmpty() ? null : I18n.raw(reason),
                emphasised, children);
    }

    /** The action, in the language of the moment ("" for none). */
    public String action() {
        return I18n.t(actionText);
    }

    /** Why the row is in the plan, in the language of the moment ("" for nothing). */
    public String reason() {
        return I18n.t(why);
    }

    /** Rows under this node. */
    public long rowCount() {
        return kind == Kind.ROW ? 1 : children.stream().mapToLong(PreviewNode::rowCount).sum();
    }
}
