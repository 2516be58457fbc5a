package org.vfioworkbench.ui.common;

/**
 * A view whose selection can be copied as text. Edit › Copy (Shortcut+C) walks up from the focused
 * node to the first {@code Copyable} and puts its {@link #copyText()} on the clipboard; views
 * implement it on their root node (the one docked), so a view that is not focused is never asked.
 */
@FunctionalInterface
public interface Copyable {

  /**
   * The selection as plain text, the same text the review report prints for that part; empty when
   * nothing is selected (then nothing is copied and the clipboard keeps what it had).
   */
  String copyText();
}
