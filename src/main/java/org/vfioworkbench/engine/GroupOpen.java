package org.vfioworkbench.engine;

import java.util.Objects;
import org.vfioworkbench.model.FdRef;
import org.vfioworkbench.model.GroupFile;

/** The one open file of a VFIO group ({@code group->opened_file}) and who holds it. */
public record GroupOpen(FdRef ref, GroupFile file) {

  public GroupOpen {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(file, "file");
  }

  public String holder() {
    return ref.holder();
  }
}
