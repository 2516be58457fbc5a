package org.vfioworkbench.lab.guest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vfioworkbench.lab.guest.GuestPlan.PlannedCall;
import org.vfioworkbench.lab.guest.GuestPlan.PlannedFunction;
import org.vfioworkbench.lab.guest.GuestPlan.PlannedOpen;

/** The runner on a fake sysfs and a fake kernel that allows one open file per group. */
class GuestRunnerTest {

  @TempDir Path sys;

  /** Opens hand out fds; a group path may be open once; SET_CONTAINER can be made to fail. */
  private static final class FakeVfio implements LabVfio {
    final Map<Integer, String> open = new HashMap<>();
    final Set<String> failContainerFor = new HashSet<>();
    final List<String> calls = new ArrayList<>();
    int next = 10;

    @Override
    public int open(String path) throws LabCallException {
      if (path.startsWith("/dev/vfio/") && open.containsValue(path)) {
        throw new LabCallException("open(" + path + ")", 16);
      }
      open.put(next, path);
      calls.add("open " + path);
      return next++;
    }

    @Override
    public void close(int fd) {
      calls.add("close " + open.remove(fd));
    }

    @Override
    public void setContainer(int group, int ctx) throws LabCallException {
      if (failContainerFor.contains(open.get(group))) {
        throw new LabCallException("VFIO_GROUP_SET_CONTAINER", 1);
      }
      calls.add("set_container " + open.get(group));
    }

    @Override
    public void setIommu(int container, int type) {
      calls.add("set_iommu " + type);
    }

    @Override
    public int groupDeviceFd(int group, String bdf) {
      calls.add("get_device_fd " + bdf);
      return next++;
    }

    @Override
    public int bindIommufd(int device, int iommufd) {
      return 1;
    }

    @Override
    public int ioasAlloc(int iommufd) {
      return 2;
    }

    @Override
    public void attachIommufdPt(int device, int ptId) {}

    @Override
    public void setRawio(boolean effective) {
      calls.add("rawio " + effective);
    }

    @Override
    public RawInfo hotResetInfo(int device, long argsz) {
      return new RawInfo(-22, 0, 0, List.of());
    }

    @Override
    public int hotReset(int device, long argsz, long flags, int[] fds) {
      return -22;
    }
  }

  private void device(String bdf, int group, int secondaryBus) throws IOException {
    Path d = Files.createDirectories(sys.resolve("bus/pci/devices").resolve(bdf));
    byte[] config = new byte[64];
    config[0x19] = (byte) secondaryBus;
    Files.write(d.resolve("config"), config);
    Files.writeString(d.resolve("vendor"), "0x8086\n");
    Files.writeString(d.resolve("device"), "0x10d3\n");
    Files.writeString(d.resolve("driver_override"), "");
    Path g = Files.createDirectories(sys.resolve("kernel/iommu_groups").resolve("" + group));
    Files.createSymbolicLink(d.resolve("iommu_group"), g);
  }

  @Test
  void aRefusedAttachLeavesTheGroupClosedSoTheNextOpenIsJudgedOnItsOwn() throws IOException {
    Files.createDirectories(sys.resolve("bus/pci"));
    Files.writeString(sys.resolve("bus/pci/drivers_probe"), "");
    device("0000:00:1c.0", 1, 1);
    device("0000:01:00.0", 4, 0);
    GuestPlan plan =
        new GuestPlan(
            false,
            List.of(
                new PlannedFunction("0000:00:1c.0", List.of(0xe0), "bridge", 10),
                new PlannedFunction("0000:02:00.0", List.of(0xe0, 0), "vfio-pci", 20)),
            List.of("0000:02:00.0"),
            List.of(new PlannedOpen("qemu", 3, "container", -1, null, -1, false)),
            List.of(
                new PlannedCall(
                    "c0",
                    "open",
                    "qemu",
                    4,
                    -1,
                    0,
                    List.of(),
                    new PlannedOpen("qemu", 4, "group", 20, null, 3, false)),
                new PlannedCall(
                    "c1",
                    "open",
                    "qemu",
                    4,
                    -1,
                    0,
                    List.of(),
                    new PlannedOpen("qemu", 4, "group", 20, null, -1, false))),
            List.of());
    FakeVfio vfio = new FakeVfio();
    vfio.failContainerFor.add("/dev/vfio/4");

    GuestReport r =
        new GuestRunner(plan, vfio, new GuestSysfs(sys), new ByteArrayOutputStream()).run("test");

    assertThat(r.error()).isNull();
    assertThat(r.functions())
        .extracting(GuestReport.GuestFunction::guestBdf)
        .containsExactly("0000:00:1c.0", "0000:01:00.0");
    assertThat(r.calls()).extracting(GuestReport.CallOutcome::errno).containsExactly(1, 0);
    assertThat(vfio.calls)
        .containsSubsequence(
            "open /dev/vfio/4", "close /dev/vfio/4", "open /dev/vfio/4", "close /dev/vfio/4");
    assertThat(Files.readString(sys.resolve("bus/pci/devices/0000:01:00.0/driver_override")))
        .isEqualTo("vfio-pci");
  }

  @Test
  void anUnprivilegedHoldersOpensRunWithoutCapSysRawio() throws IOException {
    GuestPlan plan =
        new GuestPlan(
            false,
            List.of(),
            List.of(),
            List.of(new PlannedOpen("user", 3, "iommufd", -1, null, -1, false)),
            List.of(),
            List.of("user"));
    FakeVfio vfio = new FakeVfio();

    new GuestRunner(plan, vfio, new GuestSysfs(sys), new ByteArrayOutputStream()).run("test");

    assertThat(vfio.calls).containsExactly("rawio false", "open /dev/iommu", "rawio true");
  }
}
