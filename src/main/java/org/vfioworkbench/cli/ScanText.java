package org.vfioworkbench.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.vfioworkbench.engine.DeviceVerdict;
import org.vfioworkbench.engine.InfoEntry;
import org.vfioworkbench.host.GroupMembers;
import org.vfioworkbench.host.HolderProvenance;
import org.vfioworkbench.host.HostFunctionFacts;
import org.vfioworkbench.host.InferredFact;
import org.vfioworkbench.host.ScanProblem;
import org.vfioworkbench.host.ScanResult;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.BusAddress;
import org.vfioworkbench.model.Holder;
import org.vfioworkbench.model.IommuGroup;
import org.vfioworkbench.model.OpenFile;
import org.vfioworkbench.model.PciBus;
import org.vfioworkbench.model.PciFunction;
import org.vfioworkbench.model.Slot;
import org.vfioworkbench.model.Topology;

/** The human-readable form of a scan: summary, PCI tree, groups, holders, verdicts, problems. */
final class ScanText {

  private final ScanResult scan;
  private final PrintWriter out;
  private final Topology t;

  ScanText(ScanResult scan, PrintWriter out) {
    this.scan = scan;
    this.out = out;
    this.t = scan.topology();
  }

  void print(List<DeviceVerdict> verdicts, String profile) {
    out.printf(
        "Scanned %s: %s on %s, %s, %s, %s; %s.%n",
        scan.source(),
        count(t.functions().size(), "PCI function"),
        count(t.buses().size(), "bus"),
        count(t.slots().size(), "slot"),
        count(t.groups().size(), "IOMMU group"),
        count(t.holders().size(), "holder"),
        (scan.problems().isEmpty()
                ? "everything could be read"
                : count(scan.problems().size(), "thing") + " could not be read")
            + (scan.notes().isEmpty()
                ? ""
                : ", " + count(scan.notes().size(), "note") + " on facts inferred or missing"));
    out.printf(
        "No-IOMMU mode: %s. Device cdevs: %s.%n",
        t.options().noIommuMode() ? "on" : "off", t.options().cdevSupported() ? "yes" : "no");
    tree();
    slots();
    groups();
    holders();
    if (verdicts != null) {
      verdicts(verdicts, profile);
    }
    problems();
    if (!scan.notes().isEmpty()) {
      out.println();
      out.println("Notes (inferred or assumed):");
      scan.notes().forEach(n -> out.println("  " + SafeText.escape(n)));
    }
    out.flush();
  }

  private void tree() {
    Map<BusAddress, List<PciFunction>> onBus = new TreeMap<>();
    t.functions()
        .forEach(f -> onBus.computeIfAbsent(f.bdf().busAddress(), b -> new ArrayList<>()).add(f));
    Map<Bdf, List<PciBus>> below = new TreeMap<>();
    List<PciBus> roots = new ArrayList<>();
    for (PciBus b : t.buses()) {
      if (b.bridge().isPresent()) {
        below.computeIfAbsent(b.bridge().get(), k -> new ArrayList<>()).add(b);
      } else {
        roots.add(b);
      }
    }
    out.println();
    out.println("PCI:");
    Set<BusAddress> shown = new HashSet<>();
    for (PciBus r : roots) {
      out.println("  bus " + r.address() + " (no upstream bridge: root or virtual bus)");
      bus(r.address(), onBus, below, "    ", shown);
    }
    for (PciBus b : t.buses()) {
      if (!shown.contains(b.address())
          && b.bridge().isPresent()
          && t.function(b.bridge().get()).isEmpty()) {
        out.println(
            "  bus "
                + b.address()
                + " (below "
                + b.bridge().get()
                + ", which the scan did not find)");
        bus(b.address(), onBus, below, "    ", shown);
      }
    }
  }

  private void bus(
      BusAddress bus,
      Map<BusAddress, List<PciFunction>> onBus,
      Map<Bdf, List<PciBus>> below,
      String indent,
      Set<BusAddress> shown) {
    if (!shown.add(bus)) {
      return;
    }
    for (PciFunction f : onBus.getOrDefault(bus, List.of())) {
      out.println(indent + line(f));
      for (PciBus child : below.getOrDefault(f.bdf(), List.of())) {
        out.println(indent + "  bus " + child.address());
        bus(child.address(), onBus, below, indent + "    ", shown);
      }
    }
  }

  private String line(PciFunction f) {
    Optional<HostFunctionFacts> h = Optional.ofNullable(scan.functions().get(f.bdf()));
    StringBuilder s = new StringBuilder();
    s.append(f.bdf())
        .append("  ")
        .append(
            h.map(x -> x.names().className() + ": " + x.names().vendorAndDevice())
                .orElse(f.description()))
        .append(" [")
        .append(hex4(f.vendorId()))
        .append(':')
        .append(hex4(f.deviceId()))
        .append(']')
        .append("  driver: ")
        .append(f.driver().label())
        .append("  group: ")
        .append(f.iommuGroup().isPresent() ? String.valueOf(f.iommuGroup().getAsInt()) : "none");
    f.physfn().ifPresent(p -> s.append("  VF of ").append(p));
    h.ifPresent(
        x -> {
          if (!x.virtfns().isEmpty()) {
            s.append("  PF of ").append(x.virtfns().size()).append(" VFs");
          }
          x.slot().ifPresent(n -> s.append("  slot ").append(n));
          x.vfioCdev().ifPresent(c -> s.append("  /dev/vfio/devices/").append(c));
          x.driverOverride().ifPresent(o -> s.append("  override: ").append(o));
          x.resetMethod()
              .ifPresent(
                  m ->
                      s.append("  reset: ")
                          .append(
                              m.isEmpty() ? "none (reset_method emptied)" : String.join(" ", m)));
        });
    if (!f.quirks().isEmpty()) {
      s.append("  quirks: ").append(f.quirks()).append(" (inferred)");
    }
    return s.toString();
  }

