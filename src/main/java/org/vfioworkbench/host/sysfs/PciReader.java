package org.vfioworkbench.host.sysfs;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vfioworkbench.host.HostFunctionFacts;
import org.vfioworkbench.host.ScanListener;
import org.vfioworkbench.host.ScanLog;
import org.vfioworkbench.host.ScanPhase;
import org.vfioworkbench.host.fs.FsErrors;
import org.vfioworkbench.host.fs.HostFs;
import org.vfioworkbench.host.fs.HostNumbers;
import org.vfioworkbench.host.fs.HostPaths;
import org.vfioworkbench.host.fs.OutsideRootException;
import org.vfioworkbench.io.Limit;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.BusAddress;
import org.vfioworkbench.model.Driver;
import org.vfioworkbench.model.HeaderType;
import org.vfioworkbench.model.PciBus;
import org.vfioworkbench.model.PciFunction;
import org.vfioworkbench.model.Quirk;
import org.vfioworkbench.model.Slot;
import org.vfioworkbench.model.TransientCondition;

/**
 * Reads the PCI hierarchy from sysfs: {@code /sys/bus/pci/devices/*} resolved to their {@code
 * /sys/devices/pci…} paths (which give each bus its upstream bridge), the attributes of each
 * function, SR-IOV links, and {@code /sys/bus/pci/slots}. A function that disappears or an
 * attribute that cannot be read is logged and the scan goes on.
 */
public final class PciReader {

  public static final String DEVICES = "/sys/bus/pci/devices";
  public static final String SLOTS = "/sys/bus/pci/slots";

  private static final Pattern BDF =
      Pattern.compile("[0-9a-fA-F]{4}:[0-9a-fA-F]{2}:[0-9a-fA-F]{2}\\.[0-7]");
  private static final Pattern ROOT = Pattern.compile("pci([0-9a-fA-F]{4}):([0-9a-fA-F]{2})");
  private static final Pattern SLOT_ADDRESS =
      Pattern.compile("([0-9a-fA-F]{4}):([0-9a-fA-F]{2})(?::([0-9a-fA-F]{2}))?");
  private static final int CONFIG_BYTES = 64;
  private static final int HEADER_TYPE_OFFSET = 0x0e;

  private final HostFs fs;
  private final ScanLog log;

  public PciReader(HostFs fs, ScanLog log) {
    this.fs = fs;
    this.log = log;
  }

  /** One function as read, before buses are derived. */
  private record Raw(
      PciFunction function, String path, List<String> childBuses, HostFunctionFacts facts) {}

  public PciScan read(ScanListener listener) {
    List<String> names;
    try {
      names = fs.list(DEVICES);
    } catch (IOException e) {
      log.problem(DEVICES, "the list of PCI functions", e);
      return new PciScan(List.of(), List.of(), List.of(), Map.of());
    }
    long max = Limit.FUNCTIONS.value();
    if (names.size() > max) {
      log.problem(DEVICES, "the list of PCI functions", names.size() + " names: "
          + Limit.FUNCTIONS.exceeded() + "; only the first " + max + " were read");
      names = names.subList(0, (int) max);
    }
    Map<Bdf, Raw> raws = new LinkedHashMap<>();
    int done = 0;
    for (String name : names) {
      if (listener.cancelled()) {
        throw new CancellationException("scan cancelled");
      }
      readFunction(name).ifPresent(r -> raws.put(r.function().bdf(), r));
      listener.progress(ScanPhase.PCI_FUNCTIONS, ++done, names.size());
    }
    List<PciBus> buses = buses(raws);
    Map<Bdf, HostFunctionFacts> facts = new HashMap<>();
    raws.forEach((b, r) -> facts.put(b, r.facts()));
    List<Slot> slots = slots(facts, listener);
    List<PciFunction> functions = new ArrayList<>();
    raws.values().forEach(r -> functions.add(r.function()));
    functions.sort((a, b) -> a.bdf().compareTo(b.bdf()));
    return new PciScan(functions, buses, slots, facts);
  }

