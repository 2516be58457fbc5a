package org.vfioworkbench.engine.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DefaultUndirectedGraph;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.graphml.GraphMLImporter;
import org.junit.jupiter.api.Test;
import org.vfioworkbench.engine.Analysis;
import org.vfioworkbench.scenario.Scenario;
import org.vfioworkbench.scenario.ScenarioLoader;

class GraphExportTest {

  private static HostGraph seed() throws Exception {
    Scenario s =
        ScenarioLoader.load(Path.of("sample-topologies", "s19-seed-cdev-and-type1-group.json"));
    return HostGraph.of(Analysis.of(s.topology(), s.profileOrDefault()));
  }

  @Test
  void dotHasAClusterPerGroupAndDevSet() throws Exception {
    StringWriter w = new StringWriter();
    GraphExport.write(seed(), GraphExport.Format.DOT, w);
    String dot = w.toString();
    assertTrue(
        dot.startsWith("strict graph vfio_host {") || dot.startsWith("graph vfio_host {"), dot);
    assertTrue(dot.contains("subgraph cluster_group_20 {"));
    assertTrue(dot.contains("subgraph cluster_group_21 {"));
    assertTrue(dot.contains("subgraph cluster_devset_bus_0000_02 {"), dot);
    assertTrue(dot.contains("fn_0000_02_00_0 [ label=\"0000:02:00.0 GPU\""), dot);
    assertTrue(dot.trim().endsWith("}"));
  }

  @Test
  void graphMlReadsBackWithTheSameVerticesAndEdges() throws Exception {
    HostGraph host = seed();
    StringWriter w = new StringWriter();
    GraphExport.write(host, GraphExport.Format.GRAPHML, w);
    Graph<String, DefaultEdge> back = new DefaultUndirectedGraph<>(null, DefaultEdge::new, false);
    GraphMLImporter<String, DefaultEdge> importer = new GraphMLImporter<>();
    importer.setVertexFactory(id -> id);
    Map<String, Map<String, Attribute>> attrs = new HashMap<>();
    importer.addVertexAttributeConsumer(
        (p, a) -> attrs.computeIfAbsent(p.getFirst(), k -> new HashMap<>()).put(p.getSecond(), a));
    importer.importGraph(back, new StringReader(w.toString()));
    assertEquals(host.graph().vertexSet().size(), back.vertexSet().size());
    assertEquals(host.graph().edgeSet().size(), back.edgeSet().size());
    assertEquals("20", attrs.get("fn_0000_02_00_0").get("group").getValue());
    assertEquals("bus 0000:02", attrs.get("fn_0000_02_00_0").get("devset").getValue());
    assertEquals("holder", attrs.get("holder_qemu_cdev").get("kind").getValue());
  }
}
