package org.vfioworkbench.host.sysfs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The PCI ID database ({@code pci.ids}, the file lspci reads): vendor, device, subsystem and class
 * names. {@link #system()} reads the system's copy ({@code /usr/share/misc/pci.ids} or {@code
 * /usr/share/hwdata/pci.ids}), else the copy bundled into the jar at build time, else knows no
 * names; it is read once, on first use. Names are formatted the way lspci formats them, including
 * its fallbacks for unknown ids ({@code Device 37c0}).
 */
public final class PciIds {

  /** Where Debian/Ubuntu and Fedora/Arch keep the file, in the order lspci's builds look. */
  public static final List<String> SYSTEM_COPIES =
      List.of("/usr/share/misc/pci.ids", "/usr/share/hwdata/pci.ids", "/usr/share/pci.ids");

  /** The copy bundled at build time, when the build machine had one. */
  public static final String BUNDLED = "/org/vfioworkbench/host/sysfs/pci.ids";

  private static final PciIds NONE = new PciIds("no pci.ids", "");

  private final String source;
  private final Map<Integer, String> vendors = new HashMap<>();
  private final Map<Long, String> devices = new HashMap<>();
  private final Map<Long, String> subsystems = new HashMap<>();
  private final Map<Integer, String> classes = new HashMap<>();

  private PciIds(String source, String text) {
    this.source = source;
    parse(text);
  }

  /** Parses the text of a {@code pci.ids} file; {@code source} names it in messages. */
  public static PciIds parse(String source, String text) {
    return new PciIds(source, text);
  }

  /** The database lspci would use here, read once. */
  public static PciIds system() {
    return SystemHolder.INSTANCE;
  }

  /** A database that knows no names: every lookup falls back to numbers. */
  public static PciIds none() {
    return NONE;
  }

  private static final class SystemHolder {
    static final PciIds INSTANCE = load(SYSTEM_COPIES);
  }

