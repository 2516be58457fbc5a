/**
 * The programs that call the hot-reset ioctls, modelled from their source: QEMU's vfio-pci reset
 * ({@link org.vfioworkbench.engine.consumer.QemuReset}, both VFIO backends, the exact lines QEMU
 * prints, {@link org.vfioworkbench.engine.consumer.QemuMessages}) and libvirt's own reset of a
 * device it detached ({@link org.vfioworkbench.engine.consumer.LibvirtReset}). The kernel's answers
 * come from {@link org.vfioworkbench.engine.Analysis}; these classes only decide what the program
 * asks and what it prints. The releases modelled are named in {@link
 * org.vfioworkbench.engine.consumer.ConsumerRelease}.
 */
package org.vfioworkbench.engine.consumer;
