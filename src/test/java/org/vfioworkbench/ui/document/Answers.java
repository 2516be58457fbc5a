package org.vfioworkbench.ui.document;

import java.util.ArrayList;
import java.util.List;
import org.vfioworkbench.engine.Analysis;
import org.vfioworkbench.engine.ResetVariant;
import org.vfioworkbench.model.FdRef;

/** Every INFO and HOT_RESET answer of an analysis, as text, to compare two documents by. */
public final class Answers {

  private Answers() {}

  public static List<String> of(Analysis a) {
    List<String> out = new ArrayList<>();
    for (FdRef fd : a.deviceFds()) {
      out.add(fd + " INFO " + a.info(fd));
      for (ResetVariant v : a.variants(fd)) {
        out.add(fd + " " + v.kind() + " " + a.evaluate(fd, v));
      }
    }
    return out;
  }
}
