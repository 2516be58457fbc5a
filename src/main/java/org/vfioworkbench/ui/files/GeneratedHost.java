package org.vfioworkbench.ui.files;

import org.vfioworkbench.model.TopologyBuilder;
import org.vfioworkbench.model.Topology;

/**
 * A large synthetic host for scale: root ports on bus 0, each with a bus of two 8-function cards;
 * every card's functions share a group, every fourth card is opened by a VM.
 */
public final class GeneratedHost {

  private GeneratedHost() {}

  /** A host with about {@code functions} endpoint functions (a multiple of 16). */
  public static Topology build(int functions) {
    int ports = Math.max(1, functions / 16);
    if (ports > 31 * 8) {
      throw new IllegalArgumentException("at most " + 31 * 8 * 16 + " functions");
    }
    TopologyBuilder b = new TopologyBuilder().rootBus("0000:00");
    int group = 100;
    for (int p = 0; p < ports; p++) {
      String port = String.format("0000:00:%02x.%x", 1 + p / 8, p % 8);
      int bus = p + 1;
      b.function(port, f -> f.bridge().group(2).describe("root port"));
      b.bus(String.format("0000:%02x", bus), port);
      for (int card = 0; card < 2; card++) {
        int g = group++;
        for (int fn = 0; fn < 8; fn++) {
          String bdf = String.format("0000:%02x:%02x.%x", bus, card, fn);
          boolean vfio = (p + card) % 3 != 0;
          b.function(bdf, f -> {
            f.group(g).describe("endpoint");
            if (vfio) {
              f.vfio();
            } else {
              f.nativeDriver("ixgbe");
            }
          });
        }
        if ((p + card) % 4 == 1 && (p + card) % 3 != 0) {
          String vm = "qemu-p" + p + "c" + card;
          int busNo = bus;
          int cardNo = card;
          b.holder(vm, h -> {
            h.container(3, "c-" + vm).group(4, g, "c-" + vm);
            for (int fn = 0; fn < 8; fn++) {
              h.device(5 + fn, String.format("0000:%02x:%02x.%x", busNo, cardNo, fn));
            }
          });
        }
      }
    }
    return b.build();
  }
}
