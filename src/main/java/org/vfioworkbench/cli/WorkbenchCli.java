package org.vfioworkbench.cli;

/** Placeholder replaced by the picocli command tree. */
public final class WorkbenchCli {
  private WorkbenchCli() {}

  public static int run(String[] args) {
    return 2;
  }
}
