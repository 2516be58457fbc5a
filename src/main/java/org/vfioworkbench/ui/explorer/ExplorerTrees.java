package org.vfioworkbench.ui.explorer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vfioworkbench.engine.HotResetSimulator;
import org.vfioworkbench.engine.ResetScope;
import org.vfioworkbench.engine.ScopeDecision;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.BusAddress;
import org.vfioworkbench.model.FdRef;
import org.vfioworkbench.model.Holder;
import org.vfioworkbench.model.OpenFile;
import org.vfioworkbench.model.PciBus;
import org.vfioworkbench.model.PciFunction;
import org.vfioworkbench.model.Topology;
import org.vfioworkbench.ui.common.Labels;
import org.vfioworkbench.ui.state.ElementRef;

/** Builds the explorer's trees from an analysis, one method per mode. Pure. */
public final class ExplorerTrees {

  private ExplorerTrees() {}

  public static TreeEntry build(HotResetSimulator a, ExplorerMode mode) {
    return switch (mode) {
      case PCI -> byPci(a);
      case IOMMU_GROUP -> byGroup(a);
      case RESET_SCOPE -> byScope(a);
      case HOLDER -> byHolder(a);
    };
  }

  static TreeEntry byPci(HotResetSimulator a) {
    List<TreeEntry> segs = new ArrayList<>();
    for (int seg : a.pci().segments()) {
      List<TreeEntry> roots = new ArrayList<>();
      for (BusAddress bus : a.pci().rootBuses(seg)) {
        roots.add(busEntry(a, bus));
      }
      segs.add(new TreeEntry(String.format("segment %04x", seg), "PCI domain", null, roots));
    }
    return new TreeEntry("host", "", null, segs);
  }

  private static TreeEntry busEntry(HotResetSimulator a, BusAddress bus) {
    PciBus b = a.pci().bus(bus);
    List<TreeEntry> fns = new ArrayList<>();
    for (PciFunction f : a.pci().functionsOn(bus)) {
      Optional<BusAddress> sub = a.pci().subordinateOf(f.bdf());
      List<TreeEntry> below = sub.map(s -> List.of(busEntry(a, s))).orElse(List.of());
      fns.add(
          new TreeEntry(
              Labels.function(f),
              functionDetail(a, f),
              new ElementRef.FunctionRef(f.bdf()),
              below));
    }
    String detail =
        b.hasNoUpstreamBridge() ? "root bus" : "below " + Labels.shortBdf(b.bridge().get());
    return new TreeEntry("bus " + bus, detail, new ElementRef.BusRef(bus), fns);
  }

  private static String functionDetail(HotResetSimulator a, PciFunction f) {
    String g = f.iommuGroup().isPresent() ? "group " + f.iommuGroup().getAsInt() : "no group";
    return a.device(f.bdf()).map(d -> d.isOpen() ? g + ", open" : g).orElse(g);
  }

  static TreeEntry byGroup(HotResetSimulator a) {
    List<TreeEntry> groups = new ArrayList<>();
    for (int g : a.pci().populatedGroups()) {
      List<TreeEntry> members = new ArrayList<>();
      for (Bdf b : a.pci().groupMembers(g)) {
        PciFunction f = a.pci().require(b);
        members.add(
            TreeEntry.leaf(
                Labels.function(f), functionDetail(a, f), new ElementRef.FunctionRef(b)));
      }
      String detail =
          (a.viable(g) ? "viable" : "not viable")
              + a.groupOpen(g).map(o -> ", open by " + o.holder()).orElse("");
      groups.add(new TreeEntry("group " + g, detail, new ElementRef.GroupRef(g), members));
    }
    return new TreeEntry("IOMMU groups", "", null, groups);
  }

  static TreeEntry byScope(HotResetSimulator a) {
    Map<String, List<Bdf>> scopes = new LinkedHashMap<>();
    Map<String, String> details = new LinkedHashMap<>();
    List<Bdf> none = new ArrayList<>();
    for (PciFunction f : sortedEndpoints(a.topology())) {
      ScopeDecision d = a.scope(f.bdf());
      if (d.scope().isEmpty()) {
        none.add(f.bdf());
        continue;
      }
      ResetScope s = d.scope().get();
      String key = s.kind() + " reset: " + s.describe();
      if (!scopes.containsKey(key)) {
        scopes.put(key, s.functions());
        details.put(key, s.size() + " functions");
      }
    }
    List<TreeEntry> out = new ArrayList<>();
    scopes.forEach((k, fns) -> out.add(new TreeEntry(k, details.get(k), null, fnLeaves(a, fns))));
    if (!none.isEmpty()) {
      out.add(
          new TreeEntry(
              "no hot reset (-ENODEV)", "neither slot nor bus reset", null, fnLeaves(a, none)));
    }
    return new TreeEntry("reset scopes", "", null, out);
  }

  private static List<PciFunction> sortedEndpoints(Topology t) {
    return t.functions().stream()
        .filter(f -> !f.isBridge())
        .sorted((x, y) -> x.bdf().compareTo(y.bdf()))
        .toList();
  }

  private static List<TreeEntry> fnLeaves(HotResetSimulator a, List<Bdf> fns) {
    List<TreeEntry> out = new ArrayList<>();
    for (Bdf b : fns) {
      a.pci()
          .function(b)
          .ifPresent(
              f ->
                  out.add(
                      TreeEntry.leaf(
                          Labels.function(f),
                          functionDetail(a, f),
                          new ElementRef.FunctionRef(b))));
    }
    return out;
  }

  static TreeEntry byHolder(HotResetSimulator a) {
    List<TreeEntry> out = new ArrayList<>();
    for (Holder h : a.topology().holders()) {
      List<TreeEntry> files = new ArrayList<>();
      for (OpenFile f : h.files()) {
        files.add(
            TreeEntry.leaf(
                "fd " + f.fd() + ": " + f.describe(),
                f.getClass().getSimpleName(),
                new ElementRef.FileRef(new FdRef(h.name(), f.fd()))));
      }
      out.add(
          new TreeEntry(
              h.name(),
              "pid " + h.pid() + ", " + h.files().size() + " files",
              new ElementRef.HolderRef(h.name()),
              files));
    }
    List<TreeEntry> unowned = new ArrayList<>();
    a.devices()
        .forEach(
            (b, d) -> {
              if (!d.isOpen()) {
                unowned.add(
                    TreeEntry.leaf(
                        Labels.function(a.pci().require(b)),
                        "vfio device, not open",
                        new ElementRef.FunctionRef(b)));
              }
            });
    if (!unowned.isEmpty()) {
      out.add(new TreeEntry("(nobody)", "vfio devices no holder has open", null, unowned));
    }
    return new TreeEntry("holders", "", null, out);
  }
}
