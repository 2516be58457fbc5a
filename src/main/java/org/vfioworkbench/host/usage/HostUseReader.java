package org.vfioworkbench.host.usage;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.vfioworkbench.host.fs.FsErrors;
import org.vfioworkbench.host.fs.HostFs;
import org.vfioworkbench.host.fs.HostPaths;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.PciFunction;

/**
 * Reads what the host uses each function for now, read-only, through a {@link HostFs}:
 *
 * <ul>
 *   <li>the boot display: {@code boot_vga} = 1 (the firmware's console, usually the desktop's GPU);
 *   <li>a network interface that is up: {@code net/IF/operstate} = {@code up}, or {@code unknown}
 *       with {@code carrier} = 1 (drivers that do not report an operstate);
 *   <li>a block device in use: disks below the function ({@code block/*}, {@code nvme/nvmeN/
 *       nvmeNnM}, {@code virtioN/block/*}, or SCSI hosts {@code
 *       ataN/hostM/target…/H:C:T:L/block/*}) and their partitions, by {@code major:minor} from
 *       their {@code dev} files, matched against {@code /proc/self/mountinfo} (or {@code
 *       /proc/mounts} by name when mountinfo cannot be read), {@code /proc/swaps}, and one level of
 *       {@code holders} (device-mapper, md) whose own {@code major:minor} is mounted.
 * </ul>
 *
 * A file that does not exist is no fact (a NIC has no {@code boot_vga}); anything that exists and
 * cannot be read is said in {@link HostUseFacts#unknown()}, naming the function and the file.
 */
public final class HostUseReader {

  private static final Pattern NVME_CTRL = Pattern.compile("nvme\\d+");
  private static final Pattern NVME_NS = Pattern.compile("nvme\\d+(c\\d+)?n\\d+");
  private static final Pattern SCSI_STEP =
      Pattern.compile("ata\\d+|host\\d+|target\\d+:\\d+:\\d+|\\d+:\\d+:\\d+:\\d+|virtio\\d+");
  private static final int MAX_SCSI_DEPTH = 5;
  private static final int MOUNT_TABLE_LIMIT = 8 * 1024 * 1024;

  private final HostFs fs;
  private final List<String> unknown = new ArrayList<>();
  private Mounts mounts;

  private HostUseReader(HostFs fs) {
    this.fs = fs;
  }

  /** Reads the uses of {@code functions} (bridges are skipped) from {@code fs}. */
  public static HostUseFacts read(HostFs fs, List<PciFunction> functions) {
    return new HostUseReader(fs).run(functions);
  }

  private HostUseFacts run(List<PciFunction> functions) {
    Map<Bdf, List<String>> uses = new TreeMap<>();
    for (PciFunction f : functions) {
      if (f.isBridge()) {
        continue;
      }
      String dir = "/sys/bus/pci/devices/" + f.bdf();
      List<String> out = new ArrayList<>();
      bootVga(f.bdf(), dir, out);
      network(f.bdf(), dir, out);
      blocks(f.bdf(), dir, out);
      if (!out.isEmpty()) {
        uses.put(f.bdf(), out);
      }
    }
    return new HostUseFacts(fs.describe(), uses, unknown);
  }

  // ---------------------------------------------------------------- boot display

  private void bootVga(Bdf bdf, String dir, List<String> out) {
    String path = dir + "/boot_vga";
    try {
      if (fs.readText(path).trim().equals("1")) {
        out.add("the boot display (boot_vga = 1): the host's console and likely its desktop");
      }
    } catch (IOException e) {
      if (!FsErrors.isMissing(e)) {
        unknown.add(
            bdf + ": whether it is the boot display: " + path + ": " + FsErrors.describe(e));
      }
    }
  }

  // ---------------------------------------------------------------- network

