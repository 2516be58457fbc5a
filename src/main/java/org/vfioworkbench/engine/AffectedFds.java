package org.vfioworkbench.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.FdRef;
import org.vfioworkbench.model.OpenFile;

/** Which device fds' answers an ownership change of one function can change. */
public final class AffectedFds {

  private AffectedFds() {}

  /**
   * The device fds whose INFO or reset results can change when {@code bdf} changes owner: those
   * whose reset scope holds {@code bdf} or a member of its IOMMU group (whose implicit ownership
   * depends on it), and {@code bdf}'s own fds, in holder and file order. On an {@link Analysis}
   * this looks only at the functions on {@code bdf}'s bus (and its group members' buses) and the
   * buses above, and at the fds open on them, however large the host.
   */
  public static List<FdRef> of(HotResetSimulator sim, Bdf bdf) {
    if (sim instanceof Analysis a) {
      return a.affectedBy(bdf);
    }
    Set<Bdf> touched = new HashSet<>();
    touched.add(bdf);
    sim.pci().groupOf(bdf).ifPresent(g -> touched.addAll(sim.pci().groupMembers(g)));
    FileTable files = new FileTable(sim.topology());
    List<FdRef> out = new ArrayList<>();
    for (FdRef fd : sim.deviceFds()) {
      Optional<Bdf> caller = files.file(fd).flatMap(OpenFile::openedDevice);
      if (caller.isEmpty()) {
        continue;
      }
      boolean hit =
          caller.get().equals(bdf)
              || sim.scope(caller.get())
                  .scope()
                  .map(s -> s.functions().stream().anyMatch(touched::contains))
                  .orElse(false);
      if (hit) {
        out.add(fd);
      }
    }
    return out;
  }
}
