package org.vfioworkbench.lab;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vfioworkbench.engine.Profile;
import org.vfioworkbench.model.Topology;
import org.vfioworkbench.scenario.CallRunner;
import org.vfioworkbench.scenario.Expectation;
import org.vfioworkbench.scenario.ExpectedCall;
import org.vfioworkbench.scenario.Scenario;
import org.vfioworkbench.scenario.ScenarioException;
import org.vfioworkbench.scenario.ScenarioLoader;

/**
 * Scenario files as lab cases: the topology, every INFO / HOT_RESET / open the expect blocks name
 * (with the arrays the scenario format builds), then INFO and the natural reset on every device fd.
 * The engine answers under the profile of the lab kernel (6.12: {@link Profile#LINUX_6_10}),
 * whatever profile the file was written for.
 */
public final class ScenarioLabCases {

  /** The engine profile that models the lab's Linux 6.12 kernel. */
  public static final Profile LAB_KERNEL_PROFILE = Profile.LINUX_6_10;

  private ScenarioLabCases() {}

  /** Loads {@code file}; bad input comes back as an IOException naming the file. */
  public static LabCase load(Path file) throws IOException {
    try {
      return of(file.getFileName().toString(), ScenarioLoader.load(file));
    } catch (ScenarioException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  public static LabCase of(String name, Scenario s) {
    Topology t = s.topology();
    List<LabCall> calls = new ArrayList<>();
    for (Expectation e : s.expectations()) {
      ExpectedCall c = e.call();
      if (c instanceof ExpectedCall.Open o) {
        calls.add(new LabCall.Open(o.holder(), o.file()));
        continue;
      }
      CallRunner.Ran ran = CallRunner.run(t, LAB_KERNEL_PROFILE, c);
      if (ran instanceof CallRunner.InfoRan i && c instanceof ExpectedCall.Info info) {
        calls.add(new LabCall.Info(i.caller(), info.argsz()));
      } else if (ran instanceof CallRunner.ResetRan r && c instanceof ExpectedCall.Reset reset) {
        calls.add(
            new LabCall.Reset(
                r.caller(),
                r.request().fds(),
                reset.argsz(),
                reset.flags(),
                reset.array().toString()));
      }
    }
    return LabCase.withNaturalCalls(name, t, LAB_KERNEL_PROFILE, calls);
  }
}
