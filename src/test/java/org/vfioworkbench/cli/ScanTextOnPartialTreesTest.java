package org.vfioworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scan} on a tree copied from a real machine that lacks parts: a function behind a bridge
 * the tree does not list, a domain above {@code ffff}, no IOMMU groups. The text tree and the JSON
 * show every function, and the notes say what was missing.
 */
class ScanTextOnPartialTreesTest {

  @TempDir Path root;

  private void function(String dir, String bdf, String cls, boolean listed) throws IOException {
    Path d = root.resolve("sys/devices/" + dir);
    Files.createDirectories(d);
    Files.writeString(d.resolve("class"), cls + "\n");
    Files.writeString(d.resolve("vendor"), "0x8086\n");
    Files.writeString(d.resolve("device"), "0x37d2\n");
    if (listed) {
      Path link = root.resolve("sys/bus/pci/devices/" + bdf);
      Files.createDirectories(link.getParent());
      Files.createSymbolicLink(link, link.getParent().relativize(d));
    }
  }

  private void tree() throws IOException {
    Files.createDirectories(root.resolve("proc"));
    function("pci0000:5d/0000:5d:02.0", "0000:5d:02.0", "0x060400", true);
    function(
        "pci0000:5d/0000:5d:02.0/0000:5e:00.0/0000:5f:03.0", "0000:5f:03.0", "0x060400", false);
    function("pci0000:5d/0000:5d:02.0/0000:5e:00.0", "0000:5e:00.0", "0x060400", true);
    function(
        "pci0000:5d/0000:5d:02.0/0000:5e:00.0/0000:5f:03.0/0000:60:00.0",
        "0000:60:00.0",
        "0x020000",
        true);
    function("pci10000:00/10000:00:04.0", "10000:00:04.0", "0x020000", true);
  }

  @Test
  void textShowsEveryFunctionAndSaysWhatWasMissing() throws IOException {
    tree();

    CliRun r = CliRun.of("scan", "--root", root.toString(), "--no-verdicts");

    assertThat(r.exit()).as(r.err()).isZero();
    String tree = r.out().substring(r.out().indexOf("PCI:"), r.out().indexOf("Holders"));
    assertThat(tree)
        .contains("0000:5e:00.0  ")
        .contains("0000:60:00.0  ")
        .contains("10000:00:04.0  ")
        .contains("bus 10000:00");
    assertThat(tree.indexOf("0000:60:00.0")).isGreaterThan(tree.indexOf("0000:5e:00.0"));
    assertThat(r.out())
        .containsPattern("everything could be read, \\d+ notes on facts inferred")
        .contains(
            "bridge 0000:5f:03.0 on the sysfs path of 0000:60:00.0 is not in "
                + "/sys/bus/pci/devices")
        .contains("/sys/kernel/iommu_groups is not in directory")
        .contains("no function has a reset_method attribute")
        .doesNotContain("bridge 0000:5d:02.0: secondary bus unknown");
  }

  @Test
  void jsonCarriesTheNotesNamesAndAnUnknownResetMethod() throws IOException {
    tree();

    JsonNode j = CliRun.of("scan", "--root", root.toString(), "--no-verdicts", "--json").json();

    assertThat(j.get("functions")).hasSize(4);
    JsonNode nic = null;
    for (JsonNode f : j.get("functions")) {
      if (f.get("bdf").asText().equals("10000:00:04.0")) {
        nic = f;
      }
    }
    assertThat(nic).isNotNull();
    assertThat(nic.get("resetMethods").isNull()).isTrue();
    assertThat(nic.get("names").get("class").asText()).isNotEmpty();
    assertThat(nic.get("names").get("device").asText()).isNotEmpty();
    assertThat(j.get("buses").toString())
        .contains("\"bus\":\"0000:60\",\"bridge\":\"0000:5e:00.0\"");
    assertThat(j.get("notes").toString()).contains("0000:5f:03.0");
  }
}
