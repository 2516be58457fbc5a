package org.vfioworkbench.lab;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import org.vfioworkbench.engine.Analysis;
import org.vfioworkbench.engine.Profile;
import org.vfioworkbench.engine.ResetVariant;
import org.vfioworkbench.model.FdRef;
import org.vfioworkbench.model.Topology;

/**
 * One scenario as the lab runs it: a topology, the profile the engine answers under, and the calls
 * to make.
 *
 * @param name what reports call it (a file name or a title)
 * @param topology the state to build in the guest
 * @param profile the engine profile to compare against
 * @param calls the calls, in order (opens are made last)
 */
public record LabCase(String name, Topology topology, Profile profile, List<LabCall> calls) {

  public LabCase {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(topology, "topology");
    Objects.requireNonNull(profile, "profile");
    calls = List.copyOf(new LinkedHashSet<>(calls));
  }

  /**
   * A case making {@code explicit} calls and then, for every device fd, INFO with a large buffer
   * and the reset its holder would naturally attempt.
   */
  public static LabCase withNaturalCalls(
      String name, Topology topology, Profile profile, List<LabCall> explicit) {
    List<LabCall> calls = new ArrayList<>(explicit);
    calls.addAll(naturalCalls(topology, profile));
    return new LabCase(name, topology, profile, calls);
  }

  /** INFO and the natural HOT_RESET on every device fd, as the engine builds them. */
  public static List<LabCall> naturalCalls(Topology topology, Profile profile) {
    Analysis a = Analysis.of(topology, profile);
    List<LabCall> out = new ArrayList<>();
    for (FdRef fd : a.deviceFds()) {
      out.add(new LabCall.Info(fd, OptionalLong.empty()));
      ResetVariant v = a.naturalReset(fd);
      out.add(
          new LabCall.Reset(
              fd, v.request().fds(), OptionalLong.empty(), 0, "natural: " + v.description()));
    }
    return out;
  }
}
