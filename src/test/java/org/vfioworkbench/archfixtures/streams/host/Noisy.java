package org.vfioworkbench.archfixtures.streams.host;

/** A host reader that prints. */
public final class Noisy {
  private Noisy() {}

  public static void warn(String s) {
    System.err.println(s);
  }
}
