package org.vfioworkbench.host;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.vfioworkbench.host.fs.FsErrors;

/** Collects a scan's problems and host-wide inferences while the readers run. */
public final class ScanLog {

  private final List<ScanProblem> problems = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private final List<Integer> unreadable = new ArrayList<>();

  private boolean outsideRootNoted;

  private static final String OUTSIDE_ROOT =
      "symbolic links leading outside the root directory were not followed: "
          + "a --root tree is read only inside the root";

  public void problem(String path, String what, IOException e) {
    problems.add(new ScanProblem(path, what, FsErrors.describe(e)));
    if (FsErrors.code(e).equals("EXDEV") && !outsideRootNoted) {
      outsideRootNoted = true;
      notes.add(OUTSIDE_ROOT);
    }
  }

  /**
   * Appends what {@code later} collected, as if it had been logged here after everything so far:
   * the readers that run side by side each log on their own, and the scan joins their logs in the
   * order the reads would have happened one after another.
   */
  public void absorb(ScanLog later) {
    problems.addAll(later.problems);
    for (String n : later.notes) {
      if (n.equals(OUTSIDE_ROOT) && later.outsideRootNoted) {
        if (outsideRootNoted) {
          continue;
        }
        outsideRootNoted = true;
      }
      notes.add(n);
    }
    later.unreadable.forEach(this::unreadableProcess);
  }

  public void problem(String path, String what, String error) {
    problems.add(new ScanProblem(path, what, error));
  }

  public void note(String note) {
    notes.add(note);
  }

  public List<ScanProblem> problems() {
    return List.copyOf(problems);
  }

  /** Records that some or all open files of process {@code pid} could not be read. */
  public void unreadableProcess(int pid) {
    if (!unreadable.contains(pid)) {
      unreadable.add(pid);
    }
  }

  public List<Integer> unreadableProcesses() {
    return List.copyOf(unreadable);
  }

  public List<String> notes() {
    return List.copyOf(notes);
  }
}
