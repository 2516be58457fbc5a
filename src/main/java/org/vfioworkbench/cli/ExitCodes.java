package org.vfioworkbench.cli;

/** The command line's exit codes. */
public final class ExitCodes {

  /** Everything ran; every expectation held; no difference found. */
  public static final int OK = 0;

  /** An expectation or a comparison differs. */
  public static final int DIFFERS = 1;

  /** Bad input: a bad file, option or reference. */
  public static final int BAD_INPUT = 2;

  /** A bug in the workbench. */
  public static final int INTERNAL = 3;

  private ExitCodes() {}
}
