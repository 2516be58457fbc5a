package org.vfioworkbench.lab.guest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The guest's sysfs: finding placed functions, reading their facts, binding drivers. */
final class GuestSysfs {

  private final Path devices;
  private final Path pciBus;

  GuestSysfs(Path sys) {
    this.devices = sys.resolve("bus/pci/devices");
    this.pciBus = sys.resolve("bus/pci");
  }

  /** Follows a devfn path from root bus 0000:00 through each bridge's secondary bus. */
  Optional<String> resolve(List<Integer> path) throws IOException {
    int bus = 0;
    String bdf = null;
    for (int i = 0; i < path.size(); i++) {
      int devfn = path.get(i);
      bdf = String.format("0000:%02x:%02x.%d", bus, devfn >> 3, devfn & 7);
      Path dir = devices.resolve(bdf);
      if (!Files.isDirectory(dir)) {
        return Optional.empty();
      }
      if (i + 1 < path.size()) {
        byte[] config = Files.readAllBytes(dir.resolve("config"));
        bus = config[0x19] & 0xff;
      }
    }
    return Optional.ofNullable(bdf);
  }

  String ids(String bdf) throws IOException {
    return read(bdf, "vendor").replace("0x", "") + ":" + read(bdf, "device").replace("0x", "");
  }

  int group(String bdf) throws IOException {
    Path link = devices.resolve(bdf).resolve("iommu_group");
    if (!Files.isSymbolicLink(link)) {
      return -1;
    }
    return Integer.parseInt(Files.readSymbolicLink(link).getFileName().toString());
  }

  String driver(String bdf) throws IOException {
    Path link = devices.resolve(bdf).resolve("driver");
    return Files.isSymbolicLink(link) ? Files.readSymbolicLink(link).getFileName().toString() : "";
  }

  String resetMethod(String bdf) {
    try {
      return read(bdf, "reset_method");
    } catch (IOException e) {
      return "";
    }
  }

  /** The device cdev node of a vfio-bound function, {@code /dev/vfio/devices/vfioN}. */
  Optional<String> cdevNode(String bdf) throws IOException {
    Path dir = devices.resolve(bdf).resolve("vfio-dev");
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    try (var s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith("vfio"))
          .findFirst()
          .map(n -> "/dev/vfio/devices/" + n);
    }
  }

  /** Unbinds the current driver, if any. */
  void unbind(String bdf) throws IOException {
    Path driver = devices.resolve(bdf).resolve("driver");
    if (Files.isSymbolicLink(driver)) {
      write(driver.resolve("unbind"), bdf);
    }
  }

  /** Binds to {@code driver} through {@code driver_override} and {@code drivers_probe}. */
  void bind(String bdf, String driver) throws IOException {
    unbind(bdf);
    write(devices.resolve(bdf).resolve("driver_override"), driver);
    write(pciBus.resolve("drivers_probe"), bdf);
  }

  /** Keeps a function driverless: no driver may probe it any more. */
  void keepDriverless(String bdf) throws IOException {
    unbind(bdf);
    write(devices.resolve(bdf).resolve("driver_override"), "none");
  }

  private String read(String bdf, String attr) throws IOException {
    return Files.readString(devices.resolve(bdf).resolve(attr), StandardCharsets.US_ASCII).trim();
  }

  private static void write(Path file, String value) throws IOException {
    Files.write(file, value.getBytes(StandardCharsets.US_ASCII));
  }
}
