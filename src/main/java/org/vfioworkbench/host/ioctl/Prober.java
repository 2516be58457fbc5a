package org.vfioworkbench.host.ioctl;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.vfioworkbench.engine.InfoEntry;
import org.vfioworkbench.engine.InfoFlag;
import org.vfioworkbench.model.Bdf;

/**
 * Carries out a {@link ProbePlan} on this machine's kernel: opens the device the way the plan says,
 * calls DEVICE_GET_INFO and GET_PCI_HOT_RESET_INFO, and HOT_RESET only when the caller typed back
 * exactly the functions the kernel listed. Closes everything it opened, in reverse order, whatever
 * happens. Needs root; never run by the tests against host devices.
 */
public final class Prober {

  private final VfioBinding vfio;

  public Prober(VfioBinding vfio) {
    this.vfio = vfio;
  }

  /**
   * @param confirm the affected functions typed back by the user, or null for no reset
   */
  public ProbeReport run(ProbePlan plan, Set<Bdf> confirm) {
    List<String> steps = new ArrayList<>();
    List<ProbeReport.Row> rows = new ArrayList<>();
    Deque<Integer> opened = new ArrayDeque<>();
    try {
      int device;
      int proofGroupFd = -1;
      if (plan.mode() == ProbeMode.GROUP) {
        int container = open("/dev/vfio/vfio", opened, steps);
        steps.add("VFIO_GET_API_VERSION = " + vfio.apiVersion(container));
        int group = open(plan.groupNode(), opened, steps);
        VfioBinding.GroupStatus st = vfio.groupStatus(group);
        steps.add(
            "VFIO_GROUP_GET_STATUS: viable=" + st.viable() + " container_set=" + st.containerSet());
        vfio.setContainer(group, container);
        steps.add("VFIO_GROUP_SET_CONTAINER: ok");
        int type =
            plan.noiommu()
                ? VfioUapi.VFIO_NOIOMMU_IOMMU
                : vfio.checkExtension(container, VfioUapi.VFIO_TYPE1V2_IOMMU)
                    ? VfioUapi.VFIO_TYPE1V2_IOMMU
                    : VfioUapi.VFIO_TYPE1_IOMMU;
        vfio.setIommu(container, type);
        steps.add("VFIO_SET_IOMMU(" + type + "): ok");
        device = vfio.groupDeviceFd(group, plan.device());
        opened.push(device);
        steps.add("VFIO_GROUP_GET_DEVICE_FD(" + plan.device() + ") = fd " + device);
        proofGroupFd = group;
      } else {
        int iommufd = open("/dev/iommu", opened, steps);
        device = open(plan.cdevNode().orElseThrow(), opened, steps);
        steps.add("VFIO_DEVICE_BIND_IOMMUFD: devid " + vfio.bindIommufd(device, iommufd));
        int ioas = vfio.ioasAlloc(iommufd);
        steps.add("IOMMU_IOAS_ALLOC: ioas " + ioas);
        vfio.attachIommufdPt(device, ioas);
        steps.add("VFIO_DEVICE_ATTACH_IOMMUFD_PT(" + ioas + "): ok");
      }
      VfioBinding.DeviceInfo di = vfio.deviceInfo(device);
      steps.add(
          String.format(
              "VFIO_DEVICE_GET_INFO: flags 0x%x, %d regions, %d irqs",
              di.flags(), di.numRegions(), di.numIrqs()));
      info(device, plan, steps, rows, confirm, proofGroupFd);
    } catch (VfioCallException e) {
      steps.add(e.getMessage() + "; the probe stopped here");
    } finally {
      while (!opened.isEmpty()) {
        vfio.close(opened.pop());
      }
      steps.add("closed every fd the probe opened");
    }
    return new ProbeReport(steps, rows);
  }

  private void info(
      int device,
      ProbePlan plan,
      List<String> steps,
      List<ProbeReport.Row> rows,
      Set<Bdf> confirm,
      int proofGroupFd)
      throws VfioCallException {
    String ret;
    String flags = "";
    String entries = "";
    Set<Bdf> listed = new TreeSet<>();
    try {
      VfioBinding.HotResetInfo hi = vfio.hotResetInfo(device);
      ret = "0";
      flags = flagNames(hi.flags());
      boolean devId = (hi.flags() & VfioUapi.VFIO_PCI_HOT_RESET_FLAG_DEV_ID) != 0;
      entries =
          hi.devices().stream()
              .map(d -> d.bdf() + " " + new InfoEntry(d.bdf(), devId, d.id()).idLabel())
              .collect(Collectors.joining(", "));
      hi.devices().forEach(d -> listed.add(d.bdf()));
      steps.add("VFIO_DEVICE_GET_PCI_HOT_RESET_INFO: " + flags + " [" + entries + "]");
    } catch (VfioCallException e) {
      ret = e.retLabel();
      steps.add(e.getMessage());
    }
    rows.add(new ProbeReport.Row("INFO return", ret, plan.predictedInfo().retLabel()));
    if (ret.equals("0") && plan.predictedInfo().succeeded()) {
      rows.add(
          new ProbeReport.Row("INFO flags", flags, flagNames(plan.predictedInfo().flagsMask())));
      rows.add(
          new ProbeReport.Row(
              "INFO entries",
              normalize(entries),
              normalize(
                  plan.predictedInfo().entries().stream()
                      .map(e -> e.bdf() + " " + e.idLabel())
                      .collect(Collectors.joining(", ")))));
    }
    if (confirm == null) {
      return;
    }
    if (!confirm.equals(listed)) {
      steps.add(
          "HOT_RESET not called: the confirmation "
              + confirm
              + " is not the set the kernel "
              + "listed "
              + listed);
      return;
    }
    int[] fds =
        plan.resetRequest().request().fds().isEmpty() || proofGroupFd < 0
            ? new int[0]
            : new int[] {proofGroupFd};
    String resetRet;
    try {
      vfio.hotReset(device, fds);
      resetRet = "0";
      steps.add("VFIO_DEVICE_PCI_HOT_RESET (" + fds.length + " group fd(s)): ok");
    } catch (VfioCallException e) {
      resetRet = e.retLabel();
      steps.add(e.getMessage());
    }
    rows.add(new ProbeReport.Row("HOT_RESET return", resetRet, plan.predictedReset().retLabel()));
  }

  /** Devid numbers are the kernel's own object ids; compare that an entry is a devid. */
  static String normalize(String entries) {
    return entries.replaceAll("devid \\d+", "devid");
  }

  static String flagNames(int mask) {
    return InfoFlag.names(InfoFlag.of(mask), "no flags");
  }

  private int open(String path, Deque<Integer> opened, List<String> steps)
      throws VfioCallException {
    int fd = vfio.open(path);
    opened.push(fd);
    steps.add("open(" + path + ") = fd " + fd);
    return fd;
  }
}
