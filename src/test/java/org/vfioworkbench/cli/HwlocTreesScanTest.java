package org.vfioworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vfioworkbench.host.HostScanner;
import org.vfioworkbench.host.HwlocTrees;
import org.vfioworkbench.host.PciNames;
import org.vfioworkbench.host.ScanResult;
import org.vfioworkbench.host.fs.LiveFs;
import org.vfioworkbench.host.sysfs.PciIds;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.BusAddress;
import org.vfioworkbench.model.PciBus;
import org.vfioworkbench.model.PciFunction;
import org.vfioworkbench.model.Topology;

/**
 * Real machines' sysfs trees (the hwloc project's test data, {@code tests/hwloc/linux/*.tar.bz2})
 * against what lspci shows of them: the scan must find the same functions and hang each one below
 * the same bridge (or on a root bus), and the text tree and the JSON must show every function.
 *
 * <p>The trees are not part of this repository: they are read from the directory named by the
 * system property {@code vfio.wb.hwloc.trees} or the environment variable {@code
 * VFIO_WB_HWLOC_TREES} (default {@code ~/.cache/vfio-workbench/hwloc-trees}), which {@code
 * .ci/hwloc-trees.sh} fills from Debian's hwloc source package. A tree that is not there is skipped
 * with the reason. lspci's figures for each tree are in {@code
 * src/test/resources/host/hwloc-lspci/NAME.txt}.
 */
class HwlocTreesScanTest {

  static Stream<String> trees() throws IOException, URISyntaxException {
    return HwlocTrees.names();
  }

  /** lspci's figures: each function's parent bridge ("root" for none), and bridges' buses. */
  record Expected(int count, Map<Bdf, String> parents, Map<BusAddress, Bdf> secondaries) {

    static Expected read(String name) throws IOException, URISyntaxException {
      Path p =
          Path.of(
              HwlocTreesScanTest.class.getResource("/host/hwloc-lspci/" + name + ".txt").toURI());
      int count = -1;
      Map<Bdf, String> parents = new LinkedHashMap<>();
      Map<BusAddress, Bdf> buses = new TreeMap<>();
      for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
        String[] w = line.trim().split("\\s+");
        switch (w[0]) {
          case "functions" -> count = Integer.parseInt(w[1]);
          case "fn" -> parents.put(Bdf.parse(w[1]), w[2]);
          case "bus" -> buses.put(BusAddress.parse(w[1]), Bdf.parse(w[2]));
          default -> {
            if (!line.startsWith("#") && !line.isBlank()) {
              throw new IllegalStateException(p + ": unknown line: " + line);
            }
          }
        }
      }
      return new Expected(count, parents, buses);
    }
  }

  private static Path extracted(String name) throws Exception {
    return HwlocTrees.extracted(name);
  }

  private static String parentOf(Topology t, PciFunction f) {
    BusAddress bus = f.bdf().busAddress();
    PciBus b =
        t.buses().stream()
            .filter(x -> x.address().equals(bus))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no bus " + bus + " for " + f.bdf()));
    return b.bridge().map(Bdf::toString).orElse("root");
  }

  @ParameterizedTest
  @MethodSource("trees")
  void scanAgreesWithLspciOnFunctionsAndTheirParents(String name) throws Exception {
    Expected lspci = Expected.read(name);
    Path root = extracted(name);

    ScanResult scan = new HostScanner(new LiveFs(root)).scan();
    Topology t = scan.topology();

    assertThat(lspci.parents()).hasSize(lspci.count());
    assertThat(t.functions()).hasSize(lspci.count());
    assertThat(t.functions())
        .extracting(PciFunction::bdf)
        .containsExactlyInAnyOrderElementsOf(lspci.parents().keySet());
    Map<Bdf, String> parents = new LinkedHashMap<>();
    t.functions().forEach(f -> parents.put(f.bdf(), parentOf(t, f)));
    assertThat(parents).containsExactlyInAnyOrderEntriesOf(lspci.parents());
    for (Map.Entry<BusAddress, Bdf> e : lspci.secondaries().entrySet()) {
      assertThat(t.buses())
          .as("secondary bus of %s", e.getValue())
          .contains(PciBus.below(e.getKey(), e.getValue()));
    }
  }

  @ParameterizedTest
  @MethodSource("trees")
  void textTreeAndJsonShowEveryFunction(String name) throws Exception {
    Expected lspci = Expected.read(name);
    Path root = extracted(name);

    CliRun text = CliRun.of("scan", "--root", root.toString(), "--no-verdicts");
    CliRun json = CliRun.of("scan", "--root", root.toString(), "--no-verdicts", "--json");

    assertThat(text.exit()).as(text.err()).isZero();
    String tree = text.out().substring(text.out().indexOf("PCI:"), text.out().indexOf("Holders"));
    List<String> missing = new ArrayList<>();
    for (Bdf b : lspci.parents().keySet()) {
      if (!tree.contains(b + "  ")) {
        missing.add(b.toString());
      }
    }
    assertThat(missing).as("functions missing from the text tree").isEmpty();
    assertThat(text.out()).doesNotContain("no IOMMU group support\n");
    List<String> jsonBdfs = new ArrayList<>();
    for (JsonNode f : json.json().get("functions")) {
      jsonBdfs.add(f.get("bdf").asText());
    }
    assertThat(jsonBdfs)
        .containsExactlyInAnyOrderElementsOf(
            lspci.parents().keySet().stream().map(Bdf::toString).toList());
    assertThat(json.json().get("notes")).isNotEmpty();
  }

  @ParameterizedTest
  @MethodSource("trees")
  void namesEqualWhatLspciMmPrints(String name) throws Exception {
    assumeTrue(
        PciIds.SYSTEM_COPIES.stream().anyMatch(p -> Files.isReadable(Path.of(p))),
        "no system pci.ids for lspci to read");
    Path root = extracted(name);
    Process p;
    try {
      p =
          new ProcessBuilder(
                  "lspci",
                  "-mm",
                  "-D",
                  "-A",
                  "linux-sysfs",
                  "-O",
                  "sysfs.path=" + root.resolve("sys/bus/pci"))
              .redirectErrorStream(true)
              .start();
    } catch (IOException e) {
      assumeTrue(false, "lspci is not installed (apt-get install pciutils)");
      return;
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(1, TimeUnit.MINUTES)).isTrue();

    ScanResult scan = new HostScanner(new LiveFs(root)).scan();

    List<String> differ = new ArrayList<>();
    for (String line : out.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      List<String> lspci = new ArrayList<>();
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"([^\"]*)\"").matcher(line);
      while (m.find()) {
        lspci.add(m.group(1));
      }
      Bdf bdf = Bdf.parse(line.substring(0, line.indexOf(' ')));
      PciNames n = scan.functions().get(bdf).names();
      List<String> ours =
          List.of(n.className(), n.vendor(), n.device(), n.subsystemVendor(), n.subsystem());
      if (!ours.equals(lspci)) {
        differ.add(bdf + ": lspci " + lspci + ", scan " + ours);
      }
    }
    assertThat(differ).isEmpty();
  }
}
