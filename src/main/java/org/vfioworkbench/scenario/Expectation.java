package org.vfioworkbench.scenario;

import java.util.Objects;
import java.util.Optional;
import org.vfioworkbench.engine.Profile;

/**
 * A call a scenario makes and the result it must produce, written by hand from the reference.
 *
 * @param row the reference table row it checks ("S19"), if it names one
 * @param about what it shows, in words (may be empty)
 * @param profile evaluate under this profile instead of the scenario's
 * @param call the call
 * @param result the fields the result must have
 */
public record Expectation(
    Optional<String> row,
    String about,
    Optional<Profile> profile,
    ExpectedCall call,
    ExpectedResult result) {

  public Expectation {
    Objects.requireNonNull(row, "row");
    Objects.requireNonNull(about, "about");
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(call, "call");
    Objects.requireNonNull(result, "result");
  }

  /** "S19 INFO on 0000:02:00.0" and the like, for reports. */
  public String label() {
    return row.map(r -> r + " ").orElse("")
        + call.describe()
        + profile.map(p -> " [" + p.id() + "]").orElse("");
  }
}
