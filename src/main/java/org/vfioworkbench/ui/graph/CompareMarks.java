package org.vfioworkbench.ui.graph;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.vfioworkbench.engine.Analysis;
import org.vfioworkbench.engine.DeviceState;
import org.vfioworkbench.engine.DeviceVerdict;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.FdRef;
import org.vfioworkbench.ui.info.InfoFormat;

/** The devices whose INFO reply or natural reset differs between two profiles. Pure. */
public final class CompareMarks {

  private CompareMarks() {}

  public static Set<Bdf> changed(Analysis a, Analysis b) {
    Set<Bdf> out = new HashSet<>();
    if (b == null) {
      return out;
    }
    for (var e : a.devices().entrySet()) {
      DeviceState d = e.getValue();
      Optional<FdRef> fd = d.callerFd();
      if (fd.isEmpty()) {
        continue;
      }
      DeviceVerdict va = a.verdict(fd.get());
      DeviceVerdict vb = b.verdict(fd.get());
      String infoA = InfoFormat.oneLine(va.info());
      String infoB = InfoFormat.oneLine(vb.info());
      if (!infoA.equals(infoB) || va.reset().ret() != vb.reset().ret()) {
        out.add(e.getKey());
      }
    }
    return out;
  }
}
