package org.vfioworkbench.ui.files;

import java.util.Objects;
import org.vfioworkbench.scenario.Scenario;
import org.vfioworkbench.scenario.ScenarioException;

/**
 * A scenario the workbench ships, listed in the Samples menu.
 *
 * @param name menu label
 * @param description one line shown as tooltip and in the status bar
 * @param source reads the scenario on demand
 */
public record Sample(String name, String description, Source source) {

  /** Reads a sample's scenario; bundled files can be broken, so this may fail. */
  public interface Source {
    Scenario read() throws ScenarioException;
  }

  public Sample {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(source, "source");
  }
}
