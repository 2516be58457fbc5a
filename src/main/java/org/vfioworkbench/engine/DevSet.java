package org.vfioworkbench.engine;

import java.util.List;
import java.util.Objects;
import org.vfioworkbench.model.Bdf;

/**
 * A {@code vfio_device_set}: the vfio devices that share a reset domain, keyed by slot, bus or the
 * device itself, with members in bind order.
 */
public record DevSet(Key key, List<Bdf> members) {

  /** How the kernel keyed the set in {@code vfio_pci_core_register_device}. */
  public enum KeyKind {
    /** The device itself: root-bus functions and VFs. */
    SINGLETON,
    /** The {@code pci_slot}, when the slot can be reset. */
    SLOT,
    /** The {@code pci_bus} otherwise. */
    BUS
  }

  /** The set's key: kind plus what it names (a BDF, a slot name, a bus). */
  public record Key(KeyKind kind, String name) {
    public Key {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(name, "name");
    }

    @Override
    public String toString() {
      return switch (kind) {
        case SINGLETON -> "singleton " + name;
        case SLOT -> "slot " + name;
        case BUS -> "bus " + name;
      };
    }
  }

  public DevSet {
    Objects.requireNonNull(key, "key");
    members = List.copyOf(members);
  }

  public boolean contains(Bdf bdf) {
    return members.contains(bdf);
  }
}
