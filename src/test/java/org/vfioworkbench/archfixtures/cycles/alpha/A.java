package org.vfioworkbench.archfixtures.cycles.alpha;

import org.vfioworkbench.archfixtures.cycles.beta.B;

/** One half of a cycle. */
public final class A {
  public B b;
}
