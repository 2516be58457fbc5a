package org.vfioworkbench.engine.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vfioworkbench.engine.Profile;
import org.vfioworkbench.model.HotplugDriver;

/**
 * The kernel rules checked against the source CI installs ({@code linux-source-6.12}): every
 * NO_BUS_RESET fixup in {@code drivers/pci/quirks.c} is in the table for that release and the table
 * claims none the source lacks; the hotplug drivers with {@code reset_slot} are the ones {@link
 * HotplugDriver} says; {@code pci_slot_resettable} looks at the bridge; and the release is not one
 * with the reset_method gate.
 */
class QuirkTableSourceTest {

  private static final Pattern FIXUP =
      Pattern.compile("DECLARE_PCI_FIXUP_\\w+\\(\\s*(\\w+)\\s*,\\s*(\\w+)\\s*,\\s*(\\w+)\\s*\\)");
  private static final Pattern DEFINE =
      Pattern.compile("(?m)^#define\\s+(\\w+)\\s+(0x[0-9a-fA-F]+)");
  private static final Pattern MASK_CHECK =
      Pattern.compile(
          "^\\s*if\\s*\\(\\(dev->device & (0x[0-9a-fA-F]+)\\) == (0x[0-9a-fA-F]+)\\)\\s*"
              + "quirk_no_bus_reset\\(dev\\);\\s*$");

  @BeforeEach
  void needsTheSource() {
    assumeTrue(KernelSource.unavailable().isEmpty(), () -> KernelSource.unavailable().get());
  }

  /** {@code 168c:003c/ffff quirk_no_bus_reset} for every NO_BUS_RESET fixup in quirks.c. */
  private static Set<String> fixupsInSource() throws Exception {
    String quirks = KernelSource.read("drivers/pci/quirks.c");
    Map<String, Integer> ids = new HashMap<>();
    Matcher d = DEFINE.matcher(KernelSource.read("include/linux/pci_ids.h"));
    while (d.find()) {
      ids.put(d.group(1), Integer.decode(d.group(2)));
    }
    Set<String> out = new TreeSet<>();
    Matcher m = FIXUP.matcher(quirks);
    while (m.find()) {
      String fn = m.group(3);
      String body = KernelSource.functionBody(quirks, fn).orElse("");
      boolean direct = fn.equals("quirk_no_bus_reset");
      if (!direct && !body.contains("quirk_no_bus_reset(") && !body.contains("NO_BUS_RESET")) {
        continue;
      }
      Integer vendor = ids.get(m.group(1));
      assertThat(vendor).as("vendor macro %s in pci_ids.h", m.group(1)).isNotNull();
      int device;
      int mask;
      if (direct) {
        device = m.group(2).startsWith("0x") ? Integer.decode(m.group(2)) : ids.get(m.group(2));
        mask = 0xffff;
      } else {
        Matcher c = MASK_CHECK.matcher(body);
        if (!m.group(2).equals("PCI_ANY_ID") || !c.matches()) {
          fail(
              "quirks.c: "
                  + fn
                  + " sets NO_BUS_RESET under a condition this test does not "
                  + "read; model it in QuirkTable and teach the test: "
                  + body);
          return out;
        }
        mask = Integer.decode(c.group(1));
        device = Integer.decode(c.group(2));
      }
      out.add(String.format("%04x:%04x/%04x %s", vendor, device, mask, fn));
    }
    return out;
  }

  @Test
  void everyNoBusResetFixupInQuirksCIsInTheTableForThatRelease() throws Exception {
    KernelRelease release = KernelSource.release();
    assertThat(release.sameSeries(KernelRelease.of(6, 12, 0))).as("tarball release").isTrue();
    Set<String> table = new TreeSet<>();
    for (NoBusResetFixup f : QuirkTable.noBusResetFixups(release)) {
      table.add(String.format("%04x:%04x/%04x %s", f.vendor(), f.device(), f.mask(), f.fixup()));
    }
    Set<String> source = fixupsInSource();
    assertThat(source).as("NO_BUS_RESET fixups in quirks.c of " + release).isNotEmpty();
    Set<String> missing = new LinkedHashSet<>(source);
    missing.removeAll(table);
    Set<String> extra = new LinkedHashSet<>(table);
    extra.removeAll(source);
    assertThat(missing).as("in quirks.c of %s but not in the table", release).isEmpty();
    assertThat(extra).as("in the table for %s but not in its quirks.c", release).isEmpty();
    assertThat(Profile.forKernel(release).quirkRelease().sameSeries(release)).isTrue();
  }

  @Test
  void onlyTheHotplugDriversWithResetSlotResetSlots() throws Exception {
    Map<HotplugDriver, String> files =
        Map.of(
            HotplugDriver.PCIEHP, "drivers/pci/hotplug/pciehp_core.c",
            HotplugDriver.ACPIPHP, "drivers/pci/hotplug/acpiphp_core.c",
            HotplugDriver.SHPCHP, "drivers/pci/hotplug/shpchp_core.c",
            HotplugDriver.PNV_PHP, "drivers/pci/hotplug/pnv_php.c",
            HotplugDriver.S390_PCI_HPC, "drivers/pci/hotplug/s390_pci_hpc.c");
    Pattern setsResetSlot = Pattern.compile("(\\.reset_slot\\s*=|->reset_slot\\s*=)");
    for (Map.Entry<HotplugDriver, String> e : files.entrySet()) {
      boolean inSource = setsResetSlot.matcher(KernelSource.read(e.getValue())).find();
      assertThat(e.getKey().hasResetSlot()).as(e.getValue()).isEqualTo(inSource);
    }
  }

  @Test
  void slotAndBusChecksReadTheBridgeAndNotTheResetMethods() throws Exception {
    String pci = KernelSource.read("drivers/pci/pci.c");
    String slot = KernelSource.functionBody(pci, "pci_slot_resettable").orElseThrow();
    String bus = KernelSource.functionBody(pci, "pci_bus_resettable").orElseThrow();
    assertThat(slot).contains("slot->bus->self").contains("PCI_DEV_FLAGS_NO_BUS_RESET");
    assertThat(bus).contains("bus->self").contains("PCI_DEV_FLAGS_NO_BUS_RESET");
    KernelRelease release = KernelSource.release();
    boolean gate = slot.contains("pci_reset_supported") && bus.contains("pci_reset_supported");
    assertThat(Profile.forKernel(release).resetNeedsResetMethod())
        .as("reset_method gate in pci.c of " + release)
        .isEqualTo(gate);
    String hotplug = KernelSource.functionBody(pci, "pci_reset_hotplug_slot").orElseThrow();
    assertThat(hotplug).contains("if (!hotplug").contains("ops->reset_slot");
  }
}