  private Optional<Raw> readFunction(String name) {
    String link = HostPaths.child(DEVICES, name);
    if (!BDF.matcher(name).matches()) {
      log.problem(link, "a PCI function", "not a PCI address, skipped");
      return Optional.empty();
    }
    Bdf bdf = Bdf.parse(name);
    String path;
    try {
      path = HostPaths.resolveLink(link, fs.readLink(link));
    } catch (IOException e) {
      log.problem(link, "PCI function " + bdf,
          FsErrors.isMissing(e) ? "removed during the scan" : FsErrors.describe(e));
      return Optional.empty();
    }
    Attributes a = new Attributes(path, bdf);
    if (a.vanished) {
      return Optional.empty();
    }
    int classCode = a.hex("class", 0xffffff);
    int vendor = a.hex("vendor", 0xffff);
    int device = a.hex("device", 0xffff);
    HeaderType header = headerType(a, classCode);
    Driver driver = DriverClassifier.classify(a.linkName("driver").orElse(null));
    OptionalInt group = a.linkName("iommu_group").map(g -> parseGroup(path, g))
        .orElse(OptionalInt.empty());
    Optional<Bdf> physfn = a.linkName("physfn").flatMap(n -> bdfOrLog(path + "/physfn", n));
    List<Bdf> virtfns = virtfns(a);
    Set<Quirk> quirks = EnumSet.noneOf(Quirk.class);
    if (NoBusResetQuirks.matches(vendor, device)) {
      quirks.add(Quirk.NO_BUS_RESET);
      log.note(bdf + ": NO_BUS_RESET inferred from the kernel's quirk list for "
          + String.format("%04x:%04x", vendor, device));
    }
    PciFunction f = new PciFunction(
        bdf, header, vendor, device, classCode, PciClassNames.name(classCode), driver, group,
        physfn, quirks, EnumSet.noneOf(TransientCondition.class));
    Optional<String> override = a.text("driver_override").filter(s -> !s.equals("(null)"));
    List<String> resets = a.text("reset_method").map(s -> List.of(s.trim().split("\\s+")))
        .filter(l -> !l.get(0).isEmpty()).orElse(List.of());
    Optional<String> cdev = a.listing("vfio-dev").flatMap(l -> l.stream().findFirst());
    List<String> childBuses = header == HeaderType.BRIDGE
        ? a.listing("pci_bus").orElse(List.of()) : List.of();
    HostFunctionFacts facts = new HostFunctionFacts(
        bdf, path, override, resets, cdev, virtfns, Optional.empty());
    return Optional.of(new Raw(f, path, childBuses, facts));
  }

  private HeaderType headerType(Attributes a, int classCode) {
    Optional<byte[]> config = a.bytes("config", CONFIG_BYTES);
    if (config.isPresent() && config.get().length > HEADER_TYPE_OFFSET) {
      int type = config.get()[HEADER_TYPE_OFFSET] & 0x7f;
      switch (type) {
        case 0: return HeaderType.NORMAL;
        case 1: return HeaderType.BRIDGE;
        case 2: return HeaderType.CARDBUS;
        default:
          log.problem(a.dir + "/config", "header type of " + a.bdf,
              "unknown header type " + type + "; taken from the class code");
      }
    }
    int sub = (classCode >> 8) & 0xffff;
    if (sub == 0x0604 || sub == 0x0609) {
      return HeaderType.BRIDGE;
    }
    return sub == 0x0607 ? HeaderType.CARDBUS : HeaderType.NORMAL;
  }

  private List<Bdf> virtfns(Attributes a) {
    Map<Integer, Bdf> byIndex = new TreeMap<>();
    for (String n : a.names) {
      if (n.startsWith("virtfn") && HostNumbers.looksNumeric(n.substring(6))) {
        OptionalInt index = HostNumbers.parse(n.substring(6));
        if (index.isEmpty()) {
          log.problem(a.dir + "/" + n, "an SR-IOV link", "not a VF index, skipped");
          continue;
        }
        a.linkName(n).flatMap(t -> bdfOrLog(a.dir + "/" + n, t))
            .ifPresent(v -> byIndex.put(index.getAsInt(), v));
      }
    }
    return List.copyOf(byIndex.values());
  }

