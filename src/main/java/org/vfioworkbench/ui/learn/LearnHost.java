package org.vfioworkbench.ui.learn;

import org.vfioworkbench.engine.Profile;
import org.vfioworkbench.model.Topology;
import org.vfioworkbench.scenario.lesson.Highlight;
import org.vfioworkbench.ui.files.Sample;

/** What the Learn perspective needs from the workbench it sits in. */
public interface LearnHost {

  /**
   * Shows {@code topology} under {@code profile} as the workbench's document, named {@code title}.
   * The workbench may ask the user before discarding unsaved edits; returns false when the document
   * was not replaced.
   */
  boolean open(String title, Topology topology, Profile profile);

  /** Opens a bundled sample; false when it was not opened. */
  boolean openSample(Sample sample);

  /** The topology the learner is looking at now, with every edit made so far. */
  Topology topology();

  /** Points the learner at elements of the graph and at views; the default ignores it. */
  default void highlight(Highlight highlight) {}

  /**
   * Calls {@code listener} whenever another document is opened in the workbench (by the lesson
   * through {@link #open} or by the user through File › Open, a sample, a host); the default never
   * calls it.
   */
  default void onDocumentReplaced(Runnable listener) {}
}
