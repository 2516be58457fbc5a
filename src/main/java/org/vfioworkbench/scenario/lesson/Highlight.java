package org.vfioworkbench.scenario.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.BusAddress;
import org.vfioworkbench.model.Topology;

/**
 * What a lesson step points at: elements of the topology and workbench views.
 *
 * @param functions PCI functions
 * @param groups IOMMU group ids
 * @param holders holder names
 * @param buses buses
 * @param views workbench view ids (see {@link #VIEWS})
 */
public record Highlight(
    List<Bdf> functions,
    List<Integer> groups,
    List<String> holders,
    List<BusAddress> buses,
    List<String> views) {

  /** The workbench views a step may name: the ids of the docked views. */
  public static final Set<String> VIEWS =
      Set.of("explorer", "graph", "properties", "info", "outcomes", "trace", "problems");

  public static final Highlight NONE =
      new Highlight(List.of(), List.of(), List.of(), List.of(), List.of());

  public Highlight {
    functions = List.copyOf(functions);
    groups = List.copyOf(groups);
    holders = List.copyOf(holders);
    buses = List.copyOf(buses);
    views = List.copyOf(views);
  }

  public boolean isEmpty() {
    return functions.isEmpty()
        && groups.isEmpty()
        && holders.isEmpty()
        && buses.isEmpty()
        && views.isEmpty();
  }

  /** The elements this highlight names that {@code topology} does not have, in words. */
  public List<String> missingIn(Topology topology) {
    Objects.requireNonNull(topology, "topology");
    List<String> out = new ArrayList<>();
    for (Bdf f : functions) {
      if (topology.function(f).isEmpty()) {
        out.add("function " + f);
      }
    }
    for (int g : groups) {
      if (topology.group(g).isEmpty()) {
        out.add("IOMMU group " + g);
      }
    }
    for (String h : holders) {
      if (topology.holder(h).isEmpty()) {
        out.add("holder " + h);
      }
    }
    for (BusAddress b : buses) {
      if (topology.buses().stream().noneMatch(x -> x.address().equals(b))) {
        out.add("bus " + b);
      }
    }
    for (String v : views) {
      if (!VIEWS.contains(v)) {
        out.add("view " + v);
      }
    }
    return out;
  }
}
