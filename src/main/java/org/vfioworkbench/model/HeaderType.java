package org.vfioworkbench.model;

/** PCI configuration header type. vfio-pci only binds {@link #NORMAL} functions. */
public enum HeaderType {
  NORMAL,
  BRIDGE,
  CARDBUS
}
