/**
 * The small filesystem abstraction the host readers read through: a live host, a directory laid out
 * like one, and a capture file are the same code path.
 */
package org.vfioworkbench.host.fs;
