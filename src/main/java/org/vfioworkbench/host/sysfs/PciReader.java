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
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vfioworkbench.host.HostFunctionFacts;
import org.vfioworkbench.host.PciNames;
import org.vfioworkbench.host.ScanListener;
import org.vfioworkbench.host.ScanLog;
import org.vfioworkbench.host.ScanPhase;
import org.vfioworkbench.host.ScanWorkers;
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
import org.vfioworkbench.model.HotplugDriver;
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
      Pattern.compile("[0-9a-fA-F]{4,8}:[0-9a-fA-F]{2}:[0-9a-fA-F]{2}\\.[0-7]");
  private static final Pattern ROOT = Pattern.compile("pci([0-9a-fA-F]{4,8}):([0-9a-fA-F]{2})");
  private static final Pattern SLOT_ADDRESS =
      Pattern.compile("([0-9a-fA-F]{4,8}):([0-9a-fA-F]{2})(?::([0-9a-fA-F]{2}))?");
  private static final int CONFIG_BYTES = 64;
  private static final int HEADER_TYPE_OFFSET = 0x0e;

  /** Secondary bus number in a type 1 (bridge) and a type 2 (CardBus) header alike. */
  private static final int SECONDARY_BUS_OFFSET = 0x19;

  private final HostFs fs;
  private final ScanLog log;
  private final PciIds ids;

  public PciReader(HostFs fs, ScanLog log) {
    this(fs, log, PciIds.system());
  }

  /** A reader that names functions from {@code ids}. */
  public PciReader(HostFs fs, ScanLog log, PciIds ids) {
    this.fs = fs;
    this.log = log;
    this.ids = ids;
  }

  /**
   * One function as read, before buses are derived.
   *
   * @param childBuses the names in a bridge's {@code pci_bus/}; empty when it has none
   * @param secondaryBus a bridge's secondary bus number from config space, -1 when unknown
   */
  private record Raw(
      PciFunction function,
      String path,
      Optional<List<String>> childBuses,
      int secondaryBus,
      HostFunctionFacts facts) {}

  /** Functions read on one thread, with what they logged. */
  private record Chunk(List<Raw> raws, ScanLog log, int names) {}

  /** Functions one task reads: small enough to share the work, big enough to be worth a task. */
  private static final int CHUNK = 256;

  private Chunk readChunk(List<String> names, ScanListener listener) {
    ScanLog own = new ScanLog();
    PciReader reader = new PciReader(fs, own, ids);
    List<Raw> raws = new ArrayList<>(names.size());
    for (String name : names) {
      if (listener.cancelled()) {
        throw new CancellationException("scan cancelled");
      }
      reader.readFunction(name).ifPresent(raws::add);
    }
    return new Chunk(raws, own, names.size());
  }

  /** Reads on the caller's thread. */
  public PciScan read(ScanListener listener) {
    try (ScanWorkers one = ScanWorkers.of(1)) {
      return read(listener, one);
    }
  }

  /**
   * Reads the functions' directories on {@code workers}, in runs of {@link #CHUNK}; the result,
   * problems and notes are in the order of {@code /sys/bus/pci/devices} whatever thread read what.
   * Progress is reported on the caller's thread; {@link ScanListener#cancelled()} is asked on the
   * workers too.
   */
  public PciScan read(ScanListener listener, ScanWorkers workers) {
    List<String> names;
    try {
      names = fs.list(DEVICES);
    } catch (IOException e) {
      log.problem(DEVICES, "the list of PCI functions", e);
      return new PciScan(List.of(), List.of(), List.of(), Map.of());
    }
    long max = Limit.FUNCTIONS.value();
    if (names.size() > max) {
      log.problem(
          DEVICES,
          "the list of PCI functions",
          names.size()
              + " names: "
              + Limit.FUNCTIONS.exceeded()
              + "; only the first "
              + max
              + " were read");
      names = names.subList(0, (int) max);
    }
    Map<Bdf, Raw> raws = new LinkedHashMap<>();
    int done = 0;
    List<Future<Chunk>> chunks = new ArrayList<>();
    for (List<String> chunk : ScanWorkers.chunks(names, CHUNK)) {
      chunks.add(workers.submit(() -> readChunk(chunk, listener)));
    }
    for (Future<Chunk> f : chunks) {
      Chunk c = ScanWorkers.join(f);
      c.raws().forEach(r -> raws.put(r.function().bdf(), r));
      log.absorb(c.log());
      done += c.names();
      listener.progress(ScanPhase.PCI_FUNCTIONS, done, names.size());
    }
    List<PciBus> buses = buses(raws);
    noteResetMethods(raws);
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
    Bdf bdf;
    try {
      bdf = Bdf.parse(name);
    } catch (IllegalArgumentException e) {
      log.problem(link, "a PCI function", e.getMessage() + ", skipped");
      return Optional.empty();
    }
    String path;
    try {
      path = HostPaths.resolveLink(link, fs.readLink(link));
    } catch (IOException e) {
      log.problem(
          link,
          "PCI function " + bdf,
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
    Optional<byte[]> config = a.bytes("config", CONFIG_BYTES);
    HeaderType header = headerType(a, config, classCode);
    Driver driver = DriverClassifier.classify(a.linkName("driver").orElse(null));
    OptionalInt group =
        a.linkName("iommu_group").map(g -> parseGroup(path, g)).orElse(OptionalInt.empty());
    Optional<Bdf> physfn = a.linkName("physfn").flatMap(n -> bdfOrLog(path + "/physfn", n));
    List<Bdf> virtfns = virtfns(a);
    // PCI_DEV_FLAGS_NO_BUS_RESET is not visible in sysfs: the engine derives it from the ids
    // through its quirk table under the kernel's profile, so the scan records only what sysfs
    // shows. An empty reset_method (noted by noteResetMethods) is the flag the reset_method gate
    // of "PCI: Avoid reset when disabled via sysfs" looks at.
    Set<Quirk> quirks = EnumSet.noneOf(Quirk.class);
    Optional<List<String>> resets =
        a.text("reset_method")
            .map(s -> s.isBlank() ? List.<String>of() : List.of(s.trim().split("\\s+")));
    if (resets.isPresent() && resets.get().isEmpty()) {
      quirks.add(Quirk.NO_RESET_METHOD);
    }
    PciNames names = names(a, classCode, vendor, device);
    String description = names.deviceKnown() ? names.device() : PciClassNames.name(classCode, ids);
    PciFunction f =
        new PciFunction(
            bdf,
            header,
            vendor,
            device,
            classCode,
            description,
            driver,
            group,
            physfn,
            quirks,
            EnumSet.noneOf(TransientCondition.class),
            false,
            Optional.empty());
    Optional<String> override = a.text("driver_override").filter(s -> !s.equals("(null)"));
    Optional<String> cdev = a.listing("vfio-dev").flatMap(l -> l.stream().findFirst());
    boolean bridge = header == HeaderType.BRIDGE || header == HeaderType.CARDBUS;
    Optional<List<String>> childBuses = bridge ? a.listing("pci_bus") : Optional.empty();
    int secondary =
        bridge && config.isPresent() && config.get().length > SECONDARY_BUS_OFFSET
            ? config.get()[SECONDARY_BUS_OFFSET] & 0xff
            : -1;
    HostFunctionFacts facts =
        new HostFunctionFacts(bdf, path, override, resets, cdev, virtfns, Optional.empty(), names);
    return Optional.of(new Raw(f, path, childBuses, secondary, facts));
  }

  /** Names as lspci prints them; the subsystem only when the function has subsystem ids. */
  private PciNames names(Attributes a, int classCode, int vendor, int device) {
    int subVendor = a.names.contains("subsystem_vendor") ? a.hex("subsystem_vendor", 0xffff) : 0;
    int subDevice = a.names.contains("subsystem_device") ? a.hex("subsystem_device", 0xffff) : 0;
    boolean sub = subVendor != 0 || subDevice != 0;
    String className =
        ids.isEmpty() ? PciClassNames.name(classCode, ids) : ids.className(classCode);
    return new PciNames(
        className,
        ids.vendorName(vendor),
        ids.deviceName(vendor, device),
        sub ? ids.subsystemVendorName(subVendor) : "",
        sub ? ids.subsystemName(vendor, device, subVendor, subDevice) : "",
        ids.device(vendor, device).isPresent(),
        ids.source());
  }

  /**
   * An absent {@code reset_method} (kernels before 5.15, or a function with no reset method at all)
   * and an empty one (every method disabled by writing to it) mean different things, so each is a
   * note.
   */
  private void noteResetMethods(Map<Bdf, Raw> raws) {
    List<Bdf> absent = new ArrayList<>();
    for (Raw r : raws.values()) {
      Optional<List<String>> m = r.facts().resetMethod();
      if (m.isEmpty()) {
        absent.add(r.function().bdf());
      } else if (m.get().isEmpty()) {
        log.note(
            r.function().bdf()
                + ": reset_method is empty: every reset method was disabled "
                + "through sysfs, so the kernel will not reset this function");
      }
    }
    if (!absent.isEmpty()) {
      log.note(
          absent.size() == raws.size()
              ? "no function has a reset_method attribute (the kernel predates 5.15, or the tree "
                  + "omits it): reset methods unknown"
              : absent.size()
                  + " function(s) have no reset_method attribute (no reset method, or "
                  + "not in the tree): "
                  + abbreviated(absent));
    }
  }

  private static String abbreviated(List<Bdf> bdfs) {
    List<String> s = bdfs.stream().limit(8).map(Bdf::toString).toList();
    return String.join(", ", s) + (bdfs.size() > 8 ? ", ..." : "");
  }

  private HeaderType headerType(Attributes a, Optional<byte[]> config, int classCode) {
    if (config.isPresent() && config.get().length > HEADER_TYPE_OFFSET) {
      int type = config.get()[HEADER_TYPE_OFFSET] & 0x7f;
      switch (type) {
        case 0:
          return HeaderType.NORMAL;
        case 1:
          return HeaderType.BRIDGE;
        case 2:
          return HeaderType.CARDBUS;
        default:
          log.problem(
              a.dir + "/config",
              "header type of " + a.bdf,
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
        a.linkName(n)
            .flatMap(t -> bdfOrLog(a.dir + "/" + n, t))
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
    if (BDF.matcher(name).matches() && parsedOrNull(name) != null) {
      return Optional.of(Bdf.parse(name));
    }
    log.problem(path, "an SR-IOV link", "does not name a PCI function: '" + name + "'");
    return Optional.empty();
  }

  /**
   * Buses from the resolved paths: a function whose parent directory is a PCI function sits on that
   * bridge's secondary bus; one whose parent is {@code pciSSSS:BB} is on a root bus. A bridge on
   * the path that is not in {@code /sys/bus/pci/devices} (a tree that left it out) is passed over
   * for the nearest listed one above it, with a note. VFs on a bus number beyond their PF's bus sit
   * on a virtual bus with no bridge. Bridges' and CardBus bridges' {@code pci_bus/} listings (or,
   * without one, the secondary bus number in config space) add secondary buses that hold nothing.
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
      if (f.physfn().isPresent() && !f.physfn().get().busAddress().equals(bus)) {
        buses.put(bus, PciBus.root(bus));
        if (virtualNoted.add(bus)) {
          log.note(
              "bus "
                  + bus
                  + " holds VFs of "
                  + f.physfn().get()
                  + " beyond their PF's bus: a virtual bus with no upstream bridge");
        }
        continue;
      }
      buses.put(bus, upstream(r, bus, raws));
    }
    Set<Bdf> withBus = new HashSet<>();
    buses.values().forEach(b -> b.bridge().ifPresent(withBus::add));
    Map<UnknownBus, List<Bdf>> unknown = new java.util.LinkedHashMap<>();
    for (Raw r : raws.values()) {
      boolean listed = r.childBuses().isPresent() && !r.childBuses().get().isEmpty();
      if (!listed && withBus.contains(r.function().bdf())) {
        continue;
      }
      secondaryBuses(r, unknown)
          .forEach(
              child -> {
                PciBus known = buses.get(child);
                if (known == null) {
                  buses.put(child, PciBus.below(child, r.function().bdf()));
                } else if (known.bridge().isEmpty() && !isVirtual(child, raws)) {
                  log.note(
                      "bus "
                          + child
                          + " is the secondary bus of "
                          + r.function().bdf()
                          + " but its functions' sysfs paths do not pass through it; kept as they say");
                }
              });
    }
    unknown.forEach(this::noteUnknownSecondaryBuses);
    return new ArrayList<>(buses.values());
  }

  /**
   * One note per reason for the bridges whose secondary bus is unknown: a server's empty root ports
   * are many, and a note each would bury the rest.
   */
  private void noteUnknownSecondaryBuses(UnknownBus why, List<Bdf> bridges) {
    log.note(
        (bridges.size() == 1
                ? why.kind() + " " + bridges.get(0)
                : bridges.size() + " " + why.kind() + "s (" + abbreviated(bridges) + ")")
            + ": secondary bus unknown ("
            + why.reason()
            + ")");
  }

  /** Why a bridge's secondary bus is unknown: its kind ("bridge", "CardBus bridge") and reason. */
  private record UnknownBus(String kind, String reason) {}

  private static boolean isVirtual(BusAddress bus, Map<Bdf, Raw> raws) {
    return raws.values().stream()
        .anyMatch(
            r -> r.function().bdf().busAddress().equals(bus) && r.function().physfn().isPresent());
  }

  /** The bus of {@code r}'s function: below the nearest listed bridge on its path, or a root. */
  private PciBus upstream(Raw r, BusAddress bus, Map<Bdf, Raw> raws) {
    List<String> hidden = new ArrayList<>();
    String dir = HostPaths.parent(r.path());
    while (!dir.isEmpty() && !dir.equals("/")) {
      String name = HostPaths.name(dir);
      if (BDF.matcher(name).matches()) {
        Bdf bridge = parsedOrNull(name);
        if (bridge != null && raws.containsKey(bridge)) {
          noteHidden(r, bus, hidden, "placed below " + bridge + ", the nearest listed bridge");
          return PciBus.below(bus, bridge);
        }
        hidden.add(name);
      } else if (ROOT.matcher(name).matches()) {
        noteHidden(r, bus, hidden, "no listed bridge above it, so it is shown as a root bus");
        return PciBus.root(bus);
      } else {
        break;
      }
      dir = HostPaths.parent(dir);
    }
    log.problem(
        r.path(),
        "the bus of " + r.function().bdf(),
        "no host bridge (pciSSSS:BB) on the sysfs path; treated as a root bus");
    return PciBus.root(bus);
  }

  private static Bdf parsedOrNull(String name) {
    try {
      return Bdf.parse(name);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private void noteHidden(Raw r, BusAddress bus, List<String> hidden, String outcome) {
    if (!hidden.isEmpty()) {
      log.note(
          "bus "
              + bus
              + ": bridge "
              + String.join(", ", hidden)
              + " on the sysfs path of "
              + r.function().bdf()
              + " is not in "
              + DEVICES
              + " (left out of this tree); "
              + outcome);
    }
  }

  /**
   * A bridge's secondary bus: its {@code pci_bus/} entry, else the secondary bus number in its
   * config space (noted), else nothing (the bridge is added to {@code unknown} under the reason).
   */
  private List<BusAddress> secondaryBuses(Raw r, Map<UnknownBus, List<Bdf>> unknown) {
    PciFunction f = r.function();
    if (f.headerType() != HeaderType.BRIDGE && f.headerType() != HeaderType.CARDBUS) {
      return List.of();
    }
    String kind = f.headerType() == HeaderType.CARDBUS ? "CardBus bridge " : "bridge ";
    if (r.childBuses().isPresent() && !r.childBuses().get().isEmpty()) {
      List<BusAddress> out = new ArrayList<>();
      for (String child : r.childBuses().get()) {
        try {
          out.add(BusAddress.parse(child));
        } catch (IllegalArgumentException e) {
          log.problem(r.path() + "/pci_bus/" + child, "a secondary bus", e.getMessage());
        }
      }
      return out;
    }
    if (r.secondaryBus() > 0) {
      BusAddress bus = new BusAddress(f.bdf().segment(), r.secondaryBus());
      log.note(
          kind
              + f.bdf()
              + ": no pci_bus/ directory in the tree; secondary bus "
              + bus
              + " taken from its config space");
      return List.of(bus);
    }
    unknown
        .computeIfAbsent(
            new UnknownBus(
                kind.trim(),
                "no pci_bus/ directory"
                    + (r.secondaryBus() == 0
                        ? ", and config space says 0: not configured"
                        : " nor config")),
            k -> new ArrayList<>())
        .add(f.bdf());
    return List.of();
  }

  /**
   * {@code /sys/bus/pci/slots/NAME/address} ({@code 0000:06:00}). A slot counts as reset-capable
   * when it is a hotplug slot (pciehp adds a {@code power} attribute): inferred, since sysfs does
   * not show whether the controller implements {@code reset_slot}.
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
    // The functions on each bus, so that a slot finds its own without a pass over all of them.
    Map<BusAddress, List<Bdf>> onBus = new HashMap<>();
    if (!names.isEmpty()) {
      facts
          .keySet()
          .forEach(b -> onBus.computeIfAbsent(b.busAddress(), k -> new ArrayList<>()).add(b));
    }
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
        log.problem(
            dir + "/address",
            "slot " + name,
            "address '" + address + "' names no device; slot left out");
        continue;
      }
      BusAddress bus;
      try {
        bus = BusAddress.parse(m.group(1) + ":" + m.group(2));
      } catch (IllegalArgumentException e) {
        log.problem(dir + "/address", "slot " + name, e.getMessage() + "; slot left out");
        continue;
      }
      int dev = Integer.parseInt(m.group(3), 16);
      if (dev > 0x1f) {
        log.problem(
            dir + "/address",
            "slot " + name,
            "address '" + address + "' names device " + dev + " (at most 31); slot left out");
        continue;
      }
      HotplugDriver hotplug = hotplugDriver(dir, name, attrs);
      Slot slot = new Slot(name, bus, dev, hotplug);
      slots.add(slot);
      for (Bdf b : onBus.getOrDefault(bus, List.of())) {
        if (slot.contains(b)) {
          facts.computeIfPresent(b, (k, f) -> f.withSlot(name));
        }
      }
    }
    listener.progress(ScanPhase.SLOTS, names.size(), names.size());
    return slots;
  }

  /**
   * The slot's hotplug driver from its {@code module} link ({@code ../../../module/pciehp}); a slot
   * without the link has no hotplug driver ({@code pci_hp_create_module_link} never ran for it).
   */
  private HotplugDriver hotplugDriver(String dir, String name, List<String> attrs) {
    String link = dir + "/module";
    if (!attrs.contains("module")) {
      log.note("slot " + name + ": no 'module' link, so no hotplug driver (no slot reset)");
      return HotplugDriver.NONE;
    }
    String module;
    try {
      module = HostPaths.name(HostPaths.resolveLink(link, fs.readLink(link)));
    } catch (IOException e) {
      log.problem(
          link,
          "hotplug driver of slot " + name,
          FsErrors.describe(e) + "; taken as a driver without reset_slot");
      return HotplugDriver.OTHER;
    }
    Optional<HotplugDriver> known = HotplugDriver.byId(module);
    if (known.isEmpty()) {
      log.note(
          "slot "
              + name
              + ": hotplug driver "
              + module
              + " is not one the workbench knows; taken as one without reset_slot");
      return HotplugDriver.OTHER;
    }
    log.note(
        "slot "
            + name
            + ": hotplug driver "
            + module
            + " ("
            + (known.get().hasResetSlot() ? "has" : "has no")
            + " reset_slot)");
    return known.get();
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
      return bytes(attr, 4096)
          .map(
              b -> {
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
        log.problem(
            dir + "/" + attr, attr + " of " + bdf, "unexpected value '" + s + "'; 0 assumed");
        return 0;
      }
    }
  }
}
