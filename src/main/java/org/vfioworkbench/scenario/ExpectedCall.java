package org.vfioworkbench.scenario;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.vfioworkbench.model.OpenFile;

/** The call an {@link Expectation} makes. */
public sealed interface ExpectedCall {

  /** The call in words: "INFO on 0000:02:00.0", "HOT_RESET on qemu:5 groups [20, 21]". */
  String describe();

  /**
   * {@code VFIO_DEVICE_GET_PCI_HOT_RESET_INFO} on a device fd.
   *
   * @param caller the fd
   * @param argsz the header's argsz; empty for a buffer large enough for every entry
   */
  record Info(CallerSpec caller, OptionalLong argsz) implements ExpectedCall {
    public Info {
      Objects.requireNonNull(caller, "caller");
      Objects.requireNonNull(argsz, "argsz");
    }

    @Override
    public String describe() {
      return "INFO on " + caller + (argsz.isPresent() ? " argsz " + argsz.getAsLong() : "");
    }
  }

  /**
   * {@code VFIO_DEVICE_PCI_HOT_RESET} on a device fd.
   *
   * @param caller the fd
   * @param array how the fd array is built
   * @param argsz the header's argsz; empty for the size the array needs
   * @param flags the header's flags
   */
  record Reset(CallerSpec caller, ResetArray array, OptionalLong argsz, long flags)
      implements ExpectedCall {
    public Reset {
      Objects.requireNonNull(caller, "caller");
      Objects.requireNonNull(array, "array");
      Objects.requireNonNull(argsz, "argsz");
    }

    @Override
    public String describe() {
      return "HOT_RESET on "
          + caller
          + " "
          + array
          + (argsz.isPresent() ? " argsz " + argsz.getAsLong() : "")
          + (flags != 0 ? " flags 0x" + Long.toHexString(flags) : "");
    }
  }

  /**
   * A holder opens one more file (and attaches or binds it as the file says).
   *
   * @param holder who opens it
   * @param file the file
   */
  record Open(String holder, OpenFile file) implements ExpectedCall {
    public Open {
      Objects.requireNonNull(holder, "holder");
      Objects.requireNonNull(file, "file");
    }

    @Override
    public String describe() {
      return holder + " opens fd " + file.fd() + " = " + file.describe();
    }
  }

  /**
   * How a HOT_RESET fd array is built.
   *
   * @param kind the construction
   * @param values group ids for {@link Kind#GROUPS}, fd numbers for {@link Kind#FDS}, else empty
   */
  record ResetArray(Kind kind, List<Integer> values) {

    /** The constructions a scenario can ask for. */
    public enum Kind {
      /** The caller's holder's group files for the listed group ids. */
      GROUPS,
      /** The listed fd numbers, as they are. */
      FDS,
      /** The zero-length array. */
      EMPTY,
      /** The array the holder would build itself (the engine's natural reset). */
      NATURAL
    }

    public ResetArray {
      Objects.requireNonNull(kind, "kind");
      values = List.copyOf(values);
    }

    @Override
    public String toString() {
      String list =
          values.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]"));
      return switch (kind) {
        case GROUPS -> "groups " + list;
        case FDS -> "fds " + list;
        case EMPTY -> "zero-length array";
        case NATURAL -> "natural array";
      };
    }
  }
}