  private void network(Bdf bdf, String dir, List<String> out) {
    List<String> ifaces = list(bdf, dir + "/net", "its network interfaces");
    for (String iface : ifaces) {
      String base = dir + "/net/" + iface;
      String state;
      try {
        state = fs.readText(base + "/operstate").trim();
      } catch (IOException e) {
        unknown.add(
            bdf
                + ": whether interface "
                + iface
                + " is up: "
                + base
                + "/operstate: "
                + FsErrors.describe(e));
        continue;
      }
      if (state.equals("up")) {
        out.add("network interface " + iface + " is up");
      } else if (state.equals("unknown") && carrier(base)) {
        out.add("network interface " + iface + " has a carrier (its driver reports no operstate)");
      }
    }
  }

  private boolean carrier(String base) {
    try {
      return fs.readText(base + "/carrier").trim().equals("1");
    } catch (IOException e) {
      return false; // reading carrier of a down interface fails with EINVAL: no carrier
    }
  }

  // ---------------------------------------------------------------- block devices

  private void blocks(Bdf bdf, String dir, List<String> out) {
    Map<String, String> disks = new LinkedHashMap<>();
    for (String d : list(bdf, dir + "/block", "its block devices")) {
      disks.put(d, dir + "/block/" + d);
    }
    for (String ctrl : list(bdf, dir + "/nvme", "its NVMe controllers")) {
      if (!NVME_CTRL.matcher(ctrl).matches()) {
        continue;
      }
      String c = dir + "/nvme/" + ctrl;
      for (String ns : list(bdf, c, "the namespaces of " + ctrl)) {
        if (NVME_NS.matcher(ns).matches()) {
          disks.put(ns, c + "/" + ns);
        }
      }
    }
    scsi(bdf, dir, 0, disks);
    for (Map.Entry<String, String> disk : disks.entrySet()) {
      disk(bdf, disk.getKey(), disk.getValue(), out);
    }
  }

  /** Follows ata/host/target/H:C:T:L and virtio children down to their block directories. */
  private void scsi(Bdf bdf, String dir, int depth, Map<String, String> disks) {
    if (depth >= MAX_SCSI_DEPTH) {
      return;
    }
    List<String> children;
    try {
      children = fs.list(dir);
    } catch (IOException e) {
      return; // the function's own directory was listed above, with any error said there
    }
    for (String child : children) {
      if (!SCSI_STEP.matcher(child).matches()) {
        continue;
      }
      String c = dir + "/" + child;
      if (depth > 0 || child.startsWith("virtio")) {
        for (String d : quietList(c + "/block")) {
          disks.put(d, c + "/block/" + d);
        }
      }
      scsi(bdf, c, depth + 1, disks);
    }
  }

  private void disk(Bdf bdf, String name, String dir, List<String> out) {
    List<String[]> parts = new ArrayList<>();
    parts.add(new String[] {name, dir});
    for (String child : list(bdf, dir, "the partitions of " + name)) {
      if (child.startsWith(name) && !child.equals(name)) {
        parts.add(new String[] {child, dir + "/" + child});
      }
    }
    for (String[] p : parts) {
      String devno = devno(bdf, p[0], p[1] + "/dev");
      if (devno == null) {
        continue;
      }
      Mounts m = mounts(bdf);
      String where = m.describe(devno, p[0]);
      if (where != null) {
        out.add(p[0] + " (" + devno + ") " + where);
      }
      for (String holder : quietList(p[1] + "/holders")) {
        String hd = devno(bdf, holder, "/sys/class/block/" + holder + "/dev");
        String via = hd == null ? null : m.describe(hd, holder);
        if (via != null) {
          out.add(p[0] + " holds " + holder + " (" + hd + "), which " + via);
        } else if (hd != null) {
          out.add(p[0] + " holds " + holder + " (" + hd + ")");
        }
      }
    }
  }

  private String devno(Bdf bdf, String name, String path) {
    try {
      String s = fs.readText(path).trim();
      return s.matches("\\d+:\\d+") ? s : null;
    } catch (IOException e) {
      if (!FsErrors.isMissing(e)) {
        unknown.add(
            bdf + ": the device number of " + name + ": " + path + ": " + FsErrors.describe(e));
      }
      return null;
    }
  }

