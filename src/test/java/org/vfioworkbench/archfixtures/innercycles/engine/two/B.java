package org.vfioworkbench.archfixtures.innercycles.engine.two;

import org.vfioworkbench.archfixtures.innercycles.engine.one.A;

/** The other half. */
public final class B {
  public A a;
}
