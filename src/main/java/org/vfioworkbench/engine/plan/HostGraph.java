package org.vfioworkbench.engine.plan;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jgrapht.Graph;
import org.jgrapht.Graphs;
import org.jgrapht.graph.AsUnmodifiableGraph;
import org.jgrapht.graph.DefaultUndirectedGraph;
import org.jgrapht.graph.MaskSubgraph;
import org.jgrapht.traverse.BreadthFirstIterator;
import org.vfioworkbench.engine.Analysis;
import org.vfioworkbench.engine.DevSet;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.Driver;
import org.vfioworkbench.model.FdRef;
import org.vfioworkbench.model.GroupFile;
import org.vfioworkbench.model.Holder;
import org.vfioworkbench.model.OpenFile;
import org.vfioworkbench.model.PciFunction;
import org.vfioworkbench.model.Topology;

/**
 * The host as one JGraphT graph: every function, IOMMU group, reset domain (dev-set), process and
 * open fd is a vertex; membership, holding and opening are edges, each with its {@link Link.Kind}.
 * Assignment questions are graph questions: the functions a passthrough drags along are the
 * connected components, restricted to functions, groups and reset domains, that contain the
 * functions asked for. The restrictions are {@link MaskSubgraph} views of the one graph that keep
 * only the edges of some kinds, and each question is one breadth-first search from the functions
 * asked for, so only their components are visited.
 *
 * <p>A function's reset domain is its dev-set, or, for a function not on vfio-pci, the dev-set it
 * would join once bound (found by analysing the host with every endpoint on vfio-pci: the key
 * depends on the bus, the slot and the reset probes, not on the driver). That second analysis is
 * made only when some endpoint is not on vfio-pci.
 */
public final class HostGraph {

  private static final Set<Link.Kind> GROUPS = EnumSet.of(Link.Kind.IN_GROUP);
  private static final Set<Link.Kind> RESETS = EnumSet.of(Link.Kind.IN_RESET_DOMAIN);
  private static final Set<Link.Kind> EITHER =
      EnumSet.of(Link.Kind.IN_GROUP, Link.Kind.IN_RESET_DOMAIN);

  private final Topology topology;
  private final Graph<Node, Link> graph;
  private final Map<Bdf, Node.Function> functions = new HashMap<>();
  private final Map<Bdf, DevSet.Key> domains = new HashMap<>();
  private final Graph<Node, Link> byGroup;
  private final Graph<Node, Link> byDomain;
  private final Graph<Node, Link> byEither;

  private HostGraph(Analysis analysis) {
    this.topology = analysis.topology();
    this.graph = new DefaultUndirectedGraph<>(Link.class);
    Analysis allBound = null;
    for (PciFunction f : topology.functions()) {
      Node.Function v = new Node.Function(f.bdf(), f.description());
      functions.put(f.bdf(), v);
      graph.addVertex(v);
      f.iommuGroup().ifPresent(g -> link(v, new Node.Group(g), Link.Kind.IN_GROUP));
      Optional<DevSet> set = analysis.devSet(f.bdf());
      if (set.isEmpty() && !f.isBridge() && !f.driver().isVfio()) {
        if (allBound == null) {
          allBound = Analysis.of(everyEndpointOnVfio(topology), analysis.profile());
        }
        set = allBound.devSet(f.bdf());
      }
      set.ifPresent(
          s -> {
            domains.put(f.bdf(), s.key());
            link(v, new Node.ResetDomain(s.key()), Link.Kind.IN_RESET_DOMAIN);
          });
    }
    for (Holder h : topology.holders()) {
      Node.Process p = new Node.Process(h.name(), h.pid());
      graph.addVertex(p);
      for (OpenFile file : h.files()) {
        Node.Fd fd = new Node.Fd(new FdRef(h.name(), file.fd()), file.describe());
        link(p, fd, Link.Kind.HOLDS);
        file.openedDevice()
            .map(functions::get)
            .ifPresent(fn -> link(fd, fn, Link.Kind.OPENS_DEVICE));
        if (file instanceof GroupFile g) {
          link(fd, new Node.Group(g.group()), Link.Kind.OPENS_GROUP);
        }
      }
    }
    byGroup = only(GROUPS);
    byDomain = only(RESETS);
    byEither = only(EITHER);
  }

