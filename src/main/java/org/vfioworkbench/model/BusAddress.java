package org.vfioworkbench.model;

import java.util.Comparator;

/** A PCI bus: segment (domain) and bus number, written {@code 0000:02}. */
public record BusAddress(int segment, int bus) implements Comparable<BusAddress> {

  private static final Comparator<BusAddress> ORDER =
      Comparator.comparingInt(BusAddress::segment).thenComparingInt(BusAddress::bus);

  public BusAddress {
    if (segment < 0 || segment > Bdf.MAX_SEGMENT) {
      throw new IllegalArgumentException("segment out of range: " + segment);
    }
    if (bus < 0 || bus > 0xff) {
      throw new IllegalArgumentException("bus number out of range: " + bus);
    }
  }

  /** Parses {@code 0000:02} or {@code 02}. */
  public static BusAddress parse(String text) {
    String t = text == null ? "" : text.trim();
    try {
      int colon = t.indexOf(':');
      if (colon < 0) {
        return new BusAddress(0, Integer.parseInt(t, 16));
      }
      return new BusAddress(
          Integer.parseInt(t.substring(0, colon), 16),
          Integer.parseInt(t.substring(colon + 1), 16));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "not a PCI bus address: '" + text + "' (expected the form 0000:02)", e);
    }
  }

  @Override
  public int compareTo(BusAddress other) {
    return ORDER.compare(this, other);
  }

  /** Unique per bus: segment and bus number packed into one int. */
  @Override
  public int hashCode() {
    return (segment << 8) | bus;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BusAddress b && b.segment == segment && b.bus == bus;
  }

  @Override
  public String toString() {
    int segDigits = Bdf.segmentDigits(segment);
    char[] out = new char[segDigits + 3];
    Bdf.hex(out, 0, segment, segDigits);
    out[segDigits] = ':';
    Bdf.hex(out, segDigits + 1, bus, 2);
    return new String(out);
  }
}
