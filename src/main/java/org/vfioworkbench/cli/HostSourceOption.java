package org.vfioworkbench.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.vfioworkbench.host.HostSources;
import org.vfioworkbench.host.fs.HostFs;
import picocli.CommandLine.Option;

/**
 * The {@code --root} option every host command shares: a root directory ({@code /} by default, or a
 * tree laid out like a host) or a capture file.
 */
public final class HostSourceOption {

  @Option(
      names = "--root",
      paramLabel = "DIR|CAPTURE",
      description = "Root directory to read (default: /) or a capture file.")
  Path root = Path.of("/");

  /** Opens the source; a bad capture file fails with its name and the problem. */
  public HostFs open() throws IOException {
    return HostSources.open(root);
  }

  public Path root() {
    return root;
  }
}
