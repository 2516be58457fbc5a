package org.vfioworkbench.archfixtures.layers.host.fs;

/** A host file system. */
public interface HostFs {}
