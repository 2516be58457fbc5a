package org.vfioworkbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExplainPlanExportCommandsTest {

  private static final String SEED = "sample-topologies/s19-seed-cdev-and-type1-group.json";
  private static final String NVME = "sample-topologies/s40-gpu-group-with-host-nvme.json";

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = WorkbenchCli.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void explainNamesTheBlockerTheQemuLineAndTheRemedy() {
    Run r = run("explain", SEED, "--device", "0000:02:00.0");
    assertEquals(ExitCodes.DIFFERS, r.code(), r.err());
    assertTrue(
        r.out()
            .contains(
                "QEMU would print: vfio: Cannot reset device 0000:02:00.0, depends"
                    + " on device 0000:02:00.1 which is not owned."),
        r.out());
    assertTrue(r.out().contains("1. move 0000:02:00.1 into iommufd A"), r.out());
  }

  @Test
  void explainJsonIsAPreflightAnswer() throws Exception {
    Run r = run("explain", SEED, "--json");
    assertEquals(ExitCodes.DIFFERS, r.code());
    JsonNode root = new ObjectMapper().readTree(r.out());
    assertEquals(false, root.get("allSucceed").asBoolean());
    assertEquals(2, root.get("explanations").size());
    JsonNode cdev = root.get("explanations").get(0);
    assertEquals(
        "move 0000:02:00.1 into iommufd A", cdev.get("remedies").get(0).get("title").asText());
    assertEquals(
        "qemu-legacy", cdev.get("blockers").get(0).get("holders").get(0).get("name").asText());
    assertEquals("iommufd", cdev.get("qemu").get("backend").asText());
  }

  @Test
  void explainOnAHealthySampleExitsZero() {
    Run r = run("explain", "sample-topologies/s16-cdev-shared-group-owned.json");
    assertEquals(ExitCodes.OK, r.code(), r.out() + r.err());
  }

  @Test
  void planReportsTheNvmeTakenFromTheHost() throws Exception {
    Run r = run("plan", NVME, "0000:01:00.0", "--json");
    assertEquals(ExitCodes.DIFFERS, r.code(), r.err());
    JsonNode root = new ObjectMapper().readTree(r.out());
    assertEquals("0000:02:00.0", root.get("takenFromHost").get(0).asText());
    assertEquals(
        "driverctl set-override 0000:02:00.0 vfio-pci", root.get("driverctl").get(0).asText());
  }

  @Test
  void planRefusesAnAddressNotInTheFile() {
    Run r = run("plan", NVME, "0000:7f:00.0");
    assertEquals(ExitCodes.BAD_INPUT, r.code());
    assertTrue(r.err().contains("0000:7f:00.0 is not among the functions"), r.err());
  }

  @Test
  void exportWritesDotAndGraphMl(@TempDir Path dir) throws Exception {
    Run dot = run("export", SEED, "--format", "dot");
    assertEquals(ExitCodes.OK, dot.code(), dot.err());
    assertTrue(dot.out().contains("subgraph cluster_group_20"), dot.out());
    Path out = dir.resolve("seed.graphml");
    Run gml = run("export", SEED, "--format", "graphml", "--output", out.toString());
    assertEquals(ExitCodes.OK, gml.code(), gml.err());
    assertTrue(Files.readString(out).contains("<graphml"));
    assertEquals(ExitCodes.BAD_INPUT, run("export", SEED, "--format", "svg").code());
  }

  @Test
  void evaluateShowsWhatQemuWouldPrint() {
    Run r = run("evaluate", SEED);
    assertTrue(
        r.out()
            .contains(
                "(legacy backend) would print: vfio: Cannot reset device"
                    + " 0000:02:00.1, depends on group 20 which is not owned."),
        r.out());
  }
}
