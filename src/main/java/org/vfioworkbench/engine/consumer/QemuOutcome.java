package org.vfioworkbench.engine.consumer;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.vfioworkbench.engine.ResetRequest;
import org.vfioworkbench.engine.ResetResult;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.FdRef;

/**
 * What QEMU does when it resets one assigned device.
 *
 * @param caller the device fd QEMU holds
 * @param device the function behind it
 * @param backend the backend QEMU opened it with
 * @param method the reset that worked, or {@link Method#NONE}
 * @param steps what QEMU did, in order, in words
 * @param printed the lines QEMU printed ({@code error_report}), word for word
 * @param request the {@code VFIO_DEVICE_PCI_HOT_RESET} argument it built, when it got that far
 * @param kernel the kernel's answer to that call
 */
public record QemuOutcome(
    FdRef caller,
    Bdf device,
    QemuBackend backend,
    Method method,
    List<String> steps,
    List<String> printed,
    Optional<ResetRequest> request,
    Optional<ResetResult> kernel) {

  /** Which reset QEMU ended up using. */
  public enum Method {
    /** {@code VFIO_DEVICE_RESET} (FLR, or a slot or bus reset the device has to itself). */
    DEVICE_RESET,
    /** {@code VFIO_DEVICE_PCI_HOT_RESET}. */
    HOT_RESET,
    /** {@code VFIO_DEVICE_RESET} as the PM-reset fallback. */
    PM_RESET,
    /** Nothing worked; QEMU goes on without resetting the device (it is not an error to QEMU). */
    NONE
  }

  public QemuOutcome {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(backend, "backend");
    Objects.requireNonNull(method, "method");
    steps = List.copyOf(steps);
    printed = List.copyOf(printed);
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(kernel, "kernel");
  }

  public boolean reset() {
    return method != Method.NONE;
  }
}
