package org.vfioworkbench.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vfioworkbench.cli.WorkbenchCli;
import org.vfioworkbench.host.capture.CaptureCodec;
import org.vfioworkbench.host.fs.HostFs;
import org.vfioworkbench.host.fs.LiveFs;
import org.vfioworkbench.host.usage.HostUseFacts;
import org.vfioworkbench.host.usage.HostUseReader;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.Topology;

/**
 * What a host uses its functions for, read from a fixture tree: a GPU that is the boot display, an
 * NVMe whose partition is mounted on / and another that is swap, a NIC with an interface up and one
 * whose interface is down.
 */
class HostUseReaderTest {

  private static final Bdf GPU = Bdf.parse("0000:01:00.0");
  private static final Bdf AUDIO = Bdf.parse("0000:01:00.1");
  private static final Bdf NVME = Bdf.parse("0000:02:00.0");
  private static final Bdf NIC_UP = Bdf.parse("0000:03:00.0");
  private static final Bdf NIC_DOWN = Bdf.parse("0000:03:00.1");

  @TempDir Path root;

  private Topology topology;

  @BeforeEach
  void setUp() throws IOException {
    HostTree t = new HostTree(root);
    t.hostname("desk", "6.12.48-amd64").vfio(true, false);
    t.fn("0000:00:00.0", null).ids(0x8086, 0x3e30, 0x060000).group(0);
    t.fn("0000:00:01.0", null)
        .ids(0x8086, 0x1901, 0x060400)
        .bridge("0000:01", 1)
        .driver("pcieport")
        .group(1);
    t.fn("0000:01:00.0", "0000:00:01.0")
        .ids(0x1002, 0x73bf, 0x030000)
        .multifunction()
        .driver("amdgpu")
        .group(1);
    t.fn("0000:01:00.1", "0000:00:01.0")
        .ids(0x1002, 0xab28, 0x040300)
        .driver("snd_hda_intel")
        .group(1);
    t.fn("0000:00:1c.0", null)
        .ids(0x8086, 0xa33c, 0x060400)
        .bridge("0000:02", 2)
        .driver("pcieport")
        .group(2);
    t.fn("0000:02:00.0", "0000:00:1c.0").ids(0x144d, 0xa808, 0x010802).driver("nvme").group(3);
    t.fn("0000:00:1d.0", null)
        .ids(0x8086, 0xa330, 0x060400)
        .bridge("0000:03", 3)
        .driver("pcieport")
        .group(4);
    t.fn("0000:03:00.0", "0000:00:1d.0")
        .ids(0x8086, 0x1521, 0x020000)
        .multifunction()
        .driver("igb")
        .group(5);
    t.fn("0000:03:00.1", "0000:00:1d.0").ids(0x8086, 0x1521, 0x020000).driver("igb").group(5);

    String gpu = "/sys/bus/pci/devices/" + GPU;
    t.write(gpu + "/boot_vga", "1\n");
    t.write("/sys/bus/pci/devices/" + AUDIO + "/dummy", "");
    String ns = "/sys/bus/pci/devices/" + NVME + "/nvme/nvme0/nvme0n1";
    t.write(ns + "/dev", "259:0\n");
    t.write(ns + "/nvme0n1p1/dev", "259:1\n");
    t.write(ns + "/nvme0n1p2/dev", "259:2\n");
    t.write(ns + "/nvme0n1p3/dev", "259:3\n");
    t.write(
        "/proc/self/mountinfo",
        "22 1 0:21 / /proc rw,nosuid - proc proc rw\n"
            + "25 1 259:2 / / rw,relatime - ext4 /dev/nvme0n1p2 rw\n"
            + "26 25 259:1 / /boot/efi rw,relatime - vfat /dev/nvme0n1p1 rw\n");
    t.write(
        "/proc/swaps",
        "Filename\t\t\t\tType\t\tSize\t\tUsed\t\tPriority\n"
            + "/dev/nvme0n1p3                          partition\t8388604\t\t0\t\t-2\n");
    String up = "/sys/bus/pci/devices/" + NIC_UP + "/net/enp3s0f0";
    t.write(up + "/operstate", "up\n");
    t.write(up + "/carrier", "1\n");
    String down = "/sys/bus/pci/devices/" + NIC_DOWN + "/net/enp3s0f1";
    t.write(down + "/operstate", "down\n");
    topology = new HostScanner(new LiveFs(root)).scan().topology();
  }

