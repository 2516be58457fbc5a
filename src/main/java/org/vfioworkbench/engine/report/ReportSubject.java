package org.vfioworkbench.engine.report;

import java.util.Objects;
import org.vfioworkbench.engine.Profile;
import org.vfioworkbench.model.Topology;

/**
 * What a report is about.
 *
 * @param name the scenario's name, or "" when it has none
 * @param source where it came from: a file path, "untitled", a host
 * @param topology the state to evaluate
 * @param ownProfile the profile the scenario itself names (its kernel); under another profile the
 *     report lists the holders' files that kernel would refuse
 */
public record ReportSubject(String name, String source, Topology topology, Profile ownProfile) {

  public ReportSubject {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(topology, "topology");
    Objects.requireNonNull(ownProfile, "ownProfile");
  }

  /** The name, or the source when the scenario has none. */
  public String title() {
    return name.isEmpty() ? source : name;
  }
}
