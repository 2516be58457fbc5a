/**
 * Reading a real host: {@link org.vfioworkbench.host.HostScanner} turns sysfs, {@code /dev/vfio}
 * and {@code /proc} (live, a directory tree, or a capture) into a model topology plus what could
 * not be read and which ownership facts were inferred; {@link org.vfioworkbench.host.ScanDiff}
 * compares two scans. Sub-packages: {@code fs} (the filesystem abstraction), {@code capture},
 * {@code sysfs}, {@code proc}, {@code ioctl} (the JNA binding). Read-only throughout, except the
 * ioctl probe, which needs root and an explicit request.
 */
package org.vfioworkbench.host;
