package org.vfioworkbench.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.vfioworkbench.host.capture.Capture;
import org.vfioworkbench.host.capture.CaptureCodec;
import org.vfioworkbench.host.fs.LiveFs;

/**
 * The hosts behind the fixture captures in {@code src/test/resources/host/}, laid out as Linux
 * shows them. {@link #main} rewrites the captures; tests read the committed files.
 */
final class FixtureHosts {

  static final String WORKSTATION = "workstation";
  static final String SRIOV_SERVER = "sriov-server";
  static final String NOIOMMU = "noiommu-host";
  static final String MIXED_QEMU = "mixed-qemu";

  private FixtureHosts() {}

  /** GPU + HDA function behind a root port, USB and audio on the root bus, one QEMU. */
  static void workstation(HostTree t) {
    t.hostname("workstation", "6.12.48-amd64").vfio(true, false);
    t.fn("0000:00:00.0", null).ids(0x8086, 0x3e30, 0x060000).group(0);
    t.fn("0000:00:01.0", null)
        .ids(0x8086, 0x1901, 0x060400)
        .bridge("0000:01", 1)
        .driver("pcieport")
        .group(1);
    t.fn("0000:01:00.0", "0000:00:01.0")
        .ids(0x10de, 0x1b80, 0x030000)
        .multifunction()
        .driver("vfio-pci")
        .override("vfio-pci")
        .resetMethod("bus")
        .group(1)
        .groupNode(1)
        .cdev("vfio0");
    t.fn("0000:01:00.1", "0000:00:01.0")
        .ids(0x10de, 0x10f0, 0x040300)
        .driver("vfio-pci")
        .resetMethod("bus")
        .group(1)
        .cdev("vfio1");
    t.fn("0000:00:14.0", null)
        .ids(0x8086, 0xa36d, 0x0c0330)
        .driver("xhci_hcd")
        .resetMethod("pm")
        .group(2);
    t.fn("0000:00:1f.0", null).ids(0x8086, 0xa305, 0x060100).multifunction().group(3);
    t.fn("0000:00:1f.3", null).ids(0x8086, 0xa348, 0x040300).driver("snd_hda_intel").group(3);
    t.fn("0000:00:1c.0", null)
        .ids(0x8086, 0xa33c, 0x060400)
        .bridge("0000:02", 2)
        .driver("pcieport")
        .group(4);
    t.fn("0000:02:00.0", "0000:00:1c.0")
        .ids(0x8086, 0x1533, 0x020000)
        .driver("igb")
        .resetMethod("flr bus")
        .group(5);
    t.process(
            4242,
            "qemu-system-x86",
            0,
            "/usr/bin/qemu-system-x86_64",
            "-name",
            "win10",
            "-device",
            "vfio-pci,host=0000:01:00.0,multifunction=on",
            "-device",
            "vfio-pci,host=0000:01:00.1")
        .fd(0, "/dev/null")
        .fd(3, "socket:[31337]")
        .fd(9, "/dev/vfio/vfio")
        .fd(10, "/dev/vfio/1")
        .fd(11, "anon_inode:[vfio-device]")
        .fd(12, "anon_inode:[vfio-device]")
        .fd(13, "anon_inode:[eventfd]");
    t.process(1200, "Xorg", 0, "/usr/lib/xorg/Xorg", ":0").fd(4, "/dev/dri/card1");
  }

