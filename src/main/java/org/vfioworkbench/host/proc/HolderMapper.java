package org.vfioworkbench.host.proc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.vfioworkbench.host.HolderProvenance;
import org.vfioworkbench.host.InferredFact;
import org.vfioworkbench.host.ScanLog;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.CdevFile;
import org.vfioworkbench.model.Container;
import org.vfioworkbench.model.ContainerFile;
import org.vfioworkbench.model.ContainerType;
import org.vfioworkbench.model.DeviceFile;
import org.vfioworkbench.model.DmaContextRef;
import org.vfioworkbench.model.GroupFile;
import org.vfioworkbench.model.Holder;
import org.vfioworkbench.model.IommufdContext;
import org.vfioworkbench.model.IommufdFile;
import org.vfioworkbench.model.OpenFile;
import org.vfioworkbench.model.OtherFile;
import org.vfioworkbench.model.PciFunction;

/**
 * Turns processes into holders. What {@code /proc} does not show is inferred per process and
 * recorded in the holder's provenance: a group file joined the process's only container (or, with
 * none, its only iommufd in compat mode); a cdev is bound to the process's only iommufd; a device
 * fd whose fdinfo names no device is one of the vfio-bound functions of the groups the process
 * holds. With several candidates the lowest fd (or address) is picked and the fact is marked
 * ambiguous.
 *
 * <p>The order files were opened in is not visible either: files are listed containers and iommufds
 * first, then groups, cdevs and device fds, each by fd number.
 */
public final class HolderMapper {

  private final Map<Bdf, PciFunction> functions;
  private final Map<String, Bdf> cdevs;
  private final Map<String, Bdf> syspaths;
  private final Set<Integer> noiommuGroups;
  private final ScanLog log;

  /**
   * @param functions every scanned function by address
   * @param cdevs device cdev name ({@code vfio3}) to function
   * @param syspaths resolved sysfs device path to function
   * @param noiommuGroups ids of no-IOMMU groups
   */
  public HolderMapper(
      Map<Bdf, PciFunction> functions,
      Map<String, Bdf> cdevs,
      Map<String, Bdf> syspaths,
      Set<Integer> noiommuGroups,
      ScanLog log) {
    this.functions = functions;
    this.cdevs = cdevs;
    this.syspaths = syspaths;
    this.noiommuGroups = noiommuGroups;
    this.log = log;
  }

  /** Holders, their containers and iommufds, and provenance. */
  public record Mapped(
      List<Holder> holders,
      List<Container> containers,
      List<IommufdContext> iommufds,
      List<HolderProvenance> provenance) {}

  public Mapped map(List<ProcessFacts> processes) {
    List<Holder> holders = new ArrayList<>();
    List<Container> containers = new ArrayList<>();
    List<IommufdContext> iommufds = new ArrayList<>();
    List<HolderProvenance> provenance = new ArrayList<>();
    for (ProcessFacts p : processes) {
      new OneProcess(p, containers, iommufds).map(holders, provenance);
    }
    return new Mapped(holders, containers, iommufds, provenance);
  }

  /** The mapping of one process. */
  private final class OneProcess {
    private final ProcessFacts p;
    private final String name;
    private final List<Container> allContainers;
    private final List<IommufdContext> allIommufds;
    private final List<InferredFact> inferred = new ArrayList<>();
    private final List<OpenFile> files = new ArrayList<>();

    OneProcess(ProcessFacts p, List<Container> containers, List<IommufdContext> iommufds) {
      this.p = p;
      this.name = (p.comm().isEmpty() ? "pid" : p.comm()) + "[" + p.pid() + "]";
      this.allContainers = containers;
      this.allIommufds = iommufds;
    }

    void map(List<Holder> holders, List<HolderProvenance> provenance) {
      List<VfioFd> containerFds = of(VfioFdKind.CONTAINER);
      List<VfioFd> iommufdFds = of(VfioFdKind.IOMMUFD);
      List<VfioFd> groupFds = of(VfioFdKind.GROUP);
      boolean allNoiommu = !groupFds.isEmpty() && groupFds.stream().allMatch(g -> isNoiommu(g));
      for (VfioFd c : containerFds) {
        ContainerType type = allNoiommu ? ContainerType.NOIOMMU : ContainerType.TYPE1;
        allContainers.add(new Container(contextId(c), type));
        files.add(new ContainerFile(c.fd(), contextId(c)));
        inferred.add(
            new InferredFact(
                c.fd(),
                "container type " + type,
                allNoiommu
                    ? "every group the process holds is a no-IOMMU group"
                    : "the process holds IOMMU-backed groups, or none",
                false));
      }
      for (VfioFd i : iommufdFds) {
        allIommufds.add(new IommufdContext(contextId(i)));
        files.add(new IommufdFile(i.fd(), contextId(i)));
      }
      for (VfioFd g : groupFds) {
        files.add(groupFile(g, containerFds, iommufdFds));
      }
      for (VfioFd c : of(VfioFdKind.CDEV)) {
        cdevFile(c, iommufdFds).ifPresent(files::add);
      }
      deviceFiles(groupFds);
      holders.add(
          new Holder(name, p.pid(), p.capSysRawio(), files, QemuCommandLine.consumer(p.cmdline())));
      provenance.add(new HolderProvenance(name, p.pid(), p.comm(), p.cmdline(), p.uid(), inferred));
    }

