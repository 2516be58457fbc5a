package org.vfioworkbench.scenario;

import java.util.Objects;
import org.vfioworkbench.engine.InfoEntry;
import org.vfioworkbench.model.Bdf;

/**
 * One INFO entry an expectation states.
 *
 * @param bdf the affected function
 * @param devIdMode true for a devid (or OWNED / NOT_OWNED), false for a group id
 * @param id the raw u32: group id, devid, 0 (OWNED) or 0xFFFFFFFF (NOT_OWNED)
 */
public record ExpectedEntry(Bdf bdf, boolean devIdMode, long id) {

  public ExpectedEntry {
    Objects.requireNonNull(bdf, "bdf");
  }

  /** Whether the engine's entry says the same. */
  public boolean matches(InfoEntry entry) {
    return entry.bdf().equals(bdf) && entry.devIdMode() == devIdMode && entry.id() == id;
  }

  /** The same words the engine uses: "group 21", "devid 3", "OWNED", "NOT_OWNED". */
  public String idLabel() {
    return new InfoEntry(bdf, devIdMode, id).idLabel();
  }
}
