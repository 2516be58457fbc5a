package org.vfioworkbench.engine;

/** How one kernel check came out. */
public enum Verdict {
  /** The check passed and evaluation went on. */
  PASS,
  /** A fact the kernel looked up or decided on the way (a mode, a count, a reported id). */
  NOTE,
  /** The check failed; this step decided the result. */
  FAIL,
  /** The last step of a successful call. */
  SUCCESS
}
