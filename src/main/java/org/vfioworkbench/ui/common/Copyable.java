package org.vfioworkbench.ui.common;

/**
 * A view whose selection can be copied as text (Edit › Copy, Ctrl+C, the context menu's Copy): the
 * same lines the review report writes for that part.
 */
public interface Copyable {

  /** The selection as text; empty when nothing is selected. */
  String copyText();
}
