package org.vfioworkbench.engine.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.vfioworkbench.engine.DevSet;
import org.vfioworkbench.engine.DeviceState;
import org.vfioworkbench.engine.HotResetSimulator;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.BusAddress;
import org.vfioworkbench.model.FdRef;
import org.vfioworkbench.model.Holder;
import org.vfioworkbench.model.OpenFile;
import org.vfioworkbench.model.PciBus;
import org.vfioworkbench.model.PciFunction;

/**
 * The topology as {@code lspci -tv} draws it, each function annotated with its driver, IOMMU group,
 * dev_set and the holders' fds on it; then the groups, dev-sets and holders as lists.
 */
public final class TopologyTree {

  private final HotResetSimulator a;
  private final Map<Bdf, List<String>> heldBy = new TreeMap<>();

  private TopologyTree(HotResetSimulator a) {
    this.a = a;
    for (Map.Entry<Bdf, DeviceState> e : a.devices().entrySet()) {
      List<String> fds = new ArrayList<>();
      e.getValue().cdevFd().ifPresent(fd -> fds.add(fdLabel(fd, "cdev")));
      e.getValue().groupFds().forEach(fd -> fds.add(fdLabel(fd, "via group")));
      if (!fds.isEmpty()) {
        heldBy.put(e.getKey(), fds);
      }
    }
  }

  private static String fdLabel(FdRef fd, String how) {
    return fd.holder() + " fd " + fd.fd() + " (" + how + ")";
  }

  /** The tree's lines, no indentation. */
  public static List<String> tree(HotResetSimulator a) {
    TopologyTree t = new TopologyTree(a);
    List<String> out = new ArrayList<>();
    for (int seg : a.pci().segments()) {
      for (BusAddress root : a.pci().rootBuses(seg)) {
        out.add("[" + root + "] root bus");
        t.bus(out, root, "");
      }
    }
    return out;
  }

  private void bus(List<String> out, BusAddress bus, String prefix) {
    List<PciFunction> fns = a.pci().functionsOn(bus);
    for (int i = 0; i < fns.size(); i++) {
      boolean last = i == fns.size() - 1;
      PciFunction f = fns.get(i);
      out.add(prefix + (last ? " \\-" : " +-") + function(f));
      Optional<BusAddress> sub = a.pci().subordinateOf(f.bdf());
      if (sub.isPresent()) {
        String childPrefix = prefix + (last ? "   " : " | ");
        out.add(childPrefix + " \\-[" + sub.get() + "]" + busNote(sub.get()));
        bus(out, sub.get(), childPrefix + "   ");
      }
    }
  }

  private String busNote(BusAddress address) {
    PciBus b = a.pci().bus(address);
    return b.hasNoUpstreamBridge() ? " (no upstream bridge)" : "";
  }

  /** "02:00.0 GPU [10de:2204] vfio-pci, group 20, dev_set bus 0000:02; qemu-cdev fd 4 (cdev)". */
  private String function(PciFunction f) {
    StringBuilder b = new StringBuilder(f.bdf().toString());
    if (!f.description().isBlank()) {
      b.append(' ').append(f.description());
    }
    if (f.vendorId() != 0 || f.deviceId() != 0) {
      b.append(String.format(" [%04x:%04x]", f.vendorId(), f.deviceId()));
    }
    b.append(' ').append(f.driver().label());
    b.append(", ")
        .append(
            f.iommuGroup().isPresent() ? "group " + f.iommuGroup().getAsInt() : "no IOMMU group");
    a.devSet(f.bdf()).ifPresent(d -> b.append(", dev_set ").append(d.key()));
    List<String> fds = heldBy.get(f.bdf());
    if (fds != null) {
      b.append("; ").append(String.join(", ", fds));
    }
    return b.toString();
  }

  /** "group 20: 0000:02:00.0 (viable; group file open by qemu-legacy fd 3)". */
  public static List<String> groups(HotResetSimulator a) {
    List<String> out = new ArrayList<>();
    for (int g : a.pci().populatedGroups()) {
      out.add(
          "group "
              + g
              + ": "
              + String.join(", ", a.pci().groupMembers(g).stream().map(Bdf::toString).toList())
              + " ("
              + (a.viable(g) ? "viable" : "not viable")
              + a.groupOpen(g)
                  .map(o -> "; group file open by " + o.holder() + " fd " + o.ref().fd())
                  .orElse("")
              + ")");
    }
    return out;
  }

  /** "bus 0000:02: 0000:02:00.0, 0000:02:00.1 (bind order)". */
  public static List<String> devSets(HotResetSimulator a) {
    List<String> out = new ArrayList<>();
    for (DevSet d : a.devSets()) {
      out.add(
          d.key()
              + ": "
              + String.join(", ", d.members().stream().map(Bdf::toString).toList())
              + (d.members().size() > 1 ? " (bind order)" : ""));
    }
    return out;
  }

  /** "qemu-cdev (pid 4242, qemu-iommufd): fd 3 iommufd A; fd 4 cdev 0000:02:00.0 ...". */
  public static List<String> holders(HotResetSimulator a) {
    List<String> out = new ArrayList<>();
    for (Holder h : a.topology().holders()) {
      List<String> files = new ArrayList<>();
      for (OpenFile f : h.files()) {
        files.add("fd " + f.fd() + " " + f.describe());
      }
      out.add(
          h.name()
              + " (pid "
              + h.pid()
              + ", "
              + h.consumer().kind().id()
              + h.consumer().vmName().map(v -> ", VM " + v).orElse("")
              + "): "
              + (files.isEmpty() ? "no files" : String.join("; ", files)));
    }
    return out;
  }
}
