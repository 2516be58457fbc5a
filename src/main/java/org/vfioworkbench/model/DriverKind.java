package org.vfioworkbench.model;

/** The classes of driver binding that matter to VFIO. */
public enum DriverKind {
  /** vfio-pci or a vfio-pci-core variant driver (mlx5_vfio_pci, ...): a dev-set member. */
  VFIO_PCI,
  /** A kernel driver that uses the DMA API (snd_hda_intel, i40e, nvidia, ...). */
  NATIVE,
  /** pci-stub: keeps the group viable ({@code driver_managed_dma}), not a dev-set member. */
  PCI_STUB,
  /** pcieport on a bridge: keeps the group viable ({@code driver_managed_dma}). */
  PCIEPORT,
  /** No driver bound. */
  NONE
}
