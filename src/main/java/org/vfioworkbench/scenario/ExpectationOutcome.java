package org.vfioworkbench.scenario;

import java.util.List;
import java.util.Objects;
import org.vfioworkbench.engine.Profile;

/**
 * How one expectation came out.
 *
 * @param index its position in the file's {@code expect} list
 * @param expectation the expectation
 * @param profile the profile it was evaluated under
 * @param ran what the call produced
 * @param mismatches the fields that differ; empty when it passed
 */
public record ExpectationOutcome(
    int index,
    Expectation expectation,
    Profile profile,
    CallRunner.Ran ran,
    List<Mismatch> mismatches) {

  public ExpectationOutcome {
    Objects.requireNonNull(expectation, "expectation");
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(ran, "ran");
    mismatches = List.copyOf(mismatches);
  }

  /** False when the call could not be made at all (see {@link CallRunner.NotRun}). */
  public boolean evaluated() {
    return !(ran instanceof CallRunner.NotRun);
  }

  public boolean passed() {
    return evaluated() && mismatches.isEmpty();
  }
}
