/**
 * What the kernel decides from a device's identity and release: the PCI fixups of {@code
 * drivers/pci/quirks.c} that change whether a slot or bus can be reset ({@link
 * org.vfioworkbench.engine.kernel.QuirkTable}), and kernel release numbers ({@link
 * org.vfioworkbench.engine.kernel.KernelRelease}). Every entry cites the kernel source it mirrors.
 */
package org.vfioworkbench.engine.kernel;
