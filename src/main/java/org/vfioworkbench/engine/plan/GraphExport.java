package org.vfioworkbench.engine.plan;

import java.io.StringWriter;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jgrapht.Graph;
import org.jgrapht.Graphs;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.AttributeType;
import org.jgrapht.nio.DefaultAttribute;
import org.jgrapht.nio.dot.DOTExporter;
import org.jgrapht.nio.graphml.GraphMLExporter;

/**
 * Writes a {@link HostGraph} in formats other tools read, through JGraphT's I/O module: Graphviz
 * DOT, with every IOMMU group as a cluster holding its functions and every dev-set as a cluster
 * around its node (a function sits in its group's cluster; its dev-set edge shows the other
 * membership, since Graphviz clusters must nest and the two do not), and GraphML with the kind,
 * label, group and dev-set of every vertex and the kind of every edge as attributes.
 */
public final class GraphExport {

  /** The formats. */
  public enum Format {
    DOT,
    GRAPHML
  }

  private GraphExport() {}

  /** Writes {@code graph} in {@code format} to {@code out}. */
  public static void write(HostGraph graph, Format format, Writer out) {
    if (format == Format.DOT) {
      writeDot(graph, out);
    } else {
      writeGraphMl(graph, out);
    }
  }

  private static Map<String, Attribute> vertexAttributes(Node v) {
    Map<String, Attribute> a = new LinkedHashMap<>();
    a.put("label", DefaultAttribute.createAttribute(v.label()));
    a.put("kind", DefaultAttribute.createAttribute(kind(v)));
    a.put(
        "shape",
        DefaultAttribute.createAttribute(
            switch (kind(v)) {
              case "function" -> "box";
              case "group" -> "ellipse";
              case "devset" -> "hexagon";
              case "holder" -> "house";
              default -> "note";
            }));
    return a;
  }

  static String kind(Node v) {
    if (v instanceof Node.Function) {
      return "function";
    }
    if (v instanceof Node.Group) {
      return "group";
    }
    if (v instanceof Node.ResetDomain) {
      return "devset";
    }
    if (v instanceof Node.Process) {
      return "holder";
    }
    return "fd";
  }

  private static void writeDot(HostGraph host, Writer out) {
    Graph<Node, Link> graph = host.graph();
    DOTExporter<Node, Link> exporter = new DOTExporter<>(Node::id);
    exporter.setGraphIdProvider(() -> "vfio_host");
    exporter.setVertexAttributeProvider(GraphExport::vertexAttributes);
    exporter.setEdgeAttributeProvider(
        e ->
            Map.of(
                "label",
                DefaultAttribute.createAttribute(
                    e.kind().name().toLowerCase(java.util.Locale.ROOT))));
    StringWriter body = new StringWriter();
    exporter.exportGraph(graph, body);
    String dot = body.toString();
    int end = dot.lastIndexOf('}');
    StringBuilder s = new StringBuilder(dot.substring(0, end));
    Map<Integer, Node.Group> groups = new TreeMap<>();
    Map<String, Node.ResetDomain> domains = new TreeMap<>();
    for (Node v : graph.vertexSet()) {
      if (v instanceof Node.Group g) {
        groups.put(g.number(), g);
      } else if (v instanceof Node.ResetDomain d) {
        domains.put(d.id(), d);
      }
    }
    java.util.Set<Node> placed = new java.util.HashSet<>();
    for (Node.Group g : groups.values()) {
      s.append("  subgraph cluster_").append(g.id()).append(" {\n");
      s.append("    label=\"").append(g.label()).append("\";\n");
      s.append("    ").append(g.id()).append(";\n");
      for (Node n : members(graph, g)) {
        s.append("    ").append(n.id()).append(";\n");
        placed.add(n);
      }
      s.append("  }\n");
    }
    for (Node.ResetDomain d : domains.values()) {
      s.append("  subgraph cluster_").append(d.id()).append(" {\n");
      s.append("    label=\"").append(d.label().replace("\"", "'")).append("\";\n");
      s.append("    style=dashed;\n");
      s.append("    ").append(d.id()).append(";\n");
      for (Node n : members(graph, d)) {
        if (!placed.contains(n)) {
          s.append("    ").append(n.id()).append(";\n");
        }
      }
      s.append("  }\n");
    }
    s.append("}\n");
    try {
      out.write(s.toString());
      out.flush();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static List<Node> members(Graph<Node, Link> graph, Node of) {
    return Graphs.neighborListOf(graph, of).stream()
        .filter(n -> n instanceof Node.Function)
        .sorted(java.util.Comparator.comparing(Node::id))
        .toList();
  }

  private static void writeGraphMl(HostGraph host, Writer out) {
    GraphMLExporter<Node, Link> exporter = new GraphMLExporter<>(Node::id);
    exporter.registerAttribute(
        "label", GraphMLExporter.AttributeCategory.NODE, AttributeType.STRING);
    exporter.registerAttribute("kind", GraphMLExporter.AttributeCategory.ALL, AttributeType.STRING);
    exporter.registerAttribute(
        "group", GraphMLExporter.AttributeCategory.NODE, AttributeType.STRING);
    exporter.registerAttribute(
        "devset", GraphMLExporter.AttributeCategory.NODE, AttributeType.STRING);
    exporter.setVertexAttributeProvider(
        v -> {
          Map<String, Attribute> a = new LinkedHashMap<>();
          a.put("label", DefaultAttribute.createAttribute(v.label()));
          a.put("kind", DefaultAttribute.createAttribute(kind(v)));
          if (v instanceof Node.Function f) {
            host.topology()
                .function(f.bdf())
                .flatMap(
                    x ->
                        x.iommuGroup().isPresent()
                            ? java.util.Optional.of(x.iommuGroup().getAsInt())
                            : java.util.Optional.empty())
                .ifPresent(
                    g -> a.put("group", DefaultAttribute.createAttribute(String.valueOf(g))));
            host.resetDomain(f.bdf())
                .ifPresent(k -> a.put("devset", DefaultAttribute.createAttribute(k.toString())));
          }
          return a;
        });
    exporter.setEdgeAttributeProvider(
        e ->
            Map.of(
                "kind",
                DefaultAttribute.createAttribute(
                    e.kind().name().toLowerCase(java.util.Locale.ROOT))));
    exporter.exportGraph(host.graph(), out);
  }
}