  private Mounts mounts(Bdf bdf) {
    if (mounts == null) {
      mounts = Mounts.read(fs, unknown);
    }
    return mounts;
  }

  // ---------------------------------------------------------------- helpers

  /** The names in {@code dir}; a missing directory is none, an unreadable one is said. */
  private List<String> list(Bdf bdf, String dir, String what) {
    try {
      return fs.list(dir);
    } catch (IOException e) {
      if (!FsErrors.isMissing(e) && !FsErrors.code(e).equals("ENOTDIR")) {
        unknown.add(bdf + ": " + what + ": " + dir + ": " + FsErrors.describe(e));
      }
      return List.of();
    }
  }

  private List<String> quietList(String dir) {
    try {
      return fs.list(dir);
    } catch (IOException e) {
      return List.of();
    }
  }

  /** What {@code /proc} says is mounted and used as swap. */
  private static final class Mounts {
    private final Map<String, List<String>> byDevno = new LinkedHashMap<>();
    private final Map<String, List<String>> byName = new LinkedHashMap<>();
    private final List<String> swaps = new ArrayList<>();

    static Mounts read(HostFs fs, List<String> unknown) {
      Mounts m = new Mounts();
      try {
        for (String line : big(fs, "/proc/self/mountinfo").split("\n")) {
          String[] f = line.split(" ");
          if (f.length > 4) {
            m.byDevno.computeIfAbsent(f[2], k -> new ArrayList<>()).add(unescape(f[4]));
          }
        }
      } catch (IOException e) {
        try {
          for (String line : big(fs, "/proc/mounts").split("\n")) {
            String[] f = line.split(" ");
            if (f.length > 1 && f[0].startsWith("/dev/")) {
              m.byName
                  .computeIfAbsent(HostPaths.name(f[0]), k -> new ArrayList<>())
                  .add(unescape(f[1]));
            }
          }
        } catch (IOException e2) {
          unknown.add(
              "mounted filesystems: /proc/self/mountinfo: "
                  + FsErrors.describe(e)
                  + "; /proc/mounts: "
                  + FsErrors.describe(e2));
        }
      }
      try {
        String[] lines = fs.readText("/proc/swaps").split("\n");
        for (int i = 1; i < lines.length; i++) {
          String[] f = lines[i].trim().split("\\s+");
          if (f.length > 0 && f[0].startsWith("/dev/")) {
            m.swaps.add(HostPaths.name(f[0]));
          }
        }
      } catch (IOException e) {
        unknown.add("swap devices: /proc/swaps: " + FsErrors.describe(e));
      }
      return m;
    }

    /** A mount table: larger than a sysfs attribute on hosts with many containers. */
    private static String big(HostFs fs, String path) throws IOException {
      return new String(fs.read(path, MOUNT_TABLE_LIMIT), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** "is mounted on /, /home", "is swap", or null when neither. */
    String describe(String devno, String name) {
      List<String> at = new ArrayList<>(byDevno.getOrDefault(devno, List.of()));
      at.addAll(byName.getOrDefault(name, List.of()));
      List<String> out = new ArrayList<>();
      if (!at.isEmpty()) {
        out.add("is mounted on " + String.join(", ", at.stream().distinct().toList()));
      }
      if (swaps.contains(name)) {
        out.add("is swap");
      }
      return out.isEmpty() ? null : String.join(" and ", out);
    }

    /** mountinfo writes space, tab, newline and backslash in octal. */
    private static String unescape(String s) {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c == '\\' && i + 3 < s.length() && s.substring(i + 1, i + 4).matches("[0-7]{3}")) {
          b.append((char) Integer.parseInt(s.substring(i + 1, i + 4), 8));
          i += 3;
        } else {
          b.append(c);
        }
      }
      return b.toString();
    }
  }
}
