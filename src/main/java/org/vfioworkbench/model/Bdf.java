package org.vfioworkbench.model;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PCI function address: segment (domain), bus, device (slot number) and function, written {@code
 * 0000:02:00.1} as in sysfs.
 */
public record Bdf(int segment, int bus, int device, int function) implements Comparable<Bdf> {

  private static final Pattern FORMAT =
      Pattern.compile("(?:([0-9a-fA-F]{1,8}):)?([0-9a-fA-F]{1,2}):([0-9a-fA-F]{1,2})\\.([0-7])");

  /**
   * The largest segment (PCI domain): the kernel's domain number is an {@code int}, and domains
   * above {@code 0xffff} are real (Intel VMD puts its buses in {@code 10000:00}).
   */
  public static final int MAX_SEGMENT = Integer.MAX_VALUE;

  private static final Comparator<Bdf> ORDER =
      Comparator.comparingInt(Bdf::segment)
          .thenComparingInt(Bdf::bus)
          .thenComparingInt(Bdf::device)
          .thenComparingInt(Bdf::function);

  public Bdf {
    check(segment, MAX_SEGMENT, "segment");
    check(bus, 0xff, "bus");
    check(device, 0x1f, "device");
    check(function, 0x7, "function");
  }

  /** Parses {@code 0000:02:00.1} or the short form {@code 02:00.1} (segment 0). */
  public static Bdf parse(String text) {
    Matcher m = FORMAT.matcher(text == null ? "" : text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "not a PCI address: '" + text + "' (expected the form 0000:02:00.1)");
    }
    int segment = m.group(1) == null ? 0 : Integer.parseInt(m.group(1), 16);
    return new Bdf(
        segment,
        Integer.parseInt(m.group(2), 16),
        Integer.parseInt(m.group(3), 16),
        Integer.parseInt(m.group(4)));
  }

  /** Builds an address from the kernel's {@code (segment, bus, devfn)} triple. */
  public static Bdf ofDevfn(int segment, int bus, int devfn) {
    return new Bdf(segment, bus, (devfn >> 3) & 0x1f, devfn & 0x7);
  }

  /** The kernel's {@code devfn}: {@code device << 3 | function}. */
  public int devfn() {
    return (device << 3) | function;
  }

  /** The bus this function sits on. */
  public BusAddress busAddress() {
    return new BusAddress(segment, bus);
  }

  @Override
  public int compareTo(Bdf other) {
    return ORDER.compare(this, other);
  }

  /** The packed address (unique per function), spread so that hash tables don't cluster. */
  @Override
  public int hashCode() {
    return ((segment << 16) | (bus << 8) | devfn()) * 0x9E3779B1;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Bdf b
        && b.segment == segment
        && b.bus == bus
        && b.device == device
        && b.function == function;
  }

  @Override
  public String toString() {
    int segDigits = segmentDigits(segment);
    char[] out = new char[segDigits + 8];
    hex(out, 0, segment, segDigits);
    out[segDigits] = ':';
    hex(out, segDigits + 1, bus, 2);
    out[segDigits + 3] = ':';
    hex(out, segDigits + 4, device, 2);
    out[segDigits + 6] = '.';
    hex(out, segDigits + 7, function, 1);
    return new String(out);
  }

  /** Hex digits sysfs writes for a segment: at least four, more above {@code 0xffff}. */
  static int segmentDigits(int segment) {
    int digits = 4;
    while (digits < 8 && (segment >>> (4 * digits)) != 0) {
      digits++;
    }
    return digits;
  }

  static void hex(char[] out, int at, int value, int digits) {
    for (int i = digits - 1; i >= 0; i--) {
      out[at + i] = Character.forDigit(value & 0xf, 16);
      value >>>= 4;
    }
  }

  private static void check(int value, int max, String what) {
    if (value < 0 || value > max) {
      throw new IllegalArgumentException(what + " out of range: " + value + " (0.." + max + ")");
    }
  }
}
