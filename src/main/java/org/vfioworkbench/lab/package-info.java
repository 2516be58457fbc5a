/**
 * The kernel lab: verifies the engine against a real Linux kernel. A scenario's PCI topology is
 * laid out as QEMU q35 devices ({@link org.vfioworkbench.lab.QemuMapper}), the lab kernel (Debian's
 * linux-source-6.12 with IOMMUFD, VFIO and a lab-only ACS quirk, built and cached by the build
 * script shipped in the jar, see {@link org.vfioworkbench.lab.LabScripts}) boots with it, the guest
 * runner replays the holders' opens and calls for real through the project's one binding, and
 * {@link org.vfioworkbench.lab.LabComparison} compares every answer with the engine's, field by
 * field. Host packages are installed only when asked ({@link org.vfioworkbench.lab.HostPackages});
 * a {@link org.vfioworkbench.lab.Cancellation} stops the kernel build and QEMU. Nothing here
 * touches the host's own devices. Depends on {@code host}, {@code engine}, {@code scenario} and
 * {@code model}; none of them depends on it.
 */
package org.vfioworkbench.lab;
