package org.vfioworkbench.ui.hostgraph;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vfioworkbench.engine.Analysis;
import org.vfioworkbench.engine.plan.GraphExport;
import org.vfioworkbench.scenario.Scenario;
import org.vfioworkbench.scenario.ScenarioLoader;

class HostGraphFilesTest {

  @TempDir Path dir;

  private static Analysis s19() throws Exception {
    Scenario s =
        ScenarioLoader.load(Path.of("sample-topologies/s19-seed-cdev-and-type1-group.json"));
    return Analysis.of(s.topology(), s.profileOrDefault());
  }

  @Test
  void dotHasAClusterPerGroupAndTheHoldersFds() throws Exception {
    Path out = dir.resolve("host.dot");
    HostGraphFiles.write(s19(), GraphExport.Format.DOT, out);
    String dot = Files.readString(out);
    assertThat(dot).startsWith("strict graph vfio_host {");
    assertThat(dot).contains("subgraph cluster_group_20", "subgraph cluster_group_21");
    assertThat(dot).contains("fd_qemu_cdev_4", "holder_qemu_legacy");
  }

  @Test
  void graphMlCarriesKindsAndGroups() throws Exception {
    Path out = dir.resolve("host.graphml");
    HostGraphFiles.write(s19(), GraphExport.Format.GRAPHML, out);
    String xml = Files.readString(out);
    assertThat(xml).contains("<graphml", "fn_0000_02_00_1", ">function<", ">in_group<");
    assertThat(HostGraphFiles.extension(GraphExport.Format.GRAPHML)).isEqualTo("graphml");
  }

  @Test
  void anExistingFileIsReplacedWhole() throws Exception {
    Path out = dir.resolve("host.dot");
    Files.writeString(out, "x".repeat(100_000));
    HostGraphFiles.write(s19(), GraphExport.Format.DOT, out);
    assertThat(Files.readString(out)).startsWith("strict graph").doesNotContain("xxxx");
  }
}
