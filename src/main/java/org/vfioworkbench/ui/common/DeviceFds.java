package org.vfioworkbench.ui.common;

import java.util.Optional;
import org.vfioworkbench.engine.Analysis;
import org.vfioworkbench.engine.DeviceState;
import org.vfioworkbench.model.CdevFile;
import org.vfioworkbench.model.DeviceFile;
import org.vfioworkbench.model.FdRef;
import org.vfioworkbench.model.OpenFile;
import org.vfioworkbench.ui.state.ElementRef;

/** Which device fd an ioctl view calls on for the current selection. */
public final class DeviceFds {

  private DeviceFds() {}

  /**
   * The selected device fd itself, or for a selected function its cdev fd if it has one, else its
   * first group-derived device fd; empty when the selection has no open device.
   */
  public static Optional<FdRef> callerFor(Analysis a, ElementRef selection) {
    if (selection instanceof ElementRef.FileRef f) {
      Optional<OpenFile> file = a.topology().file(f.fd());
      return file.filter(x -> x instanceof DeviceFile || x instanceof CdevFile).map(x -> f.fd());
    }
    if (selection instanceof ElementRef.FunctionRef fn) {
      return a.device(fn.bdf()).flatMap(DeviceState::callerFd);
    }
    return Optional.empty();
  }

  /** "qemu-vm1 fd 4 (cdev 0000:02:00.0)". */
  public static String describe(Analysis a, FdRef fd) {
    return a.topology()
        .file(fd)
        .map(
            f -> {
              String kind =
                  f instanceof CdevFile c
                      ? "cdev " + c.device()
                      : f instanceof DeviceFile d
                          ? "group-path device " + d.device()
                          : f.describe();
              return fd.holder() + " fd " + fd.fd() + " (" + kind + ")";
            })
        .orElse(fd.toString());
  }
}
