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

  public static int mask(java.util.Set<InfoFlag> flags) {
    int m = 0;
    for (InfoFlag f : flags) {
      m |= f.bit;
    }
    return m;
  }
}
