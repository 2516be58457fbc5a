package org.vfioworkbench.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * Lays out a directory tree the way Linux shows a host in sysfs, {@code /dev/vfio} and {@code
 * /proc}: device directories nested under {@code /sys/devices/pciSSSS:BB}, relative symlinks like
 * {@code ../../../devices/pci0000:00/0000:00:01.0}, {@code iommu_group -> ../../../kernel/...},
 * config space that lspci can parse. Used to make fixture captures and the benchmark tree.
 */
final class HostTree {

  private final Path root;
  private final Map<String, String> devicePaths = new HashMap<>();
  private final Map<String, Integer> virtfnCount = new HashMap<>();

  HostTree(Path root) {
    this.root = root;
    mkdirs("/sys/bus/pci/devices");
    mkdirs("/sys/bus/pci/drivers");
    mkdirs("/sys/kernel/iommu_groups");
    mkdirs("/proc/sys/kernel");
  }

  Path root() {
    return root;
  }

  HostTree hostname(String name, String kernel) {
    write("/proc/sys/kernel/hostname", name + "\n");
    write("/proc/sys/kernel/osrelease", kernel + "\n");
    return this;
  }

  /** Loads vfio: {@code /dev/vfio/vfio}, the cdev directory and the no-IOMMU parameter. */
  HostTree vfio(boolean cdev, boolean noIommuMode) {
    write("/dev/vfio/vfio", "");
    if (cdev) {
      mkdirs("/dev/vfio/devices");
    }
    write("/sys/module/vfio/parameters/enable_unsafe_noiommu_mode", noIommuMode ? "Y\n" : "N\n");
    return this;
  }

  /** Starts a function below a bridge ({@code parent}) or on a root bus ({@code parent} null). */
  Fn fn(String bdf, String parent) {
    String dir =
        (parent == null
                ? "/sys/devices/pci" + bdf.substring(0, bdf.lastIndexOf(':'))
                : devicePaths.get(parent))
            + "/"
            + bdf;
    if (parent != null && !devicePaths.containsKey(parent)) {
      throw new IllegalArgumentException("unknown parent " + parent);
    }
    devicePaths.put(bdf, dir);
    mkdirs(dir);
    link("/sys/bus/pci/devices/" + bdf, dir);
    return new Fn(bdf, dir);
  }

