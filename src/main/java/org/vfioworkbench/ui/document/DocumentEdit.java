package org.vfioworkbench.ui.document;

import java.util.Objects;
import org.vfioworkbench.engine.Attempt;
import org.vfioworkbench.engine.Edit;
import org.vfioworkbench.engine.Profile;
import org.vfioworkbench.model.Topology;
import org.vfioworkbench.scenario.Scenario;

/**
 * One change of a document, as a value the command stack keeps: a kernel edit (a move, a driver
 * bind, a new holder), a plain model change (a quirk, a slot's reset support), the profile, or the
 * topology a re-scan found.
 */
public sealed interface DocumentEdit {

  /** What the Edit menu and the status bar call it. */
  String label();

  /**
   * Whether a read-only (host) document accepts it: only what does not pretend to edit the host.
   */
  boolean allowedOnReadOnly();

  /** A change of the open files or drivers, refused where the kernel would refuse it. */
  record Kernel(Edit edit) implements DocumentEdit {
    public Kernel {
      Objects.requireNonNull(edit, "edit");
    }

    /** Tries the edit on {@code scenario}'s topology under its profile. */
    public Attempt attempt(Scenario scenario) {
      return edit.apply(scenario.topology(), scenario.profileOrDefault());
    }

    @Override
    public String label() {
      return edit.label();
    }

    @Override
    public boolean allowedOnReadOnly() {
      return false;
    }
  }

  /** A model fact set directly (a quirk, a slot's reset support), not through a kernel call. */
  record Model(String label, Topology after) implements DocumentEdit {
    public Model {
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(after, "after");
    }

    @Override
    public boolean allowedOnReadOnly() {
      return false;
    }
  }

  /** The semantics profile the document is analysed under and saved with. */
  record ProfileChange(Profile to) implements DocumentEdit {
    public ProfileChange {
      Objects.requireNonNull(to, "to");
    }

    @Override
    public String label() {
      return "Profile " + to.id();
    }

    /** A host is analysed under any profile without being changed. */
    @Override
    public boolean allowedOnReadOnly() {
      return true;
    }
  }

  /**
   * What a re-scan of the live host found.
   *
   * @param after the new topology
   * @param summary what changed, in words ("2 change(s): removed holder qemu[4242]; …")
   */
  record Rescan(Topology after, String summary) implements DocumentEdit {
    public Rescan {
      Objects.requireNonNull(after, "after");
      Objects.requireNonNull(summary, "summary");
    }

    @Override
    public String label() {
      return "Re-scan";
    }

    @Override
    public boolean allowedOnReadOnly() {
      return true;
    }
  }
}
