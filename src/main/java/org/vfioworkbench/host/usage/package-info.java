/**
 * What a host is using its PCI functions for right now, read read-only from sysfs and procfs under
 * a root (a live host, a directory laid out like one, or a capture): a mounted filesystem or swap
 * on a block device below the function, a network interface that is up, the boot display. Feeds
 * {@link org.vfioworkbench.engine.plan.HostUse} for {@code plan}.
 */
package org.vfioworkbench.host.usage;