  /**
   * Leaves a function out of {@code /sys/bus/pci/devices}, as some trees do; its directory stays.
   */
  HostTree unlist(String bdf) {
    try {
      Files.delete(at("/sys/bus/pci/devices/" + bdf));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** Deletes a file or directory tree, for trees that lack something. */
  HostTree remove(String hostPath) {
    try (var walk = Files.walk(at(hostPath))) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /**
   * A pciehp slot, or a plain one without hotplug driver, at {@code address} ({@code 0000:06:00}).
   */
  HostTree slot(String name, String address, boolean hotplug) {
    return slot(name, address, hotplug ? "pciehp" : null);
  }

  /**
   * A slot at {@code address} registered by hotplug driver {@code module} ({@code pciehp}, {@code
   * acpiphp}, …: its {@code module} link and {@code power} attribute), or a plain slot when null.
   */
  HostTree slot(String name, String address, String module) {
    String dir = "/sys/bus/pci/slots/" + name;
    write(dir + "/address", address + "\n");
    write(dir + "/max_bus_speed", "8.0 GT/s PCIe\n");
    if (module != null) {
      write(dir + "/power", "1\n");
      write(dir + "/attention", "0\n");
      mkdirs("/sys/module/" + module);
      link(dir + "/module", "/sys/module/" + module);
    }
    return this;
  }

  Proc process(int pid, String comm, int uid, String... cmdline) {
    String dir = "/proc/" + pid;
    write(dir + "/comm", comm + "\n");
    write(dir + "/cmdline", String.join("\0", cmdline) + "\0");
    write(
        dir + "/status",
        "Name:\t"
            + comm
            + "\nPid:\t"
            + pid
            + "\nUid:\t"
            + uid
            + "\t"
            + uid
            + "\t"
            + uid
            + "\t"
            + uid
            + "\nCapEff:\t"
            + (uid == 0 ? "000001ffffffffff" : "0000000000000000")
            + "\n");
    mkdirs(dir + "/fd");
    mkdirs(dir + "/fdinfo");
    return new Proc(dir);
  }

  /** One function being written. */
  final class Fn {
    final String bdf;
    final String dir;
    private int vendor;
    private int device;
    private int cls;
    private int header;
    private final byte[] config = new byte[64];

    Fn(String bdf, String dir) {
      this.bdf = bdf;
      this.dir = dir;
      write(dir + "/driver_override", "(null)\n");
      write(dir + "/irq", "0\n");
      write(
          dir + "/resource",
          "0x0000000000000000 0x0000000000000000 0x0000000000000000\n".repeat(13));
      write(dir + "/enable", "1\n");
      write(dir + "/numa_node", "-1\n");
      link(dir + "/subsystem", "/sys/bus/pci");
    }

    Fn ids(int v, int d, int c) {
      vendor = v;
      device = d;
      cls = c;
      write(dir + "/vendor", String.format("0x%04x%n", v));
      write(dir + "/device", String.format("0x%04x%n", d));
      write(dir + "/class", String.format("0x%06x%n", c));
      write(dir + "/subsystem_vendor", String.format("0x%04x%n", v));
      write(dir + "/subsystem_device", "0x0000\n");
      write(dir + "/revision", "0x01\n");
      if (((c >> 8) & 0xffff) == 0x0604) {
        header = 1;
      }
      writeConfig();
      return this;
    }

    /** Multifunction bit in the header type (function 0 of a multifunction device). */
    Fn multifunction() {
      header |= 0x80;
      writeConfig();
      return this;
    }

    /** A bridge whose secondary bus is {@code bus} ({@code 0000:02}), subordinate {@code sub}. */
    Fn bridge(String bus, int sub) {
      header = (header & 0x80) | 1;
      int busNo = Integer.parseInt(bus.substring(5), 16);
      config[0x18] = (byte) Integer.parseInt(bdf.substring(5, 7), 16);
      config[0x19] = (byte) busNo;
      config[0x1a] = (byte) sub;
      writeConfig();
      mkdirs(dir + "/pci_bus/" + bus);
      write(dir + "/secondary_bus_number", busNo + "\n");
      write(dir + "/subordinate_bus_number", sub + "\n");
      return this;
    }

    /** Subsystem ids, in sysfs and in config space (offset 0x2c) alike. */
    Fn subsystem(int sv, int sd) {
      write(dir + "/subsystem_vendor", String.format("0x%04x%n", sv));
      write(dir + "/subsystem_device", String.format("0x%04x%n", sd));
      config[0x2c] = (byte) sv;
      config[0x2d] = (byte) (sv >> 8);
      config[0x2e] = (byte) sd;
      config[0x2f] = (byte) (sd >> 8);
      writeConfig();
      return this;
    }

    /** A CardBus bridge (header type 2) whose secondary bus is {@code bus}. */
    Fn cardbus(String bus) {
      header = (header & 0x80) | 2;
      int busNo = Integer.parseInt(bus.substring(bus.indexOf(':') + 1), 16);
      config[0x18] =
          (byte) Integer.parseInt(bdf.substring(bdf.indexOf(':') + 1, bdf.lastIndexOf(':')), 16);
      config[0x19] = (byte) busNo;
      config[0x1a] = (byte) busNo;
      writeConfig();
      mkdirs(dir + "/pci_bus/" + bus);
      return this;
    }

    String dir() {
      return dir;
    }

    Fn driver(String name) {
      mkdirs("/sys/bus/pci/drivers/" + name);
      link(dir + "/driver", "/sys/bus/pci/drivers/" + name);
      link("/sys/bus/pci/drivers/" + name + "/" + bdf, dir);
      return this;
    }

    Fn override(String name) {
      write(dir + "/driver_override", name + "\n");
      return this;
    }

    Fn resetMethod(String methods) {
      write(dir + "/reset_method", methods + "\n");
      write(dir + "/reset", "");
      return this;
    }

    Fn group(int id) {
      String g = "/sys/kernel/iommu_groups/" + id;
      mkdirs(g + "/devices");
      write(g + "/type", "DMA\n");
      write(g + "/reserved_regions", "0x00000000fee00000 0x00000000feefffff msi\n");
      link(dir + "/iommu_group", g);
      link(g + "/devices/" + bdf, dir);
      return this;
    }

    /** A no-IOMMU group made by vfio: named {@code vfio-noiommu}, node {@code noiommu-N}. */
    Fn noiommuGroup(int id) {
      String g = "/sys/kernel/iommu_groups/" + id;
      mkdirs(g + "/devices");
      write(g + "/name", "vfio-noiommu\n");
      link(dir + "/iommu_group", g);
      link(g + "/devices/" + bdf, dir);
      write("/dev/vfio/noiommu-" + id, "");
      return this;
    }

    /** The group node exists (some member is vfio-bound). */
    Fn groupNode(int id) {
      write("/dev/vfio/" + id, "");
      return this;
    }

    Fn cdev(String name) {
      mkdirs(dir + "/vfio-dev/" + name);
      write(dir + "/vfio-dev/" + name + "/dev", "511:" + name.substring(4) + "\n");
      write("/dev/vfio/devices/" + name, "");
      return this;
    }

    /** This function is a VF of {@code pf}: {@code physfn} here, {@code virtfnN} there. */
    Fn virtfnOf(String pf) {
      String pfDir = devicePaths.get(pf);
      link(dir + "/physfn", pfDir);
      int n = virtfnCount.merge(pf, 1, Integer::sum) - 1;
      link(pfDir + "/virtfn" + n, dir);
      write(pfDir + "/sriov_numvfs", (n + 1) + "\n");
      write(pfDir + "/sriov_totalvfs", "64\n");
      return this;
    }

    private void writeConfig() {
      config[0] = (byte) vendor;
      config[1] = (byte) (vendor >> 8);
      config[2] = (byte) device;
      config[3] = (byte) (device >> 8);
      config[8] = 1;
      config[9] = (byte) cls;
      config[10] = (byte) (cls >> 8);
      config[11] = (byte) (cls >> 16);
      config[0x0e] = (byte) header;
      writeBytes(dir + "/config", config);
    }
  }

  /** One process being written. */
  final class Proc {
    private final String dir;

    Proc(String dir) {
      this.dir = dir;
    }

    Proc fd(int fd, String target) {
      link(dir + "/fd/" + fd, target, true);
      write(dir + "/fdinfo/" + fd, "pos:\t0\nflags:\t02000002\nmnt_id:\t25\nino:\t1042\n");
      return this;
    }

    /** A device fd whose fdinfo names its device (Linux 6.18+). */
    Proc deviceFd(int fd, String bdf) {
      link(dir + "/fd/" + fd, "anon_inode:[vfio-device]", true);
      write(
          dir + "/fdinfo/" + fd,
          "pos:\t0\nflags:\t02000002\nmnt_id:\t16\nino:\t1057\n"
              + "vfio-device-syspath: "
              + devicePaths.get(bdf)
              + "\n");
      return this;
    }
  }

  private Path at(String hostPath) {
    return root.resolve(hostPath.substring(1));
  }

  private void mkdirs(String hostPath) {
    try {
      Files.createDirectories(at(hostPath));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void write(String hostPath, String text) {
    writeBytes(hostPath, text.getBytes(StandardCharsets.UTF_8));
  }

  private void writeBytes(String hostPath, byte[] b) {
    try {
      Files.createDirectories(at(hostPath).getParent());
      Files.write(at(hostPath), b);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A relative symlink, as sysfs makes them. */
  private void link(String hostPath, String target) {
    link(hostPath, target, false);
  }

  private void link(String hostPath, String target, boolean verbatim) {
    try {
      Path l = at(hostPath);
      Files.createDirectories(l.getParent());
      String t =
          verbatim ? target : Path.of(hostPath).getParent().relativize(Path.of(target)).toString();
      Files.deleteIfExists(l);
      Files.createSymbolicLink(l, Path.of(t));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Group ids that have a node, for tests. */
  TreeSet<String> devVfio() throws IOException {
    TreeSet<String> s = new TreeSet<>();
    Path d = at("/dev/vfio");
    if (Files.isDirectory(d)) {
      try (var st = Files.list(d)) {
        st.forEach(p -> s.add(p.getFileName().toString()));
      }
    }
    return s;
  }
}
