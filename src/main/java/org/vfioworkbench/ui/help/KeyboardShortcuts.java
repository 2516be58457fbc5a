package org.vfioworkbench.ui.help;

import java.util.List;
import org.controlsfx.control.action.Action;
import org.vfioworkbench.ui.actions.WorkbenchActionSet;

/** Every command that has a keyboard shortcut, in the order the commands were defined. */
public final class KeyboardShortcuts {

  private KeyboardShortcuts() {}

  /** The shortcuts of {@code set}'s actions, as they are now. */
  public static List<Shortcut> of(WorkbenchActionSet set) {
    return set.all().stream()
        .filter(a -> a.getAccelerator() != null)
        .map(KeyboardShortcuts::line)
        .toList();
  }

  private static Shortcut line(Action a) {
    String text = WorkbenchActionSet.plainText(a.getText()).replace("\u2026", "");
    return new Shortcut(text, a.getAccelerator().getDisplayText());
  }

  /** The list as plain text, one "keys command" line each (what Copy in the dialog copies). */
  public static String asText(List<Shortcut> shortcuts) {
    int w = shortcuts.stream().mapToInt(s -> s.keys().length()).max().orElse(0);
    StringBuilder b = new StringBuilder();
    for (Shortcut s : shortcuts) {
      b.append(String.format("%-" + Math.max(1, w) + "s  %s%n", s.keys(), s.command()));
    }
    return b.toString();
  }
}