  @Test
  void theBootGpuAMountedNvmeAndAnInterfaceThatIsUpAreInUse() {
    HostUseFacts f = HostUseReader.read(new LiveFs(root), topology.functions());

    assertThat(f.uses().get(GPU))
        .containsExactly(
            "the boot display (boot_vga = 1): the host's console and likely its desktop");
    assertThat(f.uses().get(NVME))
        .containsExactly(
            "nvme0n1p1 (259:1) is mounted on /boot/efi",
            "nvme0n1p2 (259:2) is mounted on /",
            "nvme0n1p3 (259:3) is swap");
    assertThat(f.uses().get(NIC_UP)).containsExactly("network interface enp3s0f0 is up");
    assertThat(f.uses()).doesNotContainKeys(NIC_DOWN, AUDIO);
    assertThat(f.unknown()).isEmpty();
  }

  @Test
  void planOnACaptureSaysTheFactsAreUnknownNotAbsent() throws IOException {
    Path capture = root.resolveSibling(root.getFileName() + "-capture.json");
    CaptureCodec.write(
        new HostScanner(new LiveFs(root)).capture(ScanListener.NONE, "test").capture(), capture);
    StringWriter json = new StringWriter();
    WorkbenchCli.run(
        new String[] {"plan", capture.toString(), NVME.toString(), "--json"},
        new PrintWriter(json),
        new PrintWriter(new StringWriter()));
    assertThat(json.toString())
        .contains("a capture does not record it")
        .doesNotContain("is mounted on");
  }

  @Test
  void unreadableMountTablesAreSaidAsUnknownNotAsUnused() {
    HostFs live = new LiveFs(root);
    HostFs denied =
        new HostFs() {
          @Override
          public String describe() {
            return live.describe();
          }

          @Override
          public byte[] read(String path, int limit) throws IOException {
            if (path.startsWith("/proc/")) {
              throw new AccessDeniedException(path);
            }
            return live.read(path, limit);
          }

          @Override
          public String readLink(String path) throws IOException {
            return live.readLink(path);
          }

          @Override
          public List<String> list(String dir) throws IOException {
            return live.list(dir);
          }
        };
    HostUseFacts f = HostUseReader.read(denied, topology.functions());

    assertThat(f.uses()).doesNotContainKey(NVME);
    assertThat(f.unknown())
        .anySatisfy(
            u ->
                assertThat(u)
                    .startsWith("mounted filesystems: /proc/self/mountinfo: permission denied"))
        .anySatisfy(u -> assertThat(u).startsWith("swap devices: /proc/swaps: permission denied"));
    assertThat(f.toHostUse().unknown()).isEqualTo(f.unknown());
  }

  @Test
  void planOnTheTreeShowsWhatTheHostLosesInTextAndJson() {
    StringWriter out = new StringWriter();
    int code =
        WorkbenchCli.run(
            new String[] {"plan", root.toString(), NVME.toString(), NIC_UP.toString()},
            new PrintWriter(out),
            new PrintWriter(new StringWriter()));
    assertThat(code).isEqualTo(1);
    assertThat(out.toString())
        .contains("boot display read from directory " + root)
        .contains("nvme0n1p2 (259:2) is mounted on /")
        .contains("network interface enp3s0f0 is up");

    StringWriter json = new StringWriter();
    WorkbenchCli.run(
        new String[] {"plan", root.toString(), GPU.toString(), "--json"},
        new PrintWriter(json),
        new PrintWriter(new StringWriter()));
    assertThat(json.toString())
        .contains("\"read\" : true")
        .contains("the boot display (boot_vga = 1)");
  }
}
