package org.vfioworkbench.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.FdRef;
import org.vfioworkbench.model.GroupFile;
import org.vfioworkbench.model.Holder;
import org.vfioworkbench.model.OpenFile;
import org.vfioworkbench.model.Topology;

/**
 * Finds the fd a caller names: "the device fd that has this device open", or an exact holder and
 * fd; and a holder's group file for a group id. Failures explain themselves in the exception
 * message.
 */
public final class CallerResolver {

  private CallerResolver() {}

  /** The fd {@code spec} names. */
  public static FdRef resolve(Topology topology, CallerSpec spec) {
    if (spec.fd().isPresent()) {
      FdRef ref = spec.fd().get();
      Holder h =
          topology
              .holder(ref.holder())
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "no holder is named \""
                              + ref.holder()
                              + "\""
                              + Names.hint(ref.holder(), holderNames(topology))));
      if (h.file(ref.fd()).isEmpty()) {
        throw new IllegalArgumentException("holder \"" + ref.holder() + "\" has no fd " + ref.fd());
      }
      return ref;
    }
    return byDevice(topology, spec.device().orElseThrow());
  }

  /** The one device fd (group-derived or cdev) that has {@code bdf} open. */
  public static FdRef byDevice(Topology topology, Bdf bdf) {
    List<FdRef> fds = new ArrayList<>();
    for (Holder h : topology.holders()) {
      for (OpenFile f : h.files()) {
        if (f.openedDevice().filter(bdf::equals).isPresent()) {
          fds.add(new FdRef(h.name(), f.fd()));
        }
      }
    }
    if (fds.isEmpty()) {
      throw new IllegalArgumentException(
          "no holder has " + bdf + " open (neither a device fd nor its cdev)");
    }
    if (fds.size() > 1) {
      throw new IllegalArgumentException(
          bdf
              + " is open through "
              + fds.size()
              + " fds ("
              + fds.stream().map(FdRef::toString).collect(Collectors.joining(", "))
              + "); name the caller by holder and fd");
    }
    return fds.get(0);
  }

  /** The fd of {@code holder}'s file for IOMMU group {@code group}. */
  public static int groupFd(Topology topology, String holder, int group) {
    List<Integer> held = new ArrayList<>();
    for (OpenFile f : topology.holder(holder).map(Holder::files).orElse(List.of())) {
      if (f instanceof GroupFile g) {
        if (g.group() == group) {
          return f.fd();
        }
        held.add(g.group());
      }
    }
    throw new IllegalArgumentException(
        holder
            + " holds no file for group "
            + group
            + (held.isEmpty() ? " (it holds no group file)" : " (it holds groups " + held + ")")
            + "; use \"fds\" to pass other descriptors");
  }

  private static List<String> holderNames(Topology topology) {
    return topology.holders().stream().map(Holder::name).toList();
  }
}
