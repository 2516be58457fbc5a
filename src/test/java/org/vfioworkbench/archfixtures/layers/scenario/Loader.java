package org.vfioworkbench.archfixtures.layers.scenario;

import org.vfioworkbench.archfixtures.layers.host.fs.HostFs;

/** A scenario loader that reaches into the host's file system: a format must not. */
public final class Loader {
  public HostFs fs;
}
