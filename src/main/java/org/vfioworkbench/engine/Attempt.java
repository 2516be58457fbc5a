package org.vfioworkbench.engine;

import java.util.List;
import java.util.Optional;
import org.vfioworkbench.model.Topology;

/**
 * The result of trying one or more kernel calls on a topology: the new topology, or the refusal
 * that stopped it (the topology is then unchanged), and the calls made, in order.
 */
public record Attempt(Optional<Topology> topology, Optional<Refusal> refusal, List<String> steps) {

  public Attempt {
    steps = List.copyOf(steps);
    if (topology.isPresent() == refusal.isPresent()) {
      throw new IllegalArgumentException("an attempt either succeeds or is refused");
    }
  }

  static Attempt done(Topology t, List<String> steps) {
    return new Attempt(Optional.of(t), Optional.empty(), steps);
  }

  static Attempt refused(Refusal r, List<String> steps) {
    return new Attempt(Optional.empty(), Optional.of(r), steps);
  }

  public boolean succeeded() {
    return topology.isPresent();
  }

  /** The new topology; throws when the attempt was refused. */
  public Topology orElseThrow() {
    return topology.orElseThrow(() -> new IllegalStateException(refusal.orElseThrow().toString()));
  }
}
