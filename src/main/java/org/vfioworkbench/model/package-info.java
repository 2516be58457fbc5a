/**
 * Immutable value types describing a host as VFIO sees it: PCI buses, slots and functions, IOMMU
 * groups, DMA contexts (containers and iommufd contexts) and the processes holding VFIO files.
 *
 * <p>Nothing here computes kernel behaviour; that is the engine's job. Nothing here depends on
 * JavaFX, JNA, Jackson or any other package of the project.
 */
package org.vfioworkbench.model;
