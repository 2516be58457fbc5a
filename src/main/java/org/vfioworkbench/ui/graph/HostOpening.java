package org.vfioworkbench.ui.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vfioworkbench.engine.Analysis;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.BusAddress;
import org.vfioworkbench.model.DriverKind;
import org.vfioworkbench.model.PciFunction;
import org.vfioworkbench.ui.graph.GraphModel.Fold;

/**
 * What a host's graph opens around, and so what it leaves out at first. A big host's overview keeps
 * in view what matters most that the host has: the functions a holder has open; when nobody has
 * anything open, those bound to vfio-pci; with neither (a server scanned before any VFIO use), it
 * leaves out only platform functions, as every graph that is no overview does. Leaving out what has
 * nothing open on a host where nothing is open drew an empty graph.
 */
final class HostOpening {

  private final Analysis a;
  private final Fold fold;

  private HostOpening(Analysis a) {
    this.a = a;
    if (!GraphLayout.opensAsOverview(a)) {
      fold = Fold.PLATFORM;
    } else if (a.devices().values().stream().anyMatch(d -> d.isOpen())) {
      fold = Fold.NOTHING_OPEN;
    } else if (a.topology().functions().stream()
        .anyMatch(f -> f.driver().kind() == DriverKind.VFIO_PCI)) {
      fold = Fold.NOTHING_VFIO_BOUND;
    } else {
      fold = Fold.PLATFORM;
    }
  }

  static HostOpening of(Analysis a) {
    return new HostOpening(a);
  }

  /** Why the functions left out are left out. */
  Fold fold() {
    return fold;
  }

  /**
   * The functions on root buses the host opens without: with {@link Fold#PLATFORM} its platform
   * functions ({@link #foldsAsPlatform}), else those that are not what the overview keeps in view
   * and have nothing of it below them.
   */
  Set<Bdf> folded() {
    Set<Bdf> out = new HashSet<>();
    for (int seg : a.pci().segments()) {
      for (BusAddress root : a.pci().rootBuses(seg)) {
        for (PciFunction f : a.pci().functionsOn(root)) {
          Optional<BusAddress> sub = a.pci().subordinateOf(f.bdf());
          if (fold == Fold.PLATFORM
              ? foldsAsPlatform(f)
              : !kept(f) && (sub.isEmpty() || !holdsKept(sub.get()))) {
            out.add(f.bdf());
          }
        }
      }
    }
    return out;
  }

  /**
   * Whether the subtree on {@code bus} holds anything the overview keeps in view (with {@link
   * Fold#PLATFORM}, nothing is).
   */
  boolean holdsKept(BusAddress bus) {
    for (PciFunction f : a.pci().functionsOn(bus)) {
      if (kept(f)) {
        return true;
      }
      Optional<BusAddress> sub = a.pci().subordinateOf(f.bdf());
      if (sub.isPresent() && holdsKept(sub.get())) {
        return true;
      }
    }
    return false;
  }

  private boolean kept(PciFunction f) {
    return switch (fold) {
      case NOTHING_OPEN -> open(f);
      case NOTHING_VFIO_BOUND -> f.driver().kind() == DriverKind.VFIO_PCI;
      case PLATFORM -> false;
    };
  }

  private boolean open(PciFunction f) {
    return a.device(f.bdf()).map(d -> d.isOpen()).orElse(false);
  }

  /**
   * Whether {@code f}, a function on a root bus, is a platform function left out: one ({@link
   * PciFunction#isPlatformFunction}: host and ISA bridges, DMA engines, I/O APICs, a processor's
   * uncore registers, performance counters) that is neither open nor bound to vfio-pci and whose
   * IOMMU group, if it has one, holds only such functions. A function that shares its group with a
   * device one could pass keeps its chip, since that group's viability depends on it.
   */
  boolean foldsAsPlatform(PciFunction f) {
    if (!quietPlatformFunction(f)) {
      return false;
    }
    if (f.iommuGroup().isEmpty()) {
      return true;
    }
    for (PciFunction m : groupMembers().getOrDefault(f.iommuGroup().getAsInt(), List.of())) {
      if (!m.bdf().equals(f.bdf())
          && !(a.pci().busOf(m.bdf()).bridge().isEmpty() && quietPlatformFunction(m))) {
        return false;
      }
    }
    return true;
  }

  private Map<Integer, List<PciFunction>> members;

  private Map<Integer, List<PciFunction>> groupMembers() {
    if (members == null) {
      members = new HashMap<>();
      for (PciFunction m : a.topology().functions()) {
        m.iommuGroup().ifPresent(g -> members.computeIfAbsent(g, k -> new ArrayList<>()).add(m));
      }
    }
    return members;
  }

  private boolean quietPlatformFunction(PciFunction f) {
    return f.isPlatformFunction()
        && !f.isBridge()
        && f.driver().kind() != DriverKind.VFIO_PCI
        && !open(f);
  }
}
