package org.vfioworkbench.engine.remedy;

import java.util.Objects;
import org.vfioworkbench.engine.Edit;

/**
 * A change considered and not offered: the kernel refused it, or the reset still fails after it.
 *
 * @param title what it would do
 * @param edit the edit
 * @param why the kernel's refusal ("-EBUSY: ...") or the reset's result after it
 */
public record Refused(String title, Edit edit, String why) {

  public Refused {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(edit, "edit");
    Objects.requireNonNull(why, "why");
  }
}
