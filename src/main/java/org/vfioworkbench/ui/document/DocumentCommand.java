package org.vfioworkbench.ui.document;

import java.util.Objects;
import org.vfioworkbench.scenario.Scenario;

/**
 * One undoable step: the edit as a value, its label, and the document content before and after it.
 * The model is immutable, so undo and redo are snapshot swaps.
 *
 * @param edit what was done
 * @param label what the Edit menu shows ("Undo Move 0000:02:00.1 to qemu-vm1's cdev lane")
 * @param before the content the edit started from
 * @param after the content it produced
 */
public record DocumentCommand(DocumentEdit edit, String label, Scenario before, Scenario after) {

  public DocumentCommand {
    Objects.requireNonNull(edit, "edit");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
  }

  /** A command labelled as its edit. */
  public static DocumentCommand of(DocumentEdit edit, Scenario before, Scenario after) {
    return new DocumentCommand(edit, edit.label(), before, after);
  }
}