  private void slots() {
    if (t.slots().isEmpty()) {
      return;
    }
    out.println();
    out.println("Slots:");
    for (Slot s : t.slots()) {
      out.printf(
          "  %s at %s:%02x  reset %s (inferred)%n",
          s.name(),
          s.bus(),
          s.device(),
          s.resetSupported() ? "supported (hotplug slot)" : "not supported");
    }
  }

  private void groups() {
    if (t.groups().isEmpty()) {
      return;
    }
    out.println();
    out.println("IOMMU groups:");
    GroupMembers members = new GroupMembers(t);
    for (IommuGroup g : t.groups()) {
      // Named by its node only where the node exists: naming it for every group would read as if
      // each had one.
      out.print("  group ");
      out.print(g.id());
      if (scan.hasNode(g)) {
        out.print(" (");
        out.print(g.devicePath());
        out.print(')');
      }
      out.print(g.kind().name().equals("NOIOMMU") ? " [no-IOMMU]: " : ": ");
      String separator = "";
      for (PciFunction f : members.of(g.id())) {
        out.print(separator);
        out.print(f.bdf());
        out.print(" (");
        out.print(f.driver().label());
        out.print(')');
        separator = ", ";
      }
      out.println();
    }
  }

  private void holders() {
    out.println();
    if (t.holders().isEmpty()) {
      out.println("Holders: none (no process holds a VFIO file)");
      return;
    }
    out.println("Holders:");
    for (Holder h : t.holders()) {
      Optional<HolderProvenance> p = scan.provenance(h.name());
      out.printf(
          "  %s  uid %s%s%n",
          SafeText.escape(h.name()),
          p.flatMap(
                  x ->
                      x.uid().isPresent()
                          ? Optional.of(String.valueOf(x.uid().getAsInt()))
                          : Optional.empty())
              .orElse("?"),
          p.map(
                  x ->
                      x.cmdline().isEmpty()
                          ? ""
                          : "  " + abbreviate(SafeText.escape(String.join(" ", x.cmdline()))))
              .orElse(""));
      for (OpenFile f : h.files()) {
        Optional<InferredFact> inf = p.flatMap(x -> x.inferredFor(f.fd()));
        out.printf(
            "    fd %d  %s%s%n",
            f.fd(),
            f.describe(),
            inf.map(
                    i ->
                        "  [inferred"
                            + (i.ambiguous() ? ", ambiguous" : "")
                            + ": "
                            + i.basis()
                            + "]")
                .orElse(""));
      }
    }
  }

  private void verdicts(List<DeviceVerdict> verdicts, String profile) {
    out.println();
    out.println("Engine verdicts (" + profile + "; computed, nothing was called on the host):");
    if (verdicts.isEmpty()) {
      out.println("  no device fd is open");
    }
    for (DeviceVerdict d : verdicts) {
      List<String> entries = new ArrayList<>();
      for (InfoEntry e : d.info().entries()) {
        entries.add(e.bdf() + " " + e.idLabel());
      }
      out.printf("  %s (%s)%n", d.fd(), d.device());
      out.printf(
          "    INFO: %s%s%s%n",
          d.info().retLabel(),
          d.info().flags().isEmpty() ? "" : " flags " + d.info().flags(),
          entries.isEmpty() ? "" : " [" + String.join(", ", entries) + "]");
      out.printf(
          "    HOT_RESET (%s: %s): %s%n",
          d.natural().kind().label(), d.natural().description(), d.reset().retLabel());
      if (!d.reset().trace().isEmpty()) {
        out.println("      decided by " + d.reset().trace().get(d.reset().trace().size() - 1));
      }
    }
  }

  private void problems() {
    out.println();
    if (scan.problems().isEmpty()) {
      out.println("Everything the scan looked for could be read.");
      return;
    }
    out.println("Could not read (" + scan.problems().size() + "):");
    for (ScanProblem p : scan.problems()) {
      out.println("  " + SafeText.escape(p.toString()));
    }
  }

  /** {@code value} as four lower-case hex digits, as {@code %04x} writes it. */
  private static String hex4(int value) {
    String h = Integer.toHexString(value);
    return h.length() >= 4 ? h : "0000".substring(h.length()) + h;
  }

  private static String count(int n, String noun) {
    return n + " " + (n == 1 ? noun : noun.endsWith("s") ? noun + "es" : noun + "s");
  }

  private static String abbreviate(String s) {
    return s.length() <= 100 ? s : s.substring(0, 97) + "...";
  }
}
