/** VFIO Workbench: see how Linux VFIO decides who may hot-reset a PCI device. */
package org.vfioworkbench;
