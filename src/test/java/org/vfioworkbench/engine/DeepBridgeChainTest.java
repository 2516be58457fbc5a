package org.vfioworkbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.BusAddress;
import org.vfioworkbench.model.FdRef;
import org.vfioworkbench.model.Quirk;
import org.vfioworkbench.model.Topology;
import org.vfioworkbench.model.TopologyBuilder;

/**
 * A held device below thousands of bridges: the bus walks of {@code pci_bus_resettable} and {@code
 * pci_walk_bus} are iterative, so the depth costs time, not stack (issue 15 ended {@code evaluate}
 * with a StackOverflowError below 5,000 bridges).
 */
class DeepBridgeChainTest {

  /** Bridge {@code i} of the chain sits on bus {@code i} counted over segments of 256 buses. */
  private static String bridge(int i) {
    return new Bdf(i / 256, i % 256, 0, 0).toString();
  }

  private static String bus(int i) {
    return new BusAddress(i / 256, i % 256).toString();
  }

  /** Root bus 0000:00, {@code depth} bridges one below the other, a vfio function at the end. */
  static Topology chain(int depth, boolean quirkAtTheBottom) {
    TopologyBuilder b = new TopologyBuilder().rootBus(bus(0));
    for (int i = 0; i < depth; i++) {
      b.function(bridge(i), f -> f.bridge().group(1));
      b.bus(bus(i + 1), bridge(i));
    }
    String device = new Bdf((depth) / 256, depth % 256, 0, 0).toString();
    String mate = new Bdf((depth) / 256, depth % 256, 0, 1).toString();
    b.function(device, f -> f.vfio().group(2));
    b.function(
        mate,
        f -> {
          f.vfio().group(2);
          if (quirkAtTheBottom) {
            f.quirk(Quirk.NO_BUS_RESET);
          }
        });
    b.holder("qemu", h -> h.container(3, "c").group(4, 2, "c").device(5, device));
    return b.build();
  }

  @Test
  void theWholeChainIsWalkedWithoutOverflowingTheStack() {
    int depth = 6_000;
    Analysis a = Analysis.of(chain(depth, false));
    FdRef caller = new FdRef("qemu", 5);
    ResetVariant natural = a.naturalReset(caller);
    ResetResult r = a.evaluate(caller, natural);
    assertThat(r).isNotNull();
    // The root bus is the reset unit of the first bridge; every function below it is affected.
    assertThat(a.scope(Bdf.parse(bridge(1)))).isNotNull();
  }

  @Test
  void aQuirkAtTheBottomOfADeepChainIsFoundAndNamedThroughEveryLevel() {
    Analysis a = Analysis.of(chain(5_000, true));
    String refusal =
        new ResetScopes(a.pci(), a.profile()).busRefusal(BusAddress.parse(bus(1))).orElseThrow();
    assertThat(refusal).startsWith("subordinate bus " + bus(2) + " of " + bridge(1) + ": ");
    assertThat(refusal)
        .contains(
            new Bdf(5_000 / 256, 5_000 % 256, 0, 1) + " on the bus has PCI_DEV_FLAGS_NO_BUS_RESET");
    assertThat(refusal.split("subordinate bus ", -1)).hasSize(5_000 - 1 + 1);
  }

  @Test
  void aShortChainGivesTheSameWordsAsBefore() {
    Analysis a = Analysis.of(chain(3, true));
    assertThat(new ResetScopes(a.pci(), a.profile()).busRefusal(BusAddress.parse(bus(1))))
        .hasValueSatisfying(
            r ->
                assertThat(r)
                    .startsWith(
                        "subordinate bus 0000:02 of "
                            + "0000:01:00.0: subordinate bus 0000:03 of 0000:02:00.0: 0000:03:00.1 on the bus has"
                            + " PCI_DEV_FLAGS_NO_BUS_RESET"));
  }
}
