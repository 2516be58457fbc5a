package org.vfioworkbench.host.usage;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.vfioworkbench.engine.plan.HostUse;
import org.vfioworkbench.model.Bdf;

/**
 * What a host uses its functions for, as read, and what could not be read.
 *
 * @param source where it was read ("live host /", "capture host.json")
 * @param uses per function, each use in words ("nvme0n1p2 (259:2) is mounted on /")
 * @param unknown what could not be read, in words: partial knowledge, never "not in use"
 */
public record HostUseFacts(String source, Map<Bdf, List<String>> uses, List<String> unknown) {

  public HostUseFacts {
    Objects.requireNonNull(source, "source");
    uses = Map.copyOf(uses);
    unknown = List.copyOf(unknown);
  }

  /** The facts as the planner takes them, with drivers and classes. */
  public HostUse toHostUse() {
    return HostUse.withFacts(uses, unknown);
  }
}
