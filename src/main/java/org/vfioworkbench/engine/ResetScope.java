package org.vfioworkbench.engine;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.BusAddress;
import org.vfioworkbench.model.Slot;

/**
 * What a hot reset of one function touches: a slot reset or a secondary bus reset, and every
 * function it reaches, in the kernel's walk order ({@code pci_walk_bus}: pre-order, devfn order).
 *
 * @param kind slot or bus reset
 * @param bus the bus the walk starts from (the caller's own bus)
 * @param slot the slot, for a slot reset
 * @param functions the affected functions ("N" in the kernel's count)
 */
public record ResetScope(Kind kind, BusAddress bus, Optional<Slot> slot, List<Bdf> functions) {

  /** Which reset the kernel would use. */
  public enum Kind {
    SLOT,
    BUS
  }

  public ResetScope {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(bus, "bus");
    Objects.requireNonNull(slot, "slot");
    functions = List.copyOf(functions);
  }

  public boolean contains(Bdf bdf) {
    return functions.contains(bdf);
  }

  public int size() {
    return functions.size();
  }

  /** "slot 5 (bus 0000:06)" or "bus 0000:02". */
  public String describe() {
    return kind == Kind.SLOT
        ? "slot " + slot.map(Slot::name).orElse("?") + " on bus " + bus
        : "bus " + bus;
  }
}
