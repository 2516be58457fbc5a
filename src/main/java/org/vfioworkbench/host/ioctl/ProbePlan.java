package org.vfioworkbench.host.ioctl;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import org.vfioworkbench.engine.Analysis;
import org.vfioworkbench.engine.InfoResult;
import org.vfioworkbench.engine.Profile;
import org.vfioworkbench.engine.ResetResult;
import org.vfioworkbench.engine.ResetVariant;
import org.vfioworkbench.engine.ScopeDecision;
import org.vfioworkbench.host.HostFunctionFacts;
import org.vfioworkbench.host.ScanResult;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.CdevFile;
import org.vfioworkbench.model.Container;
import org.vfioworkbench.model.ContainerFile;
import org.vfioworkbench.model.ContainerType;
import org.vfioworkbench.model.DeviceFile;
import org.vfioworkbench.model.DmaContextRef;
import org.vfioworkbench.model.FdRef;
import org.vfioworkbench.model.GroupFile;
import org.vfioworkbench.model.GroupKind;
import org.vfioworkbench.model.Holder;
import org.vfioworkbench.model.IommuGroup;
import org.vfioworkbench.model.IommufdContext;
import org.vfioworkbench.model.IommufdFile;
import org.vfioworkbench.model.OpenFile;
import org.vfioworkbench.model.PciFunction;
import org.vfioworkbench.model.Topology;

/**
 * Decides, from a scan and without touching the kernel, whether a probe may open a device, which
 * nodes it will open, and what the engine predicts INFO (and HOT_RESET) will return once the probe
 * holds the device. A device anyone uses, or whose group anyone holds, is refused; so is a reset
 * whose affected functions are in use.
 *
 * @param device the function to open
 * @param mode group or cdev
 * @param groupNode {@code /dev/vfio/N} or {@code /dev/vfio/noiommu-N}
 * @param cdevNode {@code /dev/vfio/devices/vfioX}, when it has one
 * @param noiommu whether the group is a no-IOMMU group
 * @param predictedInfo the engine's INFO once the probe holds the device
 * @param predictedReset the engine's HOT_RESET with the probe's own files as proof
 * @param resetRequest the fds the probe would pass, as the engine's request (probe numbering)
 */
