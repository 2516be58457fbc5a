package org.vfioworkbench.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PciFunctionPlatformTest {

  @ParameterizedTest(name = "class {0}: {1}")
  @CsvSource({
    "060000, true, host bridge",
    "060100, true, ISA bridge (LPC)",
    "060400, false, PCI bridge (a root port)",
    "068000, false, other bridge",
    "080000, true, PIC",
    "080020, true, I/O APIC",
    "088000, true, system peripheral (DMA engine, uncore registers)",
    "110100, true, performance counters",
    "118000, true, signal processing controller",
    "020000, false, Ethernet",
    "030000, false, VGA",
    "040300, false, HD audio",
    "0c0330, false, USB xHCI",
    "0c0500, false, SMBus",
    "000000, false, unknown (not given)"
  })
  void platformFunctionsAreKnownByTheirClass(String cls, boolean platform, String what) {
    PciFunction f =
        new PciFunction(
            Bdf.parse("0000:00:1f.0"),
            HeaderType.NORMAL,
            0x8086,
            0x1234,
            Integer.parseInt(cls, 16),
            what,
            Driver.NONE,
            OptionalInt.empty(),
            Optional.empty(),
            Set.of(),
            Set.of());
    assertThat(f.isPlatformFunction()).as(what).isEqualTo(platform);
  }
}
