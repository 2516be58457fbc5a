package org.vfioworkbench.archfixtures.innercycles.engine.one;

import org.vfioworkbench.archfixtures.innercycles.engine.two.B;

/** One half of a cycle inside the engine. */
public final class A {
  public B b;
}
