package org.vfioworkbench.model;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A fluent way to write topologies in code (tests, generators, lessons). IOMMU groups, containers
 * and iommufd contexts named by functions and files are declared automatically.
 */
public final class TopologyBuilder {

  private HostOptions options = HostOptions.DEFAULT;
  private final Map<BusAddress, PciBus> buses = new LinkedHashMap<>();
  private final List<Slot> slots = new ArrayList<>();
  private final Map<Bdf, PciFunction> functions = new LinkedHashMap<>();
  private final Map<Integer, IommuGroup> groups = new LinkedHashMap<>();
  private final Map<String, Container> containers = new LinkedHashMap<>();
  private final Map<String, IommufdContext> iommufds = new LinkedHashMap<>();
  private final List<Holder> holders = new ArrayList<>();
  private final List<Bdf> bindOrder = new ArrayList<>();

  public TopologyBuilder options(HostOptions newOptions) {
    this.options = newOptions;
    return this;
  }

  public TopologyBuilder rootBus(String bus) {
    BusAddress a = BusAddress.parse(bus);
    buses.put(a, PciBus.root(a));
    return this;
  }

  public TopologyBuilder bus(String bus, String bridge) {
    BusAddress a = BusAddress.parse(bus);
    buses.put(a, PciBus.below(a, Bdf.parse(bridge)));
    return this;
  }

  public TopologyBuilder slot(String name, String bus, int device, boolean resetSupported) {
    slots.add(new Slot(name, BusAddress.parse(bus), device, resetSupported));
    return this;
  }

  /** A slot registered by {@code hotplug}; only drivers with {@code reset_slot} reset it. */
  public TopologyBuilder slot(String name, String bus, int device, HotplugDriver hotplug) {
    slots.add(new Slot(name, BusAddress.parse(bus), device, hotplug));
    return this;
  }

  public TopologyBuilder function(String bdf, Consumer<FunctionSpec> spec) {
    FunctionSpec s = new FunctionSpec(Bdf.parse(bdf));
    spec.accept(s);
    PciFunction f = s.build();
    functions.put(f.bdf(), f);
    f.iommuGroup().ifPresent(g -> groups.putIfAbsent(g, new IommuGroup(g, s.groupKind)));
    return this;
  }

  public TopologyBuilder holder(String name, Consumer<HolderSpec> spec) {
    HolderSpec s = new HolderSpec(name);
    spec.accept(s);
    holders.add(new Holder(name, s.pid, s.capSysRawio, s.files));
    return this;
  }

  public TopologyBuilder bindOrder(String... bdfs) {
    for (String b : bdfs) {
      bindOrder.add(Bdf.parse(b));
    }
    return this;
  }

  public Topology build() {
    return new Topology(
        options,
        new ArrayList<>(buses.values()),
        slots,
        new ArrayList<>(functions.values()),
        new ArrayList<>(groups.values()),
        new ArrayList<>(containers.values()),
        new ArrayList<>(iommufds.values()),
        holders,
        bindOrder);
  }

  /** Attributes of one function; defaults: normal header, no driver, no group. */
  public static final class FunctionSpec {
    private final Bdf bdf;
    private HeaderType header = HeaderType.NORMAL;
    private Driver driver = Driver.NONE;
    private OptionalInt group = OptionalInt.empty();
    private GroupKind groupKind = GroupKind.IOMMU;
    private Optional<Bdf> physfn = Optional.empty();
    private final Set<Quirk> quirks = EnumSet.noneOf(Quirk.class);
    private boolean quirksDeclared;
    private Optional<java.util.UUID> vfToken = Optional.empty();
    private final Set<TransientCondition> conditions = EnumSet.noneOf(TransientCondition.class);
    private String description = "";
    private int vendor;
    private int device;
    private int classCode;

    FunctionSpec(Bdf bdf) {
      this.bdf = bdf;
    }

    public FunctionSpec vfio() {
      driver = Driver.VFIO_PCI;
      return this;
    }

    public FunctionSpec driver(Driver d) {
      driver = d;
      return this;
    }

