package org.vfioworkbench.lab;

import java.util.concurrent.CancellationException;

/**
 * A lab run stopped because its {@link Cancellation} was cancelled: the kernel build, the package
 * installation or QEMU it had started were killed. Unchecked, like the {@link
 * CancellationException} it extends, so task frameworks treat it as a cancellation and not as a
 * failure.
 */
public final class LabCancelledException extends CancellationException {

  private static final long serialVersionUID = 1L;

  /** {@code what}: the step that was running ("building the lab kernel", ...). */
  public LabCancelledException(String what) {
    super("cancelled while " + what + "; every process the lab had started was stopped");
  }
}
