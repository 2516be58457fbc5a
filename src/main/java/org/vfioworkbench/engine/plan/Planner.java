package org.vfioworkbench.engine.plan;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.vfioworkbench.engine.Analysis;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.PciFunction;
import org.vfioworkbench.model.Topology;

/**
 * Plans passing functions to a VM: the closure they drag along on the {@link HostGraph} (whole
 * IOMMU groups, since a group is viable only when no member is on a host driver, and whole
 * dev-sets, since a hot reset takes them all), what of it the host uses now, and the lines that
 * would bind it and hand it to QEMU or libvirt.
 */
public final class Planner {

  private Planner() {}

  /** Plans {@code wanted} on {@code graph}. */
  public static Plan plan(HostGraph graph, List<Bdf> wanted, HostUse use) {
    if (wanted.isEmpty()) {
      throw new IllegalArgumentException("name at least one function to pass through");
    }
    Topology t = graph.topology();
    Set<Bdf> asked = new TreeSet<>(wanted);
    Set<Bdf> groupMates = graph.groupClosure(asked);
    Set<Bdf> resetMates = graph.resetClosure(asked);
    Set<Bdf> all = graph.closure(asked);
    List<PlannedFunction> functions = new ArrayList<>();
    List<Bdf> passthrough = new ArrayList<>();
    List<String> driverctl = new ArrayList<>();
    List<String> sysfs = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (Bdf b : all) {
      PciFunction f = t.function(b).orElseThrow();
      Set<PlannedFunction.Role> roles = EnumSet.noneOf(PlannedFunction.Role.class);
      if (asked.contains(b)) {
        roles.add(PlannedFunction.Role.REQUESTED);
      }
      if (groupMates.contains(b) && !asked.contains(b)) {
        roles.add(PlannedFunction.Role.GROUP_MATE);
      }
      if (resetMates.contains(b) && !asked.contains(b)) {
        roles.add(PlannedFunction.Role.RESET_MATE);
      }
      functions.add(
          new PlannedFunction(
              b,
              f.description(),
              f.driver().label(),
              f.iommuGroup(),
              graph.resetDomain(b).map(Object::toString),
              roles,
              f.isBridge(),
              f.isBridge() ? List.of() : use.of(f),
              graph.holdersOf(b)));
      if (f.isBridge()) {
        notes.add(
            b
                + " is a bridge: it stays on "
                + f.driver().label()
                + " (pcieport keeps the group viable) and is not passed");
        continue;
      }
      if (f.iommuGroup().isEmpty()) {
        notes.add(b + " has no IOMMU group: vfio-pci cannot take it");
      }
      passthrough.add(b);
      if (!f.driver().isVfio()) {
        driverctl.add("driverctl set-override " + b + " vfio-pci");
        String dev = "/sys/bus/pci/devices/" + b;
        sysfs.add("echo vfio-pci > " + dev + "/driver_override");
        if (!f.driver().label().equals("no driver")) {
          sysfs.add("echo " + b + " > " + dev + "/driver/unbind");
        }
        sysfs.add("echo " + b + " > /sys/bus/pci/drivers_probe");
      }
    }
    for (PlannedFunction p : functions) {
      if (!p.heldBy().isEmpty()) {
        notes.add(
            p.bdf()
                + " is held now by "
                + String.join(", ", p.heldBy())
                + ": they must close it first");
      }
    }
    if (!use.readFromHost()) {
      notes.add(
          "host use comes from drivers and classes only: mounted filesystems, interfaces that are"
              + " up and the boot display are read from a live host or a capture");
    }
    for (String u : use.unknown()) {
      notes.add("unknown, not known to be unused: " + u);
    }
    return new Plan(
        List.copyOf(asked),
        functions,
        passthrough,
        driverctl,
        sysfs,
        qemuLegacy(passthrough),
        qemuIommufd(passthrough),
        libvirt(passthrough, false),
        libvirt(passthrough, true),
        notes);
  }

  /** Plans {@code wanted} on a fresh graph of {@code analysis}, with driver-derived host use. */
  public static Plan plan(Analysis analysis, List<Bdf> wanted) {
    return plan(HostGraph.of(analysis), wanted, HostUse.fromDrivers());
  }

  private static List<String> qemuLegacy(List<Bdf> pass) {
    List<String> out = new ArrayList<>();
    for (Bdf b : pass) {
      out.add("-device vfio-pci,host=" + b);
    }
    return out;
  }

  private static List<String> qemuIommufd(List<Bdf> pass) {
    List<String> out = new ArrayList<>();
    out.add("-object iommufd,id=iommufd0");
    for (Bdf b : pass) {
      out.add("-device vfio-pci,host=" + b + ",iommufd=iommufd0");
    }
    return out;
  }

  private static String libvirt(List<Bdf> pass, boolean iommufd) {
    StringBuilder s = new StringBuilder();
    for (Bdf b : pass) {
      s.append("<hostdev mode='subsystem' type='pci' managed='yes'>\n");
      if (iommufd) {
        s.append("  <driver iommufd='yes'/>\n");
      }
      s.append("  <source>\n    <address domain='0x")
          .append(hex(b.segment(), 4))
          .append("' bus='0x")
          .append(hex(b.bus(), 2))
          .append("' slot='0x")
          .append(hex(b.device(), 2))
          .append("' function='0x")
          .append(Integer.toHexString(b.function()))
          .append("'/>\n  </source>\n");
      s.append("</hostdev>\n");
    }
    return s.toString();
  }

  /** {@code value} in lower-case hex, zero-padded to {@code digits}. */
  private static String hex(int value, int digits) {
    String h = Integer.toHexString(value);
    return "0".repeat(Math.max(0, digits - h.length())) + h;
  }
}
