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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

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
  private final Map<Integer, String> classes = new HashMap<>();

  /**
   * The text, kept for the vendors' device sections, which are parsed when a lookup first names
   * their vendor: a scan names a handful of vendors, and parsing all ~40,000 device and subsystem
   * lines up front cost a start-up's worth of time and ~7 MiB held for the whole run.
   */
  private final String text;

  /** Per vendor, the start and end offsets of its device sections in {@link #text}, in order. */
  private final Map<Integer, int[]> sections = new HashMap<>();

  private final Map<Long, String> devices = new ConcurrentHashMap<>();
  private final Map<Long, String> subsystems = new ConcurrentHashMap<>();

  /** Vendors whose sections are in {@link #devices} and {@link #subsystems}. */
  private final Set<Integer> parsed = ConcurrentHashMap.newKeySet();

  private PciIds(String source, String text) {
    this.source = source;
    this.text = text;
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
    parseSections(vendor);
    return Optional.ofNullable(devices.get(key(vendor, device)));
  }

  /**
   * A subsystem's name as lspci finds it: the entry below the device, or the device's own name when
   * the subsystem ids equal the device ids.
   */
  public Optional<String> subsystem(int vendor, int device, int subVendor, int subDevice) {
    parseSections(vendor);
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
    return base != null ? base + " [" + hex4(sub) + "]" : "Class " + hex4(sub);
  }

  /** "Intel Corporation" or "Vendor 1bcf", as in {@code lspci -mm}. */
  public String vendorName(int vendor) {
    String name = vendors.get(vendor);
    return name != null ? name : "Vendor " + hex4(vendor);
  }

  /** A subsystem vendor: "Intel Corporation" or "Unknown vendor beef", as in {@code lspci -mm}. */
  public String subsystemVendorName(int vendor) {
    String name = vendors.get(vendor);
    return name != null ? name : "Unknown vendor " + hex4(vendor);
  }

  /** "Ethernet Connection X722 for 10GBASE-T" or "Device 37c0", as in {@code lspci -mm}. */
  public String deviceName(int vendor, int device) {
    return device(vendor, device).orElseGet(() -> "Device " + hex4(device));
  }

  /** The subsystem device's name, or "Device 0000", as in {@code lspci -mm}. */
  public String subsystemName(int vendor, int device, int subVendor, int subDevice) {
    return subsystem(vendor, device, subVendor, subDevice)
        .orElseGet(() -> "Device " + hex4(subDevice));
  }

  private static final int BASE_MARK = 0x10000;

  /**
   * {@code value} in lower-case hex, at least four digits, as {@code %04x} writes it (the fallback
   * names are made for every function a database does not name, so not through a {@code
   * Formatter}).
   */
  static String hex4(int value) {
    String h = Integer.toHexString(value);
    return h.length() >= 4 ? h : "0000".substring(h.length()) + h;
  }

  private static long key(long hi, long lo) {
    return (hi << 32) | (lo & 0xffffffffL);
  }

  private static long key(int a, int b) {
    return ((long) a << 16) | (b & 0xffff);
  }

  /**
   * The first pass: vendor and class names, and where each vendor's device lines are. Device and
   * subsystem lines are only stepped over here ({@link #parseSections} reads them).
   */
  private void parse(String text) {
    int vendor = -1;
    int sectionStart = -1;
    int baseClass = -1;
    boolean inClasses = false;
    int at = 0;
    int n = text.length();
    while (at < n) {
      int end = text.indexOf('\n', at);
      if (end < 0) {
        end = n;
      }
      int lineStart = at;
      at = end + 1;
      char first = lineStart < end ? text.charAt(lineStart) : '#';
      if (first == '#' || (first == '\t' && !inClasses)) {
        // A comment, or a vendor's device or subsystem line: read when the vendor is looked up.
        continue;
      }
      String line = text.substring(lineStart, end);
      try {
        if (first != '\t') {
          if (vendor >= 0) {
            addSection(vendor, sectionStart, lineStart);
          }
          if (line.startsWith("C ")) {
            inClasses = true;
            vendor = -1;
            baseClass = Integer.parseInt(line.substring(2, 4), 16);
            classes.put(BASE_MARK | baseClass, name(line, 4));
          } else if (isHex(line, 0, 4) && line.length() > 4 && line.charAt(4) == ' ') {
            inClasses = false;
            vendor = Integer.parseInt(line.substring(0, 4), 16);
            sectionStart = at;
            vendors.put(vendor, name(line, 4));
          } else {
            // Another section (device classes' "C" aside, e.g. "X" for other ids): not used.
            inClasses = false;
            vendor = -1;
            baseClass = -1;
          }
        } else if (line.length() > 1
            && line.charAt(1) != '\t'
            && baseClass >= 0
            && isHex(line, 1, 2)) {
          classes.put((baseClass << 8) | Integer.parseInt(line.substring(1, 3), 16), name(line, 3));
        }
      } catch (RuntimeException e) {
        // A malformed line is skipped, as lspci's parser would refuse it; the rest still counts.
      }
    }
    if (vendor >= 0) {
      addSection(vendor, sectionStart, n);
    }
  }

  private void addSection(int vendor, int from, int to) {
    if (from >= to) {
      return;
    }
    int[] old = sections.get(vendor);
    int[] both = old == null ? new int[2] : java.util.Arrays.copyOf(old, old.length + 2);
    both[both.length - 2] = from;
    both[both.length - 1] = to;
    sections.put(vendor, both);
  }

  /** Reads {@code vendor}'s device and subsystem lines, once. */
  private void parseSections(int vendor) {
    if (parsed.contains(vendor)) {
      return;
    }
    synchronized (parsed) {
      if (parsed.contains(vendor)) {
        return;
      }
      int[] s = sections.getOrDefault(vendor, new int[0]);
      for (int i = 0; i < s.length; i += 2) {
        parseSection(vendor, s[i], s[i + 1]);
      }
      parsed.add(vendor);
    }
  }

  private void parseSection(int vendor, int from, int to) {
    int device = -1;
    int at = from;
    while (at < to) {
      int end = text.indexOf('\n', at);
      if (end < 0 || end > to) {
        end = to;
      }
      String line = text.substring(at, end);
      at = end + 1;
      if (line.isEmpty() || line.charAt(0) == '#') {
        continue;
      }
      try {
        if (line.length() > 1 && line.charAt(1) != '\t') {
          if (isHex(line, 1, 4)) {
            device = Integer.parseInt(line.substring(1, 5), 16);
            devices.put(key(vendor, device), name(line, 5));
          }
        } else if (device >= 0 && isHex(line, 2, 4) && isHex(line, 7, 4)) {
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
