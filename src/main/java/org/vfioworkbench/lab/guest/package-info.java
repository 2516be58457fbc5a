/**
 * The kernel lab's guest side: the plan the host hands to the guest, the runner that carries it out
 * inside the QEMU guest (binding functions to vfio-pci, replaying the holders' opens and issuing
 * INFO and HOT_RESET for real, all through {@code host.ioctl.VfioBinding}) and the report it sends
 * back on the second serial port. Nothing here runs on the host's own devices: the runner refuses
 * to start outside a lab guest.
 */
package org.vfioworkbench.lab.guest;
