package org.vfioworkbench.host.lab;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads a scenario file into the case the lab runs. The scenario format's loader plugs in here
 * ({@code org.vfioworkbench.scenario}); the lab itself knows only the model.
 */
@FunctionalInterface
public interface LabCaseLoader {

  /** The case for {@code file}; a clear message naming the file on bad input. */
  LabCase load(Path file) throws IOException;
}
