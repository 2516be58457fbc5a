package org.vfioworkbench.archfixtures.callcycle.engine;

/** The facade that evaluates edits. */
public final class Analysis {
  public static Analysis of() {
    return new Analysis();
  }
}
