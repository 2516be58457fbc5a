package org.vfioworkbench.scenario.lesson;

import java.util.Objects;
import org.vfioworkbench.engine.Attempt;
import org.vfioworkbench.engine.KernelCalls;
import org.vfioworkbench.engine.Profile;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.Driver;
import org.vfioworkbench.model.Topology;

/**
 * One thing a learner does in the workbench, as a lesson's setup or a task's solution states it.
 * Each is exactly one workbench gesture and goes through {@link KernelCalls}, so a lesson can only
 * ask for what the kernel allows.
 */
public sealed interface Gesture {

  /** Tries the gesture on {@code topology}. */
  Attempt apply(Topology topology, Profile profile);

  /** The gesture in the words the workbench uses. */
  String describe();

  /** Drag a function onto a holder's cdev lane: open its cdev and bind it to the holder's iommufd. */
  record MoveToCdev(String holder, Bdf device) implements Gesture {
    public MoveToCdev {
      Objects.requireNonNull(holder, "holder");
      Objects.requireNonNull(device, "device");
    }

    @Override
    public Attempt apply(Topology topology, Profile profile) {
      return KernelCalls.moveToCdev(topology, profile, holder, device);
    }

    @Override
    public String describe() {
      return "drag " + device + " onto " + holder + "'s cdev lane";
    }
  }

  /** Drag a function onto a holder's group lane: open its group and a device fd through it. */
  record MoveToGroup(String holder, Bdf device) implements Gesture {
    public MoveToGroup {
      Objects.requireNonNull(holder, "holder");
      Objects.requireNonNull(device, "device");
    }

    @Override
    public Attempt apply(Topology topology, Profile profile) {
      return KernelCalls.moveToGroup(topology, profile, holder, device);
    }

    @Override
    public String describe() {
      return "drag " + device + " onto " + holder + "'s group lane";
    }
  }

  /** Drag a function to the unowned area: every holder closes its fds on it. */
  record Release(Bdf device) implements Gesture {
    public Release {
      Objects.requireNonNull(device, "device");
    }

    @Override
    public Attempt apply(Topology topology, Profile profile) {
      return KernelCalls.release(topology, device);
    }

    @Override
    public String describe() {
      return "drag " + device + " to the unowned area";
    }
  }

  /** Bind a function to another driver (the Properties view's driver choice). */
  record SetDriver(Bdf device, Driver driver) implements Gesture {
    public SetDriver {
      Objects.requireNonNull(device, "device");
      Objects.requireNonNull(driver, "driver");
    }

    @Override
    public Attempt apply(Topology topology, Profile profile) {
      return KernelCalls.setDriver(topology, profile, device, driver);
    }

    @Override
    public String describe() {
      return "bind " + device + " to " + driver.label();
    }
  }
}
