package org.vfioworkbench.archfixtures.cycles.beta;

import org.vfioworkbench.archfixtures.cycles.alpha.A;

/** The other half. */
public final class B {
  public A a;
}
