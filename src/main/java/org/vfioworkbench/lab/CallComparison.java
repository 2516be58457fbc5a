package org.vfioworkbench.lab;

import java.util.List;

/**
 * The engine's and the kernel's answers to one call, and the fields where they differ.
 *
 * @param call the call in words
 * @param engine the engine's answer
 * @param kernel the kernel's answer, translated to scenario terms
 * @param differences one line per differing field; empty when they agree
 * @param micros how long the real call took in the guest
 */
public record CallComparison(
    String call, Answer engine, Answer kernel, List<String> differences, long micros) {

  public CallComparison {
    differences = List.copyOf(differences);
  }

  public boolean agrees() {
    return differences.isEmpty();
  }
}