public record ProbePlan(
    Bdf device,
    ProbeMode mode,
    String groupNode,
    Optional<String> cdevNode,
    boolean noiommu,
    InfoResult predictedInfo,
    ResetResult predictedReset,
    ResetVariant resetRequest) {

  /** The holder name the prediction gives the probe. */
  public static final String PROBE = "probe";

  static final int CONTAINER_FD = 3;
  static final int GROUP_FD = 4;
  static final int DEVICE_FD = 5;

  /** A plan, or why there is none. */
  public record Decision(Optional<ProbePlan> plan, List<String> refusals) {
    public boolean refused() {
      return plan.isEmpty();
    }
  }

  public ProbePlan {
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(mode, "mode");
  }

  /**
   * @param reset whether the user asked for HOT_RESET ({@code --reset})
   */
  public static Decision decide(
      ScanResult scan, Bdf device, ProbeMode mode, boolean reset, Profile profile) {
    Topology t = scan.topology();
    List<String> no = new ArrayList<>();
    Optional<PciFunction> found = t.function(device);
    if (found.isEmpty()) {
      return refuse(device + " is not on this host");
    }
    PciFunction f = found.get();
    if (!f.driver().isVfio()) {
      return refuse(
          device
              + " is bound to "
              + f.driver().label()
              + ", not to vfio-pci: the probe "
              + "never rebinds drivers");
    }
    OptionalInt group = f.iommuGroup();
    if (group.isEmpty()) {
      return refuse(device + " has no IOMMU group, so VFIO has no node for it");
    }
    int g = group.getAsInt();
    boolean noiommu = t.group(g).map(x -> x.kind() == GroupKind.NOIOMMU).orElse(false);
    String groupNode =
        new IommuGroup(g, noiommu ? GroupKind.NOIOMMU : GroupKind.IOMMU).devicePath();
    Optional<String> cdev =
        Optional.ofNullable(scan.functions().get(device))
            .flatMap(HostFunctionFacts::vfioCdev)
            .map(c -> "/dev/vfio/devices/" + c);
    if (mode == ProbeMode.GROUP && !scan.vfioNodes().contains(groupNode)) {
      no.add(groupNode + " does not exist");
    }
    if (mode == ProbeMode.CDEV) {
      if (noiommu) {
        no.add("device cdevs do not support no-IOMMU devices; use --via group");
      } else if (cdev.isEmpty()) {
        no.add(
            device
                + " has no device cdev (vfio-dev/vfioX); the kernel may lack "
                + "CONFIG_VFIO_DEVICE_CDEV; use --via group");
      }
    }
    Set<Integer> groupsInUse = new TreeSet<>();
    Set<Bdf> devicesInUse = new TreeSet<>();
    for (Holder h : t.holders()) {
      for (OpenFile o : h.files()) {
        if (o instanceof GroupFile gf) {
          groupsInUse.add(gf.group());
          if (gf.group() == g) {
            no.add("group " + g + " is held by " + h.name() + " (fd " + o.fd() + ")");
          }
        } else if (o instanceof DeviceFile d) {
          devicesInUse.add(d.device());
        } else if (o instanceof CdevFile c) {
          devicesInUse.add(c.device());
          if (c.device().equals(device)) {
            no.add(device + " is open as a cdev by " + h.name() + " (fd " + o.fd() + ")");
          }
        }
      }
    }
    for (PciFunction m : t.functions()) {
      if (m.iommuGroup().equals(group) && devicesInUse.contains(m.bdf())) {
        no.add(m.bdf() + " in the same group is in use");
      }
    }
    Analysis now = Analysis.of(t, profile);
    if (mode == ProbeMode.GROUP && !now.viable(g)) {
      no.add(
          "group "
              + g
              + " is not viable (a member is on a native driver): the kernel would "
              + "refuse VFIO_GROUP_SET_CONTAINER");
    }
    if (reset) {
      ScopeDecision scope = now.scope(device);
      scope
          .scope()
          .ifPresent(
              s ->
                  s.functions().stream()
                      .filter(
                          b ->
                              devicesInUse.contains(b)
                                  || t.function(b)
                                      .map(
                                          x ->
                                              x.iommuGroup().isPresent()
                                                  && groupsInUse.contains(
                                                      x.iommuGroup().getAsInt()))
                                      .orElse(false))
                      .forEach(b -> no.add("the reset would affect " + b + ", which is in use")));
    }
    if (!no.isEmpty()) {
      return new Decision(Optional.empty(), no);
    }
    Topology withProbe = withProbe(t, device, mode, g, noiommu);
    Analysis a = Analysis.of(withProbe, profile);
    FdRef ref = new FdRef(PROBE, mode == ProbeMode.GROUP ? DEVICE_FD : GROUP_FD);
    ResetVariant natural = a.naturalReset(ref);
    return new Decision(
        Optional.of(
            new ProbePlan(
                device,
                mode,
                groupNode,
                cdev,
                noiommu,
                a.info(ref),
                a.hotReset(ref, natural.request()),
                natural)),
        List.of());
  }

  private static Decision refuse(String why) {
    return new Decision(Optional.empty(), List.of(why));
  }

  /** The host as it will be once the probe holds the device the way it asked. */
  static Topology withProbe(Topology t, Bdf device, ProbeMode mode, int group, boolean noiommu) {
    List<Holder> holders = new ArrayList<>(t.holders());
    List<Container> containers = new ArrayList<>(t.containers());
    List<IommufdContext> iommufds = new ArrayList<>(t.iommufds());
    List<OpenFile> files = new ArrayList<>();
    if (mode == ProbeMode.GROUP) {
      String c = PROBE + ":container";
      containers.add(new Container(c, noiommu ? ContainerType.NOIOMMU : ContainerType.TYPE1));
      files.add(new ContainerFile(CONTAINER_FD, c));
      files.add(GroupFile.attached(GROUP_FD, group, DmaContextRef.container(c)));
      files.add(new DeviceFile(DEVICE_FD, device));
    } else {
      String i = PROBE + ":iommufd";
      iommufds.add(new IommufdContext(i));
      files.add(new IommufdFile(CONTAINER_FD, i));
      files.add(CdevFile.bound(GROUP_FD, device, i));
    }
    holders.add(new Holder(PROBE, 0, true, files));
    return t.withHolders(holders).withContainers(containers).withIommufds(iommufds);
  }
}