  /**
   * Two SR-IOV NICs behind a PCIe switch: an X710 whose VFs share the PF's bus (one VF in a libvirt
   * QEMU through its group), and a ConnectX-5 whose VFs sit on a virtual bus (one VF on
   * mlx5_vfio_pci, opened as a cdev by another QEMU). Slot 3 is a hotplug slot, slot 4 is not.
   */
  static void sriovServer(HostTree t) {
    t.hostname("server", "6.12.48-amd64").vfio(true, false);
    t.fn("0000:00:00.0", null).ids(0x8086, 0x2f00, 0x060000).group(0);
    t.fn("0000:00:03.0", null)
        .ids(0x8086, 0x2f08, 0x060400)
        .bridge("0000:01", 5)
        .driver("pcieport")
        .group(10);
    t.fn("0000:01:00.0", "0000:00:03.0")
        .ids(0x10b5, 0x8747, 0x060400)
        .bridge("0000:02", 5)
        .driver("pcieport")
        .group(11);
    t.fn("0000:02:08.0", "0000:01:00.0")
        .ids(0x10b5, 0x8747, 0x060400)
        .bridge("0000:03", 3)
        .driver("pcieport")
        .group(12);
    t.fn("0000:02:10.0", "0000:01:00.0")
        .ids(0x10b5, 0x8747, 0x060400)
        .bridge("0000:04", 5)
        .driver("pcieport")
        .group(13);
    t.fn("0000:03:00.0", "0000:02:08.0")
        .ids(0x8086, 0x1572, 0x020000)
        .multifunction()
        .driver("i40e")
        .resetMethod("flr bus")
        .group(14);
    t.fn("0000:03:00.1", "0000:02:08.0")
        .ids(0x8086, 0x1572, 0x020000)
        .driver("i40e")
        .resetMethod("flr bus")
        .group(15);
    t.fn("0000:03:02.0", "0000:02:08.0")
        .ids(0x8086, 0x154c, 0x020000)
        .virtfnOf("0000:03:00.0")
        .driver("vfio-pci")
        .resetMethod("flr")
        .group(16)
        .groupNode(16)
        .cdev("vfio0");
    t.fn("0000:03:02.1", "0000:02:08.0")
        .ids(0x8086, 0x154c, 0x020000)
        .virtfnOf("0000:03:00.0")
        .driver("iavf")
        .resetMethod("flr")
        .group(17);
    t.fn("0000:04:00.0", "0000:02:10.0")
        .ids(0x15b3, 0x1017, 0x020000)
        .driver("mlx5_core")
        .resetMethod("flr bus")
        .group(18);
    t.fn("0000:05:00.1", "0000:02:10.0")
        .ids(0x15b3, 0x1018, 0x020000)
        .virtfnOf("0000:04:00.0")
        .driver("mlx5_vfio_pci")
        .resetMethod("flr")
        .group(19)
        .groupNode(19)
        .cdev("vfio1");
    t.fn("0000:05:00.2", "0000:02:10.0")
        .ids(0x15b3, 0x1018, 0x020000)
        .virtfnOf("0000:04:00.0")
        .driver("mlx5_core")
        .resetMethod("flr")
        .group(20);
    t.slot("3", "0000:03:00", true);
    t.slot("4", "0000:04:00", false);
    t.process(
            7001,
            "qemu-system-x86",
            107,
            "/usr/bin/qemu-system-x86_64",
            "-name",
            "guest=vm-a",
            "-device",
            "vfio-pci,host=0000:03:02.0")
        .fd(20, "/dev/vfio/vfio")
        .fd(21, "/dev/vfio/16")
        .deviceFd(22, "0000:03:02.0");
    t.process(
            7002,
            "qemu-system-x86",
            107,
            "/usr/bin/qemu-system-x86_64",
            "-name",
            "guest=vm-b",
            "-object",
            "iommufd,id=iommufd0",
            "-device",
            "vfio-pci,host=0000:05:00.1,iommufd=iommufd0")
        .fd(30, "/dev/iommu")
        .fd(31, "/dev/vfio/devices/vfio1");
  }

  /** VFIO's no-IOMMU mode: one I350 port on vfio-pci with a vfio-noiommu group, used by DPDK. */
  static void noIommu(HostTree t) {
    t.hostname("dpdk-box", "6.12.48-amd64").vfio(true, true);
    t.fn("0000:00:00.0", null).ids(0x8086, 0x0c00, 0x060000);
    t.fn("0000:00:02.0", null)
        .ids(0x8086, 0x0c01, 0x060400)
        .bridge("0000:01", 1)
        .driver("pcieport");
    t.fn("0000:01:00.0", "0000:00:02.0")
        .ids(0x8086, 0x1521, 0x020000)
        .multifunction()
        .driver("vfio-pci")
        .resetMethod("flr bus")
        .noiommuGroup(0);
    t.fn("0000:01:00.1", "0000:00:02.0")
        .ids(0x8086, 0x1521, 0x020000)
        .driver("igb")
        .resetMethod("flr bus");
    t.process(3100, "dpdk-testpmd", 0, "dpdk-testpmd", "-a", "0000:01:00.0")
        .fd(5, "/dev/vfio/vfio")
        .fd(6, "/dev/vfio/noiommu-0")
        .fd(7, "anon_inode:[vfio-device]");
  }

