package org.vfioworkbench.ui.files;

import java.util.Objects;
import java.util.function.Supplier;
import org.vfioworkbench.model.Topology;

/**
 * A topology the workbench ships, listed in the Samples menu.
 *
 * @param name menu label
 * @param description one line shown as tooltip and in the status bar
 * @param topology builds the topology on demand
 */
public record Sample(String name, String description, Supplier<Topology> topology) {

  public Sample {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(topology, "topology");
  }
}
