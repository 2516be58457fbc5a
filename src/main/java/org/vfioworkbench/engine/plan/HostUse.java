package org.vfioworkbench.engine.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.DriverKind;
import org.vfioworkbench.model.PciFunction;

/**
 * What the host uses a function for, as far as is known: from its driver and class in any topology,
 * plus facts a live scan or capture read (a mounted block device, an interface that is up, the boot
 * display), passed in as {@code facts}.
 */
public final class HostUse {

  private final Map<Bdf, List<String>> facts;
  private final List<String> unknown;
  private final boolean read;

  private HostUse(Map<Bdf, List<String>> facts, List<String> unknown, boolean read) {
    this.facts = Map.copyOf(facts);
    this.unknown = List.copyOf(unknown);
    this.read = read;
  }

  /** Only what drivers and classes say (a scenario file: no mounts, interfaces or boot display). */
  public static HostUse fromDrivers() {
    return new HostUse(Map.of(), List.of(), false);
  }

  /** Drivers and classes plus facts read from a host, per function. */
  public static HostUse withFacts(Map<Bdf, List<String>> facts) {
    return withFacts(facts, List.of());
  }

  /**
   * Drivers and classes plus facts read from a host, per function, and what could not be read
   * (partial knowledge: a function whose mounts could not be read is not known to be unused).
   */
  public static HostUse withFacts(Map<Bdf, List<String>> facts, List<String> unknown) {
    return new HostUse(facts, unknown, true);
  }

  /** Whether facts were read from a host at all, beyond drivers and classes. */
  public boolean readFromHost() {
    return read;
  }

  /** What could not be read, in words. */
  public List<String> unknown() {
    return unknown;
  }

  /** The uses of {@code f}; empty when the host does not use it. */
  public List<String> of(PciFunction f) {
    List<String> out = new ArrayList<>();
    if (f.driver().kind() == DriverKind.NATIVE) {
      out.add("bound to " + f.driver().name() + classHint(f.classCode()));
    }
    out.addAll(facts.getOrDefault(f.bdf(), List.of()));
    return out;
  }

  private static String classHint(int classCode) {
    int base = classCode >>> 16;
    int sub = (classCode >>> 8) & 0xFF;
    if (base == 0x01) {
      return sub == 0x08 ? " (NVMe storage: the host's disks may live here)" : " (storage)";
    }
    if (base == 0x02) {
      return " (network)";
    }
    if (base == 0x03) {
      return " (display)";
    }
    if (base == 0x0c && sub == 0x03) {
      return " (USB controller)";
    }
    return "";
  }
}
