package org.vfioworkbench.engine;

/** Output flags of {@code VFIO_DEVICE_GET_PCI_HOT_RESET_INFO}. */
public enum InfoFlag {
  /** {@code VFIO_PCI_HOT_RESET_FLAG_DEV_ID}: entries carry devids, not group ids. */
  DEV_ID(0x1),
  /** {@code VFIO_PCI_HOT_RESET_FLAG_DEV_ID_OWNED}: the kernel can infer ownership of them all. */
  DEV_ID_OWNED(0x2);

  private final int bit;

  InfoFlag(int bit) {
    this.bit = bit;
  }

  public int bit() {
    return bit;
  }

  /** The flags set in a flags word. */
  public static java.util.Set<InfoFlag> of(int mask) {
    java.util.Set<InfoFlag> out = java.util.EnumSet.noneOf(InfoFlag.class);
    for (InfoFlag f : values()) {
      if ((mask & f.bit) != 0) {
        out.add(f);
      }
    }
    return out;
  }

  /** "DEV_ID|DEV_ID_OWNED" in bit order, or "0" for none: how traces and checks name flags. */
  public static String names(java.util.Set<InfoFlag> flags) {
    return names(flags, "0");
  }

  /** As {@link #names(java.util.Set)}, with {@code none} for the empty set. */
  public static String names(java.util.Set<InfoFlag> flags, String none) {
    java.util.List<String> names = new java.util.ArrayList<>();
    for (InfoFlag f : values()) {
      if (flags.contains(f)) {
        names.add(f.name());
      }
    }
    return names.isEmpty() ? none : String.join("|", names);
  }

  public static int mask(java.util.Set<InfoFlag> flags) {
    int m = 0;
    for (InfoFlag f : flags) {
      m |= f.bit;
    }
    return m;
  }
}