  /** Builds the graph of {@code analysis}'s topology. */
  public static HostGraph of(Analysis analysis) {
    return new HostGraph(analysis);
  }

  private void link(Node a, Node b, Link.Kind kind) {
    graph.addVertex(a);
    graph.addVertex(b);
    graph.addEdge(a, b, new Link(kind));
  }

  /** A view of the graph with the edges of {@code kinds} only (no copy). */
  private Graph<Node, Link> only(Set<Link.Kind> kinds) {
    return new MaskSubgraph<>(graph, v -> false, e -> !kinds.contains(e.kind()));
  }

  private static Topology everyEndpointOnVfio(Topology t) {
    return t.withFunctions(
        t.functions().stream()
            .map(f -> f.isBridge() || f.driver().isVfio() ? f : f.withDriver(Driver.VFIO_PCI))
            .toList());
  }

  /** The graph, read-only. */
  public Graph<Node, Link> graph() {
    return new AsUnmodifiableGraph<>(graph);
  }

  public Topology topology() {
    return topology;
  }

  /** The reset domain (dev-set key) of a function, when it has or would have one. */
  public Optional<DevSet.Key> resetDomain(Bdf bdf) {
    return Optional.ofNullable(domains.get(bdf));
  }

  /** The vertex of a function. */
  public Optional<Node.Function> function(Bdf bdf) {
    return Optional.ofNullable(functions.get(bdf));
  }

  /** Functions joined to {@code wanted} by shared IOMMU groups: what viability drags along. */
  public Set<Bdf> groupClosure(Collection<Bdf> wanted) {
    return closure(byGroup, wanted);
  }

  /** Functions joined to {@code wanted} by shared reset domains: what a reset takes along. */
  public Set<Bdf> resetClosure(Collection<Bdf> wanted) {
    return closure(byDomain, wanted);
  }

  /** Functions joined to {@code wanted} by shared groups and shared reset domains, transitively. */
  public Set<Bdf> closure(Collection<Bdf> wanted) {
    return closure(byEither, wanted);
  }

  /** The processes that hold a function: through a device fd, a cdev, or its group file. */
  public List<String> holdersOf(Bdf bdf) {
    Set<String> out = new LinkedHashSet<>();
    Node.Function fn = functions.get(bdf);
    if (fn == null) {
      return List.of();
    }
    for (Node n : Graphs.neighborListOf(graph, fn)) {
      if (n instanceof Node.Fd fd) {
        out.add(fd.ref().holder());
      }
      if (n instanceof Node.Group g) {
        for (Node m : Graphs.neighborListOf(graph, g)) {
          if (m instanceof Node.Fd fd) {
            out.add(fd.ref().holder());
          }
        }
      }
    }
    return List.copyOf(out);
  }

  /** The functions in the components of {@code view} that hold {@code wanted}: one search. */
  private Set<Bdf> closure(Graph<Node, Link> view, Collection<Bdf> wanted) {
    List<Node> start = new ArrayList<>();
    for (Bdf b : wanted) {
      Node.Function v = functions.get(b);
      if (v == null) {
        throw new IllegalArgumentException(b + " is not a function of this host");
      }
      start.add(v);
    }
    Set<Bdf> out = new TreeSet<>();
    BreadthFirstIterator<Node, Link> it = new BreadthFirstIterator<>(view, start);
    while (it.hasNext()) {
      if (it.next() instanceof Node.Function f) {
        out.add(f.bdf());
      }
    }
    return out;
  }
}
