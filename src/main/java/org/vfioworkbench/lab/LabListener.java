package org.vfioworkbench.lab;

/** Progress of a lab run, for the CLI and the workbench. */
@FunctionalInterface
public interface LabListener {

  /** One step done or started, in words. */
  void progress(String message);

  /** A listener that ignores everything. */
  LabListener SILENT = message -> {};
}
