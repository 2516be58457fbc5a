package org.vfioworkbench.model;

import java.util.Comparator;

/** A PCI bus: segment (domain) and bus number, written {@code 0000:02}. */
public record BusAddress(int segment, int bus) implements Comparable<BusAddress> {

  private static final Comparator<BusAddress> ORDER =
      Comparator.comparingInt(BusAddress::segment).thenComparingInt(BusAddress::bus);

  public BusAddress {
    if (segment < 0 || segment > 0xffff) {
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
          Integer.parseInt(t.substring(0, colon), 16), Integer.parseInt(t.substring(colon + 1), 16));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "not a PCI bus address: '" + text + "' (expected the form 0000:02)", e);
    }
  }

  @Override
  public int compareTo(BusAddress other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return String.format("%04x:%02x", segment, bus);
  }
}
