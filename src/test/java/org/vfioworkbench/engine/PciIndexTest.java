package org.vfioworkbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.BusAddress;
import org.vfioworkbench.model.Topology;

/**
 * Segments, root buses and the bridges above a function: the one place the explorer and the graph
 * take them from.
 */
class PciIndexTest {

  @Test
  void rootBusesAreDeclaredRootsPlusUndeclaredBusesWithFunctions() {
    Topology t =
        Fixtures.splitVfio()
            .function("0000:05:00.0", f -> f.group(30).nativeDriver("nvme"))
            .function("0001:00:02.0", f -> f.group(40).nativeDriver("ahci"))
            .build();
    PciIndex pci = new PciIndex(t);

    assertThat(pci.segments()).containsExactly(0, 1);
    assertThat(pci.segments()).as("found once, not per call").isSameAs(pci.segments());
    assertThat(pci.rootBuses(0))
        .containsExactly(BusAddress.parse("0000:00"), BusAddress.parse("0000:05"));
    assertThat(pci.rootBuses(1)).containsExactly(BusAddress.parse("0001:00"));
    assertThat(pci.bus(BusAddress.parse("0000:05")).hasNoUpstreamBridge()).isTrue();
  }

  @Test
  void bridgesAboveAFunctionRunNearestFirstUpToARootBus() {
    Topology t =
        Fixtures.splitVfio()
            .function("0000:02:01.0", f -> f.bridge().group(22))
            .bus("0000:03", "0000:02:01.0")
            .function("0000:03:00.0", f -> f.group(23).nativeDriver("nvme"))
            .build();
    PciIndex pci = new PciIndex(t);

    assertThat(pci.bridgesAbove(Bdf.parse("0000:03:00.0")))
        .containsExactly(Bdf.parse("0000:02:01.0"), Bdf.parse(Fixtures.ROOT_PORT));
    assertThat(pci.bridgesAbove(Bdf.parse(Fixtures.FN0)))
        .containsExactly(Bdf.parse(Fixtures.ROOT_PORT));
    assertThat(pci.bridgesAbove(Bdf.parse(Fixtures.ROOT_PORT))).isEmpty();
  }
}
