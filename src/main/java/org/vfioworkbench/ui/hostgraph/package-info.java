/**
 * File › Export graph as DOT… / GraphML…: the host graph of the open document ({@link
 * org.vfioworkbench.engine.plan.HostGraph}: functions, IOMMU groups, dev-sets, holders and fds)
 * written through JGraphT's I/O module for Graphviz and other graph tools.
 */
package org.vfioworkbench.ui.hostgraph;
