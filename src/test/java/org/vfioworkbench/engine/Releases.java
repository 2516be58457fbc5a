package org.vfioworkbench.engine;

import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.OpenFile;
import org.vfioworkbench.model.Topology;

/** Test and benchmark helper: one ownership change, analysed incrementally. */
public final class Releases {

  private Releases() {}

  /**
   * {@code a} after the device of its {@code index}-th device fd is released by every holder,
   * analysed with {@link Analysis#after(Analysis, Topology, Profile)} under {@code a}'s profile.
   */
  public static Analysis released(Analysis a, int index) {
    Bdf device =
        a.topology().file(a.deviceFds().get(index)).flatMap(OpenFile::openedDevice).orElseThrow();
    Topology edited = new Edit.Release(device).apply(a.topology(), a.profile()).orElseThrow();
    return Analysis.after(a, edited, a.profile());
  }
}
