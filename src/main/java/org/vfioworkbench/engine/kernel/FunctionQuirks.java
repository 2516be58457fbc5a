package org.vfioworkbench.engine.kernel;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.vfioworkbench.model.PciFunction;
import org.vfioworkbench.model.Quirk;

/**
 * The flags a function carries under one kernel release, and where they come from: stated in the
 * file (they win over the ids), or derived from vendor and device id through the {@link QuirkTable}
 * plus what the host showed ({@link Quirk#NO_RESET_METHOD}).
 *
 * @param quirks the flags in effect
 * @param declared true when the topology stated them and the table was not consulted
 * @param fixup the quirks.c fixup that set NO_BUS_RESET, when derived
 * @param release the release whose table was consulted
 */
public record FunctionQuirks(
    Set<Quirk> quirks, boolean declared, Optional<NoBusResetFixup> fixup, KernelRelease release) {

  public FunctionQuirks {
    quirks = Set.copyOf(quirks);
  }

  /** The flags of {@code f} under {@code release}. */
  public static FunctionQuirks of(PciFunction f, KernelRelease release) {
    if (f.quirksDeclared()) {
      return new FunctionQuirks(f.quirks(), true, Optional.empty(), release);
    }
    Optional<NoBusResetFixup> fixup = QuirkTable.noBusReset(f.vendorId(), f.deviceId(), release);
    if (fixup.isEmpty() && f.quirks().isEmpty()) {
      // Most functions: nothing to copy (no EnumSet, no copy of it per function).
      return new FunctionQuirks(Set.of(), false, fixup, release);
    }
    Set<Quirk> out = EnumSet.noneOf(Quirk.class);
    out.addAll(f.quirks());
    fixup.ifPresent(x -> out.add(Quirk.NO_BUS_RESET));
    return new FunctionQuirks(out, false, fixup, release);
  }

  public boolean has(Quirk quirk) {
    return quirks.contains(quirk);
  }

  /** Where {@code quirk} comes from, for trace steps and tables. */
  public String origin(Quirk quirk) {
    if (declared) {
      return "declared";
    }
    if (quirk == Quirk.NO_BUS_RESET && fixup.isPresent()) {
      return "derived from ids: " + fixup.get().citation() + ", in " + release;
    }
    return "seen on the host";
  }
}