    public FunctionSpec nativeDriver(String name) {
      driver = Driver.nativeDriver(name);
      return this;
    }

    /** A bridge on pcieport. */
    public FunctionSpec bridge() {
      header = HeaderType.BRIDGE;
      driver = Driver.PCIEPORT;
      classCode = 0x060400;
      return this;
    }

    public FunctionSpec group(int id) {
      group = OptionalInt.of(id);
      return this;
    }

    public FunctionSpec noIommuGroup(int id) {
      group = OptionalInt.of(id);
      groupKind = GroupKind.NOIOMMU;
      return this;
    }

    public FunctionSpec virtfnOf(String pf) {
      physfn = Optional.of(Bdf.parse(pf));
      return this;
    }

    /** States the quirks (none, until {@link #quirk} adds some): the ids derive nothing. */
    public FunctionSpec quirksDeclared() {
      quirksDeclared = true;
      return this;
    }

    /** A VF token set on this PF. */
    public FunctionSpec vfToken(java.util.UUID token) {
      vfToken = Optional.of(token);
      return this;
    }

    public FunctionSpec quirk(Quirk q) {
      quirks.add(q);
      return this;
    }

    public FunctionSpec condition(TransientCondition c) {
      conditions.add(c);
      return this;
    }

    public FunctionSpec describe(String text) {
      description = text;
      return this;
    }

    public FunctionSpec ids(int vendorId, int deviceId, int cls) {
      vendor = vendorId;
      device = deviceId;
      classCode = cls;
      return this;
    }

    PciFunction build() {
      return new PciFunction(
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
          conditions,
          quirksDeclared || !quirks.isEmpty(),
          vfToken);
    }
  }

  /** The files of one holder, in the order they are opened. */
  public final class HolderSpec {
    private final String name;
    private final List<OpenFile> files = new ArrayList<>();
    private int pid;
    private boolean capSysRawio = true;

    HolderSpec(String name) {
      this.name = name;
    }

    public HolderSpec pid(int p) {
      pid = p;
      return this;
    }

    public HolderSpec withoutCapSysRawio() {
      capSysRawio = false;
      return this;
    }

    public HolderSpec container(int fd, String id) {
      return container(fd, id, ContainerType.TYPE1);
    }

    public HolderSpec container(int fd, String id, ContainerType type) {
      containers.putIfAbsent(id, new Container(id, type));
      files.add(new ContainerFile(fd, id));
      return this;
    }

    public HolderSpec iommufd(int fd, String id) {
      iommufds.putIfAbsent(id, new IommufdContext(id));
      files.add(new IommufdFile(fd, id));
      return this;
    }

    /** A group file with no container set. */
    public HolderSpec group(int fd, int group) {
      files.add(GroupFile.detached(fd, group));
      return this;
    }

    /** A group file attached to a legacy container. */
    public HolderSpec group(int fd, int group, String container) {
      files.add(GroupFile.attached(fd, group, DmaContextRef.container(container)));
      return this;
    }

    /** A group file attached to an iommufd context in compat mode. */
    public HolderSpec groupCompat(int fd, int group, String iommufd) {
      iommufds.putIfAbsent(iommufd, new IommufdContext(iommufd));
      files.add(GroupFile.attached(fd, group, DmaContextRef.iommufd(iommufd)));
      return this;
    }

    public HolderSpec device(int fd, String bdf) {
      files.add(new DeviceFile(fd, Bdf.parse(bdf)));
      return this;
    }

    public HolderSpec cdev(int fd, String bdf, String iommufd) {
      iommufds.putIfAbsent(iommufd, new IommufdContext(iommufd));
      files.add(CdevFile.bound(fd, Bdf.parse(bdf), iommufd));
      return this;
    }

    public HolderSpec cdevUnbound(int fd, String bdf) {
      files.add(CdevFile.unbound(fd, Bdf.parse(bdf)));
      return this;
    }

    public HolderSpec other(int fd, String description) {
      files.add(new OtherFile(fd, description));
      return this;
    }

    @Override
    public String toString() {
      return name;
    }
  }
}
