package org.vfioworkbench.host;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.vfioworkbench.engine.diagnostics.Diagnostic;
import org.vfioworkbench.engine.diagnostics.Subject;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.IommuGroup;
import org.vfioworkbench.model.Topology;

/**
 * What one scan of a host found.
 *
 * @param source what was read ("live host /", "capture server.json")
 * @param topology the host as the engine sees it
 * @param problems what could not be read, and where
 * @param holders per-holder provenance: process details and inferred facts
 * @param functions per-function facts the model does not hold, by address
 * @param vfioNodes the names under {@code /dev/vfio} and {@code /dev/vfio/devices}
 * @param notes host-wide inferences ("slot 3: reset support inferred from pciehp")
 * @param unreadableProcesses pids whose open files could not all be read: any of them may hold a
 *     VFIO file the scan does not show
 */
public record ScanResult(
    String source,
    Topology topology,
    List<ScanProblem> problems,
    List<HolderProvenance> holders,
    Map<Bdf, HostFunctionFacts> functions,
    List<String> vfioNodes,
    List<String> notes,
    List<Integer> unreadableProcesses) {

  /** A scan in which every process's open files could be read. */
  public ScanResult(
      String source,
      Topology topology,
      List<ScanProblem> problems,
      List<HolderProvenance> holders,
      Map<Bdf, HostFunctionFacts> functions,
      List<String> vfioNodes,
      List<String> notes) {
    this(source, topology, problems, holders, functions, vfioNodes, notes, List.of());
  }

  public ScanResult {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(topology, "topology");
    problems = List.copyOf(problems);
    holders = List.copyOf(holders);
    functions = Map.copyOf(functions);
    vfioNodes = List.copyOf(vfioNodes);
    notes = List.copyOf(notes);
    unreadableProcesses = List.copyOf(unreadableProcesses);
  }

  /**
   * Whether the scan found {@code group}'s node ({@code /dev/vfio/N} or {@code noiommu-N}): it
   * exists only while a vfio driver has a member of the group bound.
   */
  public boolean hasNode(IommuGroup group) {
    return vfioNodes.contains(group.devicePath());
  }

  public Optional<HolderProvenance> provenance(String holder) {
    return holders.stream().filter(h -> h.holder().equals(holder)).findFirst();
  }

  /**
   * What this scan could not read and what it inferred or found missing, as diagnostics the
   * Problems view and the CLI show next to the engine's.
   */
  public List<Diagnostic> diagnostics() {
    List<Diagnostic> out = new ArrayList<>();
    for (ScanProblem p : problems) {
      out.add(
          Diagnostic.of(
              Diagnostic.Kind.HOST_UNREADABLE,
              p.what() + ": " + p.error(),
              new Subject.HostPath(p.path())));
    }
    for (String note : notes) {
      out.add(Diagnostic.of(Diagnostic.Kind.HOST_FACT_INFERRED, note, new Subject.HostPath("")));
    }
    return out;
  }
}
