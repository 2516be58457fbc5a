package org.vfioworkbench.scenario;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.vfioworkbench.engine.Profile;
import org.vfioworkbench.model.Topology;

/**
 * The content of a scenario file.
 *
 * @param name a short title (may be empty)
 * @param description one paragraph (may be empty)
 * @param profile the kernel the holders' files were opened on, when the file names one
 * @param topology the host state
 * @param expectations results the scenario must produce
 */
public record Scenario(
    String name,
    String description,
    Optional<Profile> profile,
    Topology topology,
    List<Expectation> expectations) {

  public Scenario {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(topology, "topology");
    expectations = List.copyOf(expectations);
  }

  /** A scenario holding only a topology. */
  public static Scenario of(Topology topology) {
    return new Scenario("", "", Optional.empty(), topology, List.of());
  }

  /** The profile the file names, else the engine's default. */
  public Profile profileOrDefault() {
    return profile.orElse(Profile.DEFAULT);
  }

  public Scenario withTopology(Topology newTopology) {
    return new Scenario(name, description, profile, newTopology, expectations);
  }
}
