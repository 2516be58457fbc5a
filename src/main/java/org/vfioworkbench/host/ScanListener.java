package org.vfioworkbench.host;

/**
 * Receives a scan's progress. {@link #progress} is called on the thread that called the scan; a UI
 * hands the values to its own thread. Returning {@code true} from {@link #cancelled()} stops the
 * scan at the next step; the scan's worker threads ask it too.
 */
public interface ScanListener {

  /** A listener that ignores progress and never cancels. */
  ScanListener NONE = (phase, done, total) -> {};

  /**
   * Progress within a phase.
   *
   * @param phase what is being read ("PCI functions", "processes")
   * @param done items finished in this phase
   * @param total items in this phase
   */
  void progress(ScanPhase phase, int done, int total);

  default boolean cancelled() {
    return false;
  }
}
