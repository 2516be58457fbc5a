/**
 * Readers for {@code /proc}: which processes hold VFIO containers, groups, cdevs, iommufds and
 * device fds, and how they become the model's holders, with what had to be inferred.
 */
package org.vfioworkbench.host.proc;
