package org.vfioworkbench.archfixtures.exit.engine;

/** A library that ends the process. */
public final class Quitter {
  private Quitter() {}

  public static void quit() {
    System.exit(1);
  }
}
