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

  public void problem(String path, String what, IOException e) {
    problems.add(new ScanProblem(path, what, FsErrors.describe(e)));
    if (FsErrors.code(e).equals("EXDEV") && !outsideRootNoted) {
      outsideRootNoted = true;
      notes.add(
          "symbolic links leading outside the root directory were not followed: "
              + "a --root tree is read only inside the root");
    }
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