  /** The first readable file of {@code copies}, else the bundled copy, else no names. */
  static PciIds load(List<String> copies) {
    for (String p : copies) {
      Path path = Path.of(p);
      if (Files.isReadable(path)) {
        try {
          return parse(p, new String(Files.readAllBytes(path), StandardCharsets.UTF_8));
        } catch (IOException e) {
          // Try the next copy; a database is a convenience, never required.
        }
      }
    }
    try (InputStream in = PciIds.class.getResourceAsStream(BUNDLED)) {
      if (in != null) {
        return parse(
            "pci.ids bundled with the workbench",
            new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      // Fall through: no names.
    }
    return NONE;
  }

  /** Which file the names came from ("/usr/share/misc/pci.ids"), or "no pci.ids". */
  public String source() {
    return source;
  }

  /** True when the database holds any vendor. */
  public boolean isEmpty() {
    return vendors.isEmpty();
  }

  public Optional<String> vendor(int vendor) {
    return Optional.ofNullable(vendors.get(vendor));
  }

  public Optional<String> device(int vendor, int device) {
    return Optional.ofNullable(devices.get(key(vendor, device)));
  }

  /**
   * A subsystem's name as lspci finds it: the entry below the device, or the device's own name when
   * the subsystem ids equal the device ids.
   */
  public Optional<String> subsystem(int vendor, int device, int subVendor, int subDevice) {
    String s = subsystems.get(key(key(vendor, device), key(subVendor, subDevice)));
    if (s == null && vendor == subVendor && device == subDevice) {
      s = devices.get(key(vendor, device));
    }
    return Optional.ofNullable(s);
  }

  /** The subclass name for a 24-bit class code, else the base class name; empty if neither. */
  public Optional<String> subclass(int classCode) {
    return Optional.ofNullable(classes.get((classCode >> 8) & 0xffff));
  }

  // lspci's formatting, lib/names.c of pciutils: names where known, numbers where not.

  /** "Ethernet controller", "Processor [0b40]" (base class only) or "Class 0b40". */
  public String className(int classCode) {
    int sub = (classCode >> 8) & 0xffff;
    String s = classes.get(sub);
    if (s != null) {
      return s;
    }
    String base = classes.get(BASE_MARK | (sub >> 8));
    return base != null ? base + String.format(" [%04x]", sub) : String.format("Class %04x", sub);
  }

  /** "Intel Corporation" or "Vendor 1bcf", as in {@code lspci -mm}. */
  public String vendorName(int vendor) {
    return vendor(vendor).orElse(String.format("Vendor %04x", vendor));
  }

  /** A subsystem vendor: "Intel Corporation" or "Unknown vendor beef", as in {@code lspci -mm}. */
  public String subsystemVendorName(int vendor) {
    return vendor(vendor).orElse(String.format("Unknown vendor %04x", vendor));
  }

  /** "Ethernet Connection X722 for 10GBASE-T" or "Device 37c0", as in {@code lspci -mm}. */
  public String deviceName(int vendor, int device) {
    return device(vendor, device).orElse(String.format("Device %04x", device));
  }

  /** The subsystem device's name, or "Device 0000", as in {@code lspci -mm}. */
  public String subsystemName(int vendor, int device, int subVendor, int subDevice) {
    return subsystem(vendor, device, subVendor, subDevice)
        .orElse(String.format("Device %04x", subDevice));
  }

  private static final int BASE_MARK = 0x10000;

  private static long key(long hi, long lo) {
    return (hi << 32) | (lo & 0xffffffffL);
  }

  private static long key(int a, int b) {
    return ((long) a << 16) | (b & 0xffff);
  }

  private void parse(String text) {
    int vendor = -1;
    int device = -1;
    int baseClass = -1;
    boolean inClasses = false;
    int at = 0;
    int n = text.length();
    while (at < n) {
      int end = text.indexOf('\n', at);
      if (end < 0) {
        end = n;
      }
      String line = text.substring(at, end);
      at = end + 1;
      if (line.isEmpty() || line.charAt(0) == '#') {
        continue;
      }
      try {
        if (line.charAt(0) != '\t') {
          device = -1;
          if (line.startsWith("C ")) {
            inClasses = true;
            baseClass = Integer.parseInt(line.substring(2, 4), 16);
            classes.put(BASE_MARK | baseClass, name(line, 4));
          } else if (isHex(line, 0, 4) && line.length() > 4 && line.charAt(4) == ' ') {
            inClasses = false;
            vendor = Integer.parseInt(line.substring(0, 4), 16);
            vendors.put(vendor, name(line, 4));
          } else {
            // Another section (device classes' "C" aside, e.g. "X" for other ids): not used.
            inClasses = false;
            vendor = -1;
            baseClass = -1;
          }
        } else if (line.length() > 1 && line.charAt(1) != '\t') {
          if (inClasses && baseClass >= 0 && isHex(line, 1, 2)) {
            classes.put(
                (baseClass << 8) | Integer.parseInt(line.substring(1, 3), 16), name(line, 3));
          } else if (vendor >= 0 && isHex(line, 1, 4)) {
            device = Integer.parseInt(line.substring(1, 5), 16);
            devices.put(key(vendor, device), name(line, 5));
          }
        } else if (!inClasses
            && vendor >= 0
            && device >= 0
            && isHex(line, 2, 4)
            && isHex(line, 7, 4)) {
          int sv = Integer.parseInt(line.substring(2, 6), 16);
          int sd = Integer.parseInt(line.substring(7, 11), 16);
          subsystems.put(key(key(vendor, device), key(sv, sd)), name(line, 11));
        }
      } catch (RuntimeException e) {
        // A malformed line is skipped, as lspci's parser would refuse it; the rest still counts.
      }
    }
  }

  private static boolean isHex(String s, int from, int digits) {
    if (s.length() < from + digits) {
      return false;
    }
    for (int i = from; i < from + digits; i++) {
      if (Character.digit(s.charAt(i), 16) < 0) {
        return false;
      }
    }
    return true;
  }

  private static String name(String line, int from) {
    return line.substring(Math.min(from, line.length())).strip();
  }
}
