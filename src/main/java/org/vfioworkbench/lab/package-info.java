/**
 * The kernel lab: verifies the engine against a real Linux kernel. A scenario's PCI topology is
 * laid out as QEMU q35 devices ({@link org.vfioworkbench.lab.QemuMapper}), the lab kernel
 * (Debian's linux-source-6.12 with IOMMUFD, VFIO and a lab-only ACS quirk, built and cached by
 * {@code packaging/lab/build-kernel.sh}) boots with it, the guest runner replays the holders'
 * opens and calls for real, and {@link org.vfioworkbench.lab.LabComparison} compares every
 * answer with the engine's, field by field. Nothing here touches the host's own devices.
 */
package org.vfioworkbench.lab;