  private OptionalInt parseGroup(String path, String name) {
    OptionalInt group = HostNumbers.parse(name);
    if (group.isEmpty()) {
      log.problem(path + "/iommu_group", "IOMMU group", "not a group number: '" + name + "'");
    }
    return group;
  }

  private Optional<Bdf> bdfOrLog(String path, String name) {
    if (BDF.matcher(name).matches()) {
      return Optional.of(Bdf.parse(name));
    }
    log.problem(path, "an SR-IOV link", "does not name a PCI function: '" + name + "'");
    return Optional.empty();
  }

  /**
   * Buses from the resolved paths: a function whose parent directory is a PCI function sits on
   * that bridge's secondary bus; one whose parent is {@code pciSSSS:BB} is on a root bus. VFs on a
   * bus number beyond their PF's bus sit on a virtual bus with no bridge. Bridges' {@code
   * pci_bus/} listings add secondary buses that hold nothing.
   */
  private List<PciBus> buses(Map<Bdf, Raw> raws) {
    Map<BusAddress, PciBus> buses = new TreeMap<>();
    Set<BusAddress> virtualNoted = new HashSet<>();
    for (Raw r : raws.values()) {
      PciFunction f = r.function();
      BusAddress bus = f.bdf().busAddress();
      if (buses.containsKey(bus)) {
        continue;
      }
      String parent = HostPaths.name(HostPaths.parent(r.path()));
      Matcher root = ROOT.matcher(parent);
      if (f.physfn().isPresent() && !f.physfn().get().busAddress().equals(bus)) {
        buses.put(bus, PciBus.root(bus));
        if (virtualNoted.add(bus)) {
          log.note("bus " + bus + " holds VFs of " + f.physfn().get()
              + " beyond their PF's bus: a virtual bus with no upstream bridge");
        }
      } else if (BDF.matcher(parent).matches()) {
        buses.put(bus, PciBus.below(bus, Bdf.parse(parent)));
      } else if (root.matches()) {
        buses.put(bus, PciBus.root(bus));
      } else {
        buses.put(bus, PciBus.root(bus));
        log.problem(r.path(), "the bus of " + f.bdf(),
            "parent directory '" + parent + "' is neither a bridge nor a host bridge; "
                + "treated as a root bus");
      }
    }
    for (Raw r : raws.values()) {
      for (String child : r.childBuses()) {
        try {
          buses.putIfAbsent(BusAddress.parse(child), PciBus.below(BusAddress.parse(child),
              r.function().bdf()));
        } catch (IllegalArgumentException e) {
          log.problem(r.path() + "/pci_bus/" + child, "a secondary bus", e.getMessage());
        }
      }
    }
    return new ArrayList<>(buses.values());
  }

