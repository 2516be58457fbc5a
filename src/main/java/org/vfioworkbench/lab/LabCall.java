package org.vfioworkbench.lab;

import java.util.List;
import java.util.OptionalLong;
import org.vfioworkbench.model.FdRef;
import org.vfioworkbench.model.OpenFile;

/** One call the lab makes in the guest and asks the engine about. */
public sealed interface LabCall {

  /** The call in words, for tables. */
  String describe();

  /**
   * {@code VFIO_DEVICE_GET_PCI_HOT_RESET_INFO}.
   *
   * @param caller the device fd
   * @param argsz the header's argsz; empty for a buffer large enough for every entry
   */
  record Info(FdRef caller, OptionalLong argsz) implements LabCall {
    @Override
    public String describe() {
      return "INFO "
          + caller.holder()
          + ":"
          + caller.fd()
          + (argsz.isPresent() ? " argsz " + argsz.getAsLong() : "");
    }
  }

  /**
   * {@code VFIO_DEVICE_PCI_HOT_RESET}.
   *
   * @param caller the device fd
   * @param fds the array as fd numbers of the caller's holder
   * @param argsz the header's argsz; empty for the size the array needs
   * @param flags the header's flags
   * @param label how the array was built ("zero-length array", "groups [20, 21]", ...)
   */
  record Reset(FdRef caller, List<Integer> fds, OptionalLong argsz, long flags, String label)
      implements LabCall {
    public Reset {
      fds = List.copyOf(fds);
    }

    @Override
    public String describe() {
      return "HOT_RESET "
          + caller.holder()
          + ":"
          + caller.fd()
          + " "
          + label
          + (argsz.isPresent() ? " argsz " + argsz.getAsLong() : "")
          + (flags != 0 ? " flags 0x" + Long.toHexString(flags) : "");
    }
  }

  /**
   * A holder opens one more file; made after every other call, and closed again at once.
   *
   * @param holder who opens it
   * @param file the file
   */
  record Open(String holder, OpenFile file) implements LabCall {
    @Override
    public String describe() {
      return "open " + holder + ":" + file.fd() + " " + file.describe();
    }
  }
}
