/**
 * Planning an assignment on one JGraphT graph of the host: {@link
 * org.vfioworkbench.engine.plan.HostGraph} holds functions, IOMMU groups, dev-sets, holders and
 * their fds as vertices; {@link org.vfioworkbench.engine.plan.Planner} asks it which functions a
 * passthrough drags along (connected components joined by shared group and shared dev-set), which
 * of those the host uses, and writes the lines that would apply it (driverctl or sysfs binds, QEMU
 * arguments for both backends, libvirt {@code <hostdev>}). Nothing is applied. {@link
 * org.vfioworkbench.engine.plan.GraphExport} writes the graph as Graphviz DOT or GraphML.
 */
package org.vfioworkbench.engine.plan;
