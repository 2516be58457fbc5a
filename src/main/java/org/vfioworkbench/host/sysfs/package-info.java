/**
 * Readers for sysfs and {@code /dev/vfio}: PCI functions, buses, bridges and slots, IOMMU groups
 * and VFIO nodes, all through a {@link org.vfioworkbench.host.fs.HostFs}.
 */
package org.vfioworkbench.host.sysfs;
