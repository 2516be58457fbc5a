package org.vfioworkbench.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.Driver;
import org.vfioworkbench.model.Holder;
import org.vfioworkbench.model.OpenFile;
import org.vfioworkbench.model.Topology;

/**
 * One change of the open-file or driver state, as a value: what lessons state as a setup or a
 * solution, what a drag on the graph or a Properties choice asks for, what the CLI and a remedy
 * apply. Every edit goes through {@link KernelCalls}, so it is refused with the kernel's errno
 * exactly where the kernel would refuse the calls behind it. Undo stores the edit and its label.
 */
public sealed interface Edit {

  /** Tries the edit on {@code topology} under {@code profile}. */
  Attempt apply(Topology topology, Profile profile);

  /**
   * What the Edit menu and the status bar call it ("Move 0000:02:00.1 to qemu-vm1's cdev lane").
   */
  String label();

  /** The gesture in the words a lesson uses ("drag 0000:02:00.1 onto qemu-vm1's cdev lane"). */
  String describe();

  /** Open the function's cdev and bind it into the holder's iommufd (a drag onto the cdev lane). */
  record MoveToCdev(String holder, Bdf device) implements Edit {
    public MoveToCdev {
      Objects.requireNonNull(holder, "holder");
      Objects.requireNonNull(device, "device");
    }

    @Override
    public Attempt apply(Topology topology, Profile profile) {
      return KernelCalls.moveToCdev(topology, profile, holder, device);
    }

    @Override
    public String label() {
      return "Move " + device + " to " + holder + "'s cdev lane";
    }

    @Override
    public String describe() {
      return "drag " + device + " onto " + holder + "'s cdev lane";
    }
  }

  /** Open the function's group and a device fd through it (a drag onto the group lane). */
  record MoveToGroup(String holder, Bdf device) implements Edit {
    public MoveToGroup {
      Objects.requireNonNull(holder, "holder");
      Objects.requireNonNull(device, "device");
    }

    @Override
    public Attempt apply(Topology topology, Profile profile) {
      return KernelCalls.moveToGroup(topology, profile, holder, device);
    }

    @Override
    public String label() {
      return "Move " + device + " to " + holder + "'s group lane";
    }

    @Override
    public String describe() {
      return "drag " + device + " onto " + holder + "'s group lane";
    }
  }

  /** Every holder closes its fds on the function (a drag to the unowned area). */
  record Release(Bdf device) implements Edit {
    public Release {
      Objects.requireNonNull(device, "device");
    }

    @Override
    public Attempt apply(Topology topology, Profile profile) {
      return KernelCalls.release(topology, device);
    }

    @Override
    public String label() {
      return "Release " + device;
    }

    @Override
    public String describe() {
      return "drag " + device + " to the unowned area";
    }
  }

  /** Bind the function to another driver (the Properties view's driver choice). */
  record SetDriver(Bdf device, Driver driver) implements Edit {
    public SetDriver {
      Objects.requireNonNull(device, "device");
      Objects.requireNonNull(driver, "driver");
    }

    @Override
    public Attempt apply(Topology topology, Profile profile) {
      return KernelCalls.setDriver(topology, profile, device, driver);
    }

    @Override
    public String label() {
      return "Bind " + device + " to " + driver.label();
    }

    @Override
    public String describe() {
      return "bind " + device + " to " + driver.label();
    }
  }

  /** The holder opens one more file (a group, a container, an iommufd, a device fd or cdev). */
  record Open(String holder, OpenFile file) implements Edit {
    public Open {
      Objects.requireNonNull(holder, "holder");
      Objects.requireNonNull(file, "file");
    }

    @Override
    public Attempt apply(Topology topology, Profile profile) {
      return KernelCalls.open(topology, profile, holder, file);
    }

    @Override
    public String label() {
      return holder + " opens " + file.describe();
    }

    @Override
    public String describe() {
      return "let " + holder + " open " + file.describe();
    }
  }

  /** The holder closes one fd (closing a group file closes the device fds obtained through it). */
  record Close(String holder, int fd) implements Edit {
    public Close {
      Objects.requireNonNull(holder, "holder");
    }

    @Override
    public Attempt apply(Topology topology, Profile profile) {
      return KernelCalls.close(topology, holder, fd);
    }

    @Override
    public String label() {
      return "Close fd " + fd + " of " + holder;
    }

    @Override
    public String describe() {
      return "close fd " + fd + " of " + holder;
    }
  }

  /** A new process with no files. Refused when the name is blank or taken. */
  record AddHolder(String name) implements Edit {
    public AddHolder {
      Objects.requireNonNull(name, "name");
    }

    @Override
    public Attempt apply(Topology topology, Profile profile) {
      if (name.isBlank() || topology.holder(name).isPresent()) {
        return Attempt.refused(
            new Refusal(
                name,
                "add holder",
                Errno.EEXIST,
                name.isBlank() ? "a holder needs a name" : "a holder named " + name + " exists"),
            List.of());
      }
      List<Holder> holders = new ArrayList<>(topology.holders());
      holders.add(new Holder(name, 0, true, List.of()));
      return Attempt.done(topology.withHolders(holders), List.of("new process " + name));
    }

    @Override
    public String label() {
      return "New holder " + name;
    }

    @Override
    public String describe() {
      return "add a holder " + name;
    }
  }

  /** The process exits: every fd it holds is closed (last fd first), then it is gone. */
  record RemoveHolder(String name) implements Edit {
    public RemoveHolder {
      Objects.requireNonNull(name, "name");
    }

    @Override
    public Attempt apply(Topology topology, Profile profile) {
      if (topology.holder(name).isEmpty()) {
        return Attempt.refused(
            new Refusal(name, "exit", Errno.ESRCH, "no holder named " + name), List.of());
      }
      List<String> steps = new ArrayList<>();
      Topology t = topology;
      while (true) {
        List<OpenFile> files = t.holder(name).orElseThrow().files();
        if (files.isEmpty()) {
          break;
        }
        Attempt closed = KernelCalls.close(t, name, files.get(files.size() - 1).fd());
        steps.addAll(closed.steps());
        t = closed.orElseThrow();
      }
      List<Holder> holders = new ArrayList<>(t.holders());
      holders.removeIf(h -> h.name().equals(name));
      steps.add("exit " + name);
      return Attempt.done(t.withHolders(holders), steps);
    }

    @Override
    public String label() {
      return "Remove holder " + name;
    }

    @Override
    public String describe() {
      return "end the process " + name;
    }
  }

  /** Several edits in order, as one undoable step; refused at the first refusal. */
  record Sequence(String label, List<Edit> edits) implements Edit {
    public Sequence {
      Objects.requireNonNull(label, "label");
      edits = List.copyOf(edits);
    }

    @Override
    public Attempt apply(Topology topology, Profile profile) {
      List<String> steps = new ArrayList<>();
      Topology t = topology;
      for (Edit e : edits) {
        Attempt a = e.apply(t, profile);
        steps.addAll(a.steps());
        if (!a.succeeded()) {
          return Attempt.refused(a.refusal().orElseThrow(), steps);
        }
        t = a.orElseThrow();
      }
      return Attempt.done(t, steps);
    }

    @Override
    public String describe() {
      return String.join(", then ", edits.stream().map(Edit::describe).toList());
    }
  }
}