  /**
   * The seed mix: a dual-port NIC on one bus, port 0 opened by one QEMU through its group and a
   * container, port 1 by another QEMU as a cdev; that QEMU holds two iommufds (ambiguous) and an
   * NVMe cdev on another bus.
   */
  static void mixedQemu(HostTree t) {
    t.hostname("mixed", "6.12.48-amd64").vfio(true, false);
    t.fn("0000:00:00.0", null).ids(0x8086, 0x3e30, 0x060000).group(0);
    t.fn("0000:00:1c.0", null)
        .ids(0x8086, 0xa33c, 0x060400)
        .bridge("0000:02", 2)
        .driver("pcieport")
        .group(8);
    t.fn("0000:00:1d.0", null)
        .ids(0x8086, 0xa330, 0x060400)
        .bridge("0000:03", 3)
        .driver("pcieport")
        .group(9);
    t.fn("0000:02:00.0", "0000:00:1c.0")
        .ids(0x8086, 0x1521, 0x020000)
        .multifunction()
        .driver("vfio-pci")
        .resetMethod("flr bus")
        .group(20)
        .groupNode(20)
        .cdev("vfio0");
    t.fn("0000:02:00.1", "0000:00:1c.0")
        .ids(0x8086, 0x1521, 0x020000)
        .driver("vfio-pci")
        .resetMethod("flr bus")
        .group(21)
        .groupNode(21)
        .cdev("vfio1");
    t.fn("0000:03:00.0", "0000:00:1d.0")
        .ids(0x144d, 0xa808, 0x010802)
        .driver("vfio-pci")
        .resetMethod("flr bus")
        .group(22)
        .groupNode(22)
        .cdev("vfio2");
    t.process(
            5001,
            "qemu-system-x86",
            0,
            "qemu-system-x86_64",
            "-name",
            "vm-group",
            "-device",
            "vfio-pci,host=0000:02:00.0")
        .fd(15, "/dev/vfio/vfio")
        .fd(16, "/dev/vfio/20")
        .fd(17, "anon_inode:[vfio-device]");
    t.process(
            5002,
            "qemu-system-x86",
            0,
            "qemu-system-x86_64",
            "-name",
            "vm-cdev",
            "-object",
            "iommufd,id=a",
            "-object",
            "iommufd,id=b",
            "-device",
            "vfio-pci,host=0000:02:00.1,iommufd=a",
            "-device",
            "vfio-pci,host=0000:03:00.0,iommufd=b")
        .fd(18, "/dev/iommu")
        .fd(19, "/dev/vfio/devices/vfio1")
        .fd(20, "/dev/iommu")
        .fd(21, "/dev/vfio/devices/vfio2");
  }

  static Capture capture(String name, Path dir) throws IOException {
    HostTree t = new HostTree(dir);
    builder(name).accept(t);
    return new HostScanner(new LiveFs(dir))
        .capture(ScanListener.NONE, "vfio-workbench fixture")
        .capture();
  }

  static Consumer<HostTree> builder(String name) {
    return switch (name) {
      case WORKSTATION -> FixtureHosts::workstation;
      case SRIOV_SERVER -> FixtureHosts::sriovServer;
      case NOIOMMU -> FixtureHosts::noIommu;
      case MIXED_QEMU -> FixtureHosts::mixedQemu;
      default -> throw new IllegalArgumentException(name);
    };
  }

  /** Rewrites {@code src/test/resources/host/NAME.json} for every fixture host. */
  public static void main(String[] args) throws IOException {
    Path out = Path.of(args.length > 0 ? args[0] : "src/test/resources/host");
    for (String name : new String[] {WORKSTATION, SRIOV_SERVER, NOIOMMU, MIXED_QEMU}) {
      Path dir = Files.createTempDirectory("vfio-fixture-");
      try {
        Capture c = capture(name, dir);
        Capture stable =
            new Capture(
                new org.vfioworkbench.host.capture.CaptureInfo(
                    c.info().createdBy(),
                    "",
                    c.info().hostname(),
                    c.info().kernel(),
                    "fixture " + name),
                c.entries());
        CaptureCodec.write(stable, out.resolve(name + ".json"));
      } finally {
        deleteTree(dir);
      }
    }
  }

  static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
