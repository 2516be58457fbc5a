package org.vfioworkbench.ui.graph;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.vfioworkbench.engine.Analysis;
import org.vfioworkbench.engine.DevSet;
import org.vfioworkbench.engine.ResetScope;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.FdRef;
import org.vfioworkbench.model.Holder;
import org.vfioworkbench.model.OpenFile;

/**
 * What matters for one function's reset, as the graph highlights it when that function is selected:
 * the function, its reset scope, its dev-set and its IOMMU group (each as the functions it holds),
 * the groups of all those, the holders with a file on any of them, and those files. The engine
 * answers; this only gathers. Pure.
 *
 * @param functions every function in the scope, dev-set or group of the selected one
 * @param groups their IOMMU groups
 * @param holders holders with an fd on one of them (a device fd, a cdev or their group's file)
 * @param fds those fds
 */
public record Focus(Set<Bdf> functions, Set<Integer> groups, Set<String> holders, Set<FdRef> fds) {

  public Focus {
    functions = Set.copyOf(functions);
    groups = Set.copyOf(groups);
    holders = Set.copyOf(holders);
    fds = Set.copyOf(fds);
  }

  /** The focus of {@code bdf} in {@code a}. */
  public static Focus of(Analysis a, Bdf bdf) {
    Set<Bdf> fns = new HashSet<>();
    fns.add(bdf);
    a.scope(bdf).scope().map(ResetScope::functions).ifPresent(fns::addAll);
    a.devSet(bdf).map(DevSet::members).ifPresent(fns::addAll);
    a.pci().groupOf(bdf).ifPresent(g -> fns.addAll(a.pci().groupMembers(g)));
    Set<Integer> groups = new HashSet<>();
    for (Bdf b : fns) {
      a.pci().groupOf(b).ifPresent(groups::add);
    }
    Set<String> holders = new HashSet<>();
    Set<FdRef> fds = new HashSet<>();
    for (Holder h : a.topology().holders()) {
      for (OpenFile f : h.files()) {
        if (touches(f, fns, groups)) {
          holders.add(h.name());
          fds.add(new FdRef(h.name(), f.fd()));
        }
      }
    }
    return new Focus(fns, groups, holders, fds);
  }

  private static boolean touches(OpenFile f, Set<Bdf> fns, Set<Integer> groups) {
    if (f instanceof org.vfioworkbench.model.DeviceFile d) {
      return fns.contains(d.device());
    }
    if (f instanceof org.vfioworkbench.model.CdevFile c) {
      return fns.contains(c.device());
    }
    if (f instanceof org.vfioworkbench.model.GroupFile g) {
      return groups.contains(g.group());
    }
    return false;
  }

  /** Whether the focus holds everything of {@code bdfs}. */
  public boolean coversAll(List<Bdf> bdfs) {
    return functions.containsAll(bdfs);
  }
}
