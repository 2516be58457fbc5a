/**
 * The JNA binding for the VFIO and iommufd ioctls ({@link org.vfioworkbench.host.ioctl.VfioUapi}
 * numbers and layouts, {@link org.vfioworkbench.host.ioctl.VfioBinding} calls) and the probe that
 * opens a free device and compares the kernel's INFO with the engine's prediction. The only package
 * of the project that talks to native code, and the only code that ever calls into the kernel; it
 * does so only when the probe command asks, as root, for a device nobody uses.
 */
package org.vfioworkbench.host.ioctl;
