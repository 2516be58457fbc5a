package org.vfioworkbench.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A tiny host laid out as sysfs, {@code /dev/vfio} and {@code /proc} show one, for the training run
 * of the class-data-sharing archive: a root port, a function behind it on vfio-pci with a device
 * cdev, their IOMMU groups, and a QEMU holding the container, the group and a device fd. A scan of
 * it goes through every reader a real host's scan uses, so their classes come from the archive.
 */
final class TrainingHost {

  private static final String PORT = "0000:00:01.0";
  private static final String ENDPOINT = "0000:01:00.0";

  private final Path root;

  private TrainingHost(Path root) {
    this.root = root;
  }

  /** Lays the host out in the empty directory {@code root}. */
  static void write(Path root) throws IOException {
    TrainingHost t = new TrainingHost(root);
    t.text("/proc/sys/kernel/osrelease", "6.12.48-amd64\n");
    t.text("/proc/sys/kernel/hostname", "training\n");
    t.text("/dev/vfio/vfio", "");
    t.text("/sys/module/vfio/parameters/enable_unsafe_noiommu_mode", "N\n");
    String port = "/sys/devices/pci0000:00/" + PORT;
    String endpoint = port + "/" + ENDPOINT;
    t.function(PORT, port, 0x8086, 0x2030, 0x060400, 1, "pcieport", 1);
    t.link(port + "/pci_bus/0000:01", "../../../pci0000:00/" + PORT);
    t.function(ENDPOINT, endpoint, 0x15b3, 0x1017, 0x020000, 0, "vfio-pci", 2);
    t.text(endpoint + "/reset_method", "flr bus\n");
    t.text(endpoint + "/vfio-dev/vfio0/dev", "511:0\n");
    t.text("/dev/vfio/2", "");
    t.text("/dev/vfio/devices/vfio0", "");
    String qemu = "/proc/1000";
    t.text(qemu + "/comm", "qemu-system-x86\n");
    t.text(qemu + "/cmdline", "qemu-system-x86_64\0-name\0vm\0");
    t.text(qemu + "/status", "Name:\tqemu-system-x86\nPid:\t1000\nUid:\t107\t107\t107\t107\n");
    t.fd(qemu, 0, "/dev/null", "");
    t.fd(qemu, 20, "/dev/vfio/vfio", "");
    t.fd(qemu, 21, "/dev/vfio/2", "");
    t.fd(qemu, 22, "anon_inode:[vfio-device]", "vfio-device-syspath: " + endpoint + "\n");
  }

  /** Removes what {@link #write} laid out, and {@code root} itself. */
  static void delete(Path root) throws IOException {
    if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    List<Path> all;
    try (Stream<Path> walk = Files.walk(root)) {
      all = walk.sorted(Comparator.reverseOrder()).toList();
    }
    for (Path p : all) {
      Files.deleteIfExists(p);
    }
  }

  private void function(
      String bdf,
      String dir,
      int vendor,
      int device,
      int classCode,
      int header,
      String driver,
      int group)
      throws IOException {
    text(dir + "/vendor", String.format("0x%04x%n", vendor));
    text(dir + "/device", String.format("0x%04x%n", device));
    text(dir + "/class", String.format("0x%06x%n", classCode));
    text(dir + "/subsystem_vendor", String.format("0x%04x%n", vendor));
    text(dir + "/subsystem_device", "0x0000\n");
    text(dir + "/driver_override", "(null)\n");
    byte[] config = new byte[64];
    config[0] = (byte) vendor;
    config[1] = (byte) (vendor >> 8);
    config[2] = (byte) device;
    config[3] = (byte) (device >> 8);
    config[9] = (byte) classCode;
    config[10] = (byte) (classCode >> 8);
    config[11] = (byte) (classCode >> 16);
    config[0x0e] = (byte) header;
    if (header == 1) {
      config[0x19] = 1;
      config[0x1a] = 1;
    }
    bytes(dir + "/config", config);
    String up = "../".repeat((int) dir.chars().filter(c -> c == '/').count() - 1);
    link("/sys/bus/pci/devices/" + bdf, "../../../" + dir.substring(5));
    link(dir + "/driver", up + "bus/pci/drivers/" + driver);
    Files.createDirectories(at("/sys/bus/pci/drivers/" + driver));
    String g = "/sys/kernel/iommu_groups/" + group;
    text(g + "/type", "DMA\n");
    link(dir + "/iommu_group", up + "kernel/iommu_groups/" + group);
    link(g + "/devices/" + bdf, "../../../../" + dir.substring(5));
  }

  private void fd(String proc, int fd, String target, String extra) throws IOException {
    link(proc + "/fd/" + fd, target);
    text(proc + "/fdinfo/" + fd, "pos:\t0\nflags:\t02000002\nmnt_id:\t16\nino:\t1057\n" + extra);
  }

  private Path at(String hostPath) {
    return root.resolve(hostPath.substring(1));
  }

  private void text(String hostPath, String text) throws IOException {
    bytes(hostPath, text.getBytes(StandardCharsets.UTF_8));
  }

  private void bytes(String hostPath, byte[] b) throws IOException {
    Path p = at(hostPath);
    Files.createDirectories(p.getParent());
    Files.write(p, b);
  }

  private void link(String hostPath, String target) throws IOException {
    Path p = at(hostPath);
    Files.createDirectories(p.getParent());
    Files.createSymbolicLink(p, Path.of(target));
  }
}
