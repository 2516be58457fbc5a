package org.vfioworkbench.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vfioworkbench.host.fs.LiveFs;
import org.vfioworkbench.host.sysfs.PciIds;
import org.vfioworkbench.model.Bdf;

/**
 * The scan names functions exactly as {@code lspci -mm} does on the same tree, from the same {@code
 * pci.ids}: class, vendor, device, subsystem vendor and subsystem, known and unknown ids alike.
 * Skipped, with the reason, where lspci or the system's pci.ids is missing.
 */
class PciNamesMatchLspciTest {

  @TempDir Path root;

  private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");

  @Test
  void namesEqualWhatLspciPrints() throws Exception {
    assumeTrue(
        PciIds.SYSTEM_COPIES.stream().anyMatch(p -> Files.isReadable(Path.of(p))),
        "no system pci.ids (" + PciIds.SYSTEM_COPIES + ") for lspci to read");
    HostTree t = new HostTree(root);
    t.fn("0000:00:00.0", null).ids(0x8086, 0x1237, 0x060000).subsystem(0x1af4, 0x1100);
    t.fn("0000:00:03.0", null).ids(0x1af4, 0x1045, 0x00ff00).subsystem(0x1af4, 0x1100);
    t.fn("0000:00:04.0", null).ids(0x8086, 0x37d2, 0x020000).subsystem(0x8086, 0x37d2);
    t.fn("0000:00:05.0", null).ids(0x10b5, 0x9797, 0x060400).subsystem(0, 0);
    t.fn("0000:00:06.0", null).ids(0x1bcf, 0x001c, 0x0b4000).subsystem(0x1bcf, 0x001c);
    t.fn("0000:00:07.0", null).ids(0x1af4, 0x1041, 0x020000).subsystem(0x1af4, 0x1100);
    t.fn("0000:00:08.0", null).ids(0x0bad, 0x0001, 0x120000).subsystem(0x0bad, 0x0002);
    Map<Bdf, List<String>> lspci = lspciMm(root);
    assertThat(lspci).hasSize(7);

    ScanResult s = new HostScanner(new LiveFs(root)).scan();

    for (Map.Entry<Bdf, List<String>> e : lspci.entrySet()) {
      PciNames n = s.functions().get(e.getKey()).names();
      assertThat(List.of(n.className(), n.vendor(), n.device(), n.subsystemVendor(), n.subsystem()))
          .as("names of %s", e.getKey())
          .isEqualTo(e.getValue());
    }
    assertThat(s.topology().function(Bdf.parse("00:03.0")).orElseThrow().description())
        .isEqualTo(lspci.get(Bdf.parse("00:03.0")).get(2));
  }

  /** {@code lspci -mm -D}: slot, then quoted class, vendor, device, subsystem vendor, device. */
  private static Map<Bdf, List<String>> lspciMm(Path root) throws Exception {
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
    } catch (java.io.IOException e) {
      assumeTrue(false, "lspci is not installed (apt-get install pciutils): " + e.getMessage());
      throw e;
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(1, TimeUnit.MINUTES)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    Map<Bdf, List<String>> names = new HashMap<>();
    for (String line : out.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      List<String> fields = new ArrayList<>();
      Matcher m = QUOTED.matcher(line);
      while (m.find()) {
        fields.add(m.group(1));
      }
      names.put(Bdf.parse(line.substring(0, line.indexOf(' '))), fields);
    }
    return names;
  }
}