  /**
   * {@code /sys/bus/pci/slots/NAME/address} ({@code 0000:06:00}). A slot counts as
   * reset-capable when it is a hotplug slot (pciehp adds a {@code power} attribute): inferred,
   * since sysfs does not show whether the controller implements {@code reset_slot}.
   */
  private List<Slot> slots(Map<Bdf, HostFunctionFacts> facts, ScanListener listener) {
    List<String> names;
    try {
      names = fs.list(SLOTS);
    } catch (IOException e) {
      if (!FsErrors.isMissing(e)) {
        log.problem(SLOTS, "PCI slots", e);
      }
      return List.of();
    }
    List<Slot> slots = new ArrayList<>();
    int done = 0;
    for (String name : names) {
      listener.progress(ScanPhase.SLOTS, done++, names.size());
      String dir = HostPaths.child(SLOTS, name);
      String address;
      List<String> attrs;
      try {
        address = fs.readText(dir + "/address").trim();
        attrs = fs.list(dir);
      } catch (IOException e) {
        log.problem(dir, "slot " + name, e);
        continue;
      }
      Matcher m = SLOT_ADDRESS.matcher(address);
      if (!m.matches() || m.group(3) == null) {
        log.problem(dir + "/address", "slot " + name,
            "address '" + address + "' names no device; slot left out");
        continue;
      }
      BusAddress bus = new BusAddress(
          Integer.parseInt(m.group(1), 16), Integer.parseInt(m.group(2), 16));
      int dev = Integer.parseInt(m.group(3), 16);
      if (dev > 0x1f) {
        log.problem(dir + "/address", "slot " + name,
            "address '" + address + "' names device " + dev + " (at most 31); slot left out");
        continue;
      }
      boolean hotplug = attrs.contains("power");
      Slot slot = new Slot(name, bus, dev, hotplug);
      slots.add(slot);
      log.note("slot " + name + " (" + address + "): reset support "
          + (hotplug ? "inferred from its hotplug 'power' attribute (pciehp)"
              : "assumed absent: not a hotplug slot"));
      facts.replaceAll((b, f) -> slot.contains(b) ? f.withSlot(name) : f);
    }
    listener.progress(ScanPhase.SLOTS, names.size(), names.size());
    return slots;
  }

  /** The attributes of one function directory, read on demand and logged when they fail. */
  private final class Attributes {
    final String dir;
    final Bdf bdf;
    final List<String> names;
    boolean vanished;

    Attributes(String dir, Bdf bdf) {
      this.dir = dir;
      this.bdf = bdf;
      List<String> n;
      try {
        n = fs.list(dir);
      } catch (IOException e) {
        if (FsErrors.isMissing(e)) {
          log.problem(dir, "PCI function " + bdf, "removed during the scan");
          vanished = true;
        } else if (e instanceof OutsideRootException) {
          log.problem(dir, "PCI function " + bdf + " (left out)", e);
          vanished = true;
        } else {
          log.problem(dir, "attributes of " + bdf, e);
        }
        n = List.of();
      }
      this.names = n;
    }

    Optional<String> text(String attr) {
      return bytes(attr, 4096).map(b -> {
        String s = new String(b, java.nio.charset.StandardCharsets.UTF_8);
        return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
      });
    }

    Optional<byte[]> bytes(String attr, int limit) {
      if (!names.contains(attr)) {
        return Optional.empty();
      }
      String p = dir + "/" + attr;
      try {
        return Optional.of(fs.read(p, limit));
      } catch (IOException e) {
        log.problem(p, attr + " of " + bdf, e);
        return Optional.empty();
      }
    }

    Optional<String> linkName(String attr) {
      if (!names.contains(attr)) {
        return Optional.empty();
      }
      String p = dir + "/" + attr;
      try {
        return Optional.of(HostPaths.name(HostPaths.resolveLink(p, fs.readLink(p))));
      } catch (IOException e) {
        log.problem(p, attr + " link of " + bdf, e);
        return Optional.empty();
      }
    }

    Optional<List<String>> listing(String sub) {
      if (!names.contains(sub)) {
        return Optional.empty();
      }
      String p = dir + "/" + sub;
      try {
        return Optional.of(fs.list(p));
      } catch (IOException e) {
        log.problem(p, sub + " of " + bdf, e);
        return Optional.empty();
      }
    }

    int hex(String attr, int max) {
      Optional<String> t = text(attr);
      if (t.isEmpty()) {
        if (!names.contains(attr) && !names.isEmpty()) {
          log.problem(dir + "/" + attr, attr + " of " + bdf, "attribute missing; 0 assumed");
        }
        return 0;
      }
      String s = t.get().trim();
      try {
        int v = Integer.parseUnsignedInt(s.startsWith("0x") ? s.substring(2) : s, 16);
        if (v > max || v < 0) {
          throw new NumberFormatException();
        }
        return v;
      } catch (NumberFormatException e) {
        log.problem(dir + "/" + attr, attr + " of " + bdf, "unexpected value '" + s + "'; 0 assumed");
        return 0;
      }
    }
  }
}