    private List<VfioFd> of(VfioFdKind kind) {
      return p.fds().stream()
          .filter(f -> f.kind() == kind)
          .sorted(Comparator.comparingInt(VfioFd::fd))
          .toList();
    }

    private boolean isNoiommu(VfioFd g) {
      return g.target().contains("noiommu-") || noiommuGroups.contains(g.groupId());
    }

    private String contextId(VfioFd f) {
      return name + ":" + f.fd();
    }

    private GroupFile groupFile(VfioFd g, List<VfioFd> containers, List<VfioFd> iommufds) {
      int group = g.groupId();
      if (!containers.isEmpty()) {
        VfioFd c = containers.get(0);
        boolean ambiguous = containers.size() > 1;
        inferred.add(
            new InferredFact(
                g.fd(),
                "group " + group + " joined container " + contextId(c),
                ambiguous
                    ? "the process holds "
                        + containers.size()
                        + " containers; the lowest fd was picked"
                    : "the process holds exactly one container",
                ambiguous));
        return new GroupFile(
            g.fd(), group, Optional.of(DmaContextRef.container(contextId(c))), true);
      }
      if (!iommufds.isEmpty()) {
        VfioFd i = iommufds.get(0);
        boolean ambiguous = iommufds.size() > 1;
        inferred.add(
            new InferredFact(
                g.fd(),
                "group " + group + " joined iommufd " + contextId(i) + " in compat mode",
                ambiguous
                    ? "no container and " + iommufds.size() + " iommufds; the lowest fd was picked"
                    : "the process holds no container and exactly one iommufd",
                ambiguous));
        return new GroupFile(g.fd(), group, Optional.of(DmaContextRef.iommufd(contextId(i))), true);
      }
      inferred.add(
          new InferredFact(
              g.fd(),
              "group " + group + " joined no container",
              "the process holds no container and no iommufd",
              false));
      return new GroupFile(g.fd(), group, Optional.empty(), true);
    }

    private Optional<OpenFile> cdevFile(VfioFd c, List<VfioFd> iommufds) {
      Bdf dev = cdevs.get(c.cdevName());
      if (dev == null) {
        log.problem(
            "/proc/" + p.pid() + "/fd/" + c.fd(),
            "the device behind " + c.target(),
            "no PCI function has this cdev (vfio-dev/" + c.cdevName() + "); shown as another file");
        return Optional.of(new OtherFile(c.fd(), c.target()));
      }
      if (iommufds.isEmpty()) {
        inferred.add(
            new InferredFact(
                c.fd(), dev + " cdev is not bound", "the process holds no iommufd", false));
        return Optional.of(new CdevFile(c.fd(), dev, Optional.empty(), OptionalInt.empty(), true));
      }
      VfioFd i = iommufds.get(0);
      boolean ambiguous = iommufds.size() > 1;
      inferred.add(
          new InferredFact(
              c.fd(),
              dev + " cdev is bound to iommufd " + contextId(i),
              ambiguous
                  ? "the process holds " + iommufds.size() + " iommufds; the lowest fd was picked"
                  : "the process holds exactly one iommufd",
              ambiguous));
      return Optional.of(
          new CdevFile(c.fd(), dev, Optional.of(contextId(i)), OptionalInt.empty(), true));
    }

    private void deviceFiles(List<VfioFd> groupFds) {
      List<VfioFd> devices = of(VfioFdKind.DEVICE);
      Set<Bdf> taken = new HashSet<>();
      List<VfioFd> unknown = new ArrayList<>();
      for (VfioFd d : devices) {
        Bdf b =
            d.syspath()
                .map(s -> syspaths.get(s.endsWith("/") ? s.substring(0, s.length() - 1) : s))
                .orElse(null);
        if (b != null) {
          files.add(new DeviceFile(d.fd(), b));
          taken.add(b);
        } else {
          unknown.add(d);
        }
      }
      if (unknown.isEmpty()) {
        return;
      }
      Set<Integer> held = new HashSet<>();
      groupFds.forEach(g -> held.add(g.groupId()));
      List<Bdf> candidates =
          functions.values().stream()
              .filter(
                  f ->
                      f.driver().isVfio()
                          && f.iommuGroup().isPresent()
                          && held.contains(f.iommuGroup().getAsInt())
                          && !taken.contains(f.bdf()))
              .map(PciFunction::bdf)
              .sorted()
              .toList();
      for (int k = 0; k < unknown.size(); k++) {
        VfioFd d = unknown.get(k);
        if (k >= candidates.size()) {
          log.problem(
              "/proc/" + p.pid() + "/fd/" + d.fd(),
              "the device behind a vfio device fd",
              "more device fds than vfio-bound functions in the groups "
                  + name
                  + " holds; shown as another file");
          files.add(new OtherFile(d.fd(), d.target()));
          continue;
        }
        boolean ambiguous = candidates.size() > 1;
        files.add(new DeviceFile(d.fd(), candidates.get(k)));
        inferred.add(
            new InferredFact(
                d.fd(),
                "device fd for " + candidates.get(k),
                ambiguous
                    ? candidates.size()
                        + " vfio-bound functions in the held groups could be "
                        + "behind the "
                        + unknown.size()
                        + " device fd(s); assigned in address order"
                    : "the only vfio-bound function in the groups the process holds",
                ambiguous));
      }
    }
  }
}
