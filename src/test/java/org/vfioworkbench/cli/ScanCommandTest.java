package org.vfioworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Runs {@code scan} in-process on the fixture captures. */
class ScanCommandTest {

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  static String fixture(String name) {
    try {
      return Path.of(ScanCommandTest.class.getResource("/host/" + name + ".json").toURI())
          .toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private int run(String... args) {
    CommandLine cl = new CommandLine(new ScanCommand());
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
  }

  @Test
  void jsonShowsTopologyHoldersInferencesAndVerdicts() throws Exception {
    assertThat(run("--root", fixture("mixed-qemu"), "--json")).isZero();
    JsonNode j = new ObjectMapper().readTree(out.toString());
    assertThat(j.get("source").asText()).isEqualTo("capture mixed-qemu.json");
    assertThat(j.get("functions")).hasSize(6);
    JsonNode bus02 = null;
    for (JsonNode b : j.get("buses")) {
      if (b.get("bus").asText().equals("0000:02")) {
        bus02 = b;
      }
    }
    assertThat(bus02.get("bridge").asText()).isEqualTo("0000:00:1c.0");
    JsonNode cdevHolder = j.get("holders").get(1);
    assertThat(cdevHolder.get("name").asText()).isEqualTo("qemu-system-x86[5002]");
    assertThat(cdevHolder.get("uid").asInt()).isZero();
    JsonNode cdevFile = null;
    for (JsonNode f : cdevHolder.get("files")) {
      if (f.get("fd").asInt() == 19) {
        cdevFile = f;
      }
    }
    assertThat(cdevFile.get("kind").asText()).isEqualTo("cdev");
    assertThat(cdevFile.get("inferred").asBoolean()).isTrue();
    assertThat(cdevFile.get("inference").get("ambiguous").asBoolean()).isTrue();
    java.util.Map<Integer, Boolean> nodes = new java.util.TreeMap<>();
    for (JsonNode grp : j.get("groups")) {
      nodes.put(grp.get("id").asInt(), grp.get("nodePresent").asBoolean());
    }
    assertThat(nodes).containsValue(true).containsValue(false);
    JsonNode groupFile = j.get("holders").get(0).get("files").get(1);
    assertThat(groupFile.get("kind").asText()).isEqualTo("group");
    assertThat(groupFile.get("attachedTo").get("kind").asText()).isEqualTo("container");
    assertThat(groupFile.get("attachedTo").get("id").asText())
        .isEqualTo("qemu-system-x86[5001]:15");
    assertThat(j.get("verdicts")).hasSize(3);
    assertThat(j.get("verdicts").get(0).get("hotReset").get("ret").asText()).isEqualTo("-EINVAL");
    assertThat(j.get("verdicts").get(2).get("hotReset").get("ret").asText()).isEqualTo("0");
    assertThat(j.get("problems")).isEmpty();
  }

  @Test
  void textNamesTheTreeGroupsHoldersAndInferredFacts() {
    assertThat(run("--root", fixture("workstation"))).isZero();
    String s = out.toString();
    assertThat(s)
        .contains("9 PCI functions on 3 buses, 0 slots, 6 IOMMU groups, 1 holder; everything")
        .contains("bus 0000:01")
        .containsPattern(
            "0000:01:00.1  Audio device: .+ \\[10de:10f0\\]  driver: vfio-pci  group: 1")
        .contains("  group 1 (/dev/vfio/1): 0000:00:01.0 (pcieport), 0000:01:00.0 (vfio-pci)")
        .as("a group without a node is not named by one")
        .contains("  group 5: 0000:02:00.0 (igb)")
        .doesNotContain("/dev/vfio/5")
        .contains("fd 10  /dev/vfio/1 (container qemu-system-x86[4242]:9)  [inferred")
        .containsPattern("HOT_RESET \\([^)]*group 1\\): 0")
        .contains("Everything the scan looked for could be read.");
  }

  @Test
  void profileChangesTheVerdicts() {
    assertThat(run("--root", fixture("mixed-qemu"), "--profile", "linux-5.15")).isZero();
    assertThat(out.toString()).contains("linux-5.15");
    assertThat(run("--root", fixture("mixed-qemu"), "--profile", "linux-0.1")).isEqualTo(2);
    assertThat(err.toString()).contains("unknown profile 'linux-0.1'");
  }

  @Test
  void aBrokenCaptureIsAClearErrorNotAStackTrace() throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.json"), "{\"format\": \"something\"}");
    assertThat(run("--root", bad.toString())).isEqualTo(2);
    assertThat(err.toString())
        .contains("bad.json")
        .contains("not a VFIO Workbench capture")
        .doesNotContain("Exception");
    assertThat(run("--root", dir.resolve("none").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("neither a root directory nor a capture file");
  }

  @Test
  void progressGoesToStandardError() {
    assertThat(run("--root", fixture("noiommu-host"), "--progress", "--no-verdicts")).isZero();
    assertThat(err.toString()).contains("scan: 100% processes");
    assertThat(out.toString()).doesNotContain("Engine verdicts");
  }
}
