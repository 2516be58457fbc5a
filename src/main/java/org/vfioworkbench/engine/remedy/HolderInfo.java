package org.vfioworkbench.engine.remedy;

import java.util.Objects;
import java.util.Optional;
import org.vfioworkbench.model.Consumer;
import org.vfioworkbench.model.Holder;

/**
 * A process, as an explanation names it.
 *
 * @param name the holder's name
 * @param pid its pid, 0 when unknown
 * @param consumer which program it is
 * @param vmName the VM name from QEMU's command line, if known
 */
public record HolderInfo(String name, int pid, Consumer.Kind consumer, Optional<String> vmName) {

  public HolderInfo {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(consumer, "consumer");
    Objects.requireNonNull(vmName, "vmName");
  }

  static HolderInfo of(Holder h) {
    return new HolderInfo(h.name(), h.pid(), h.consumer().kind(), h.consumer().vmName());
  }

  /** "qemu-vm1 (pid 4100, VM win10)". */
  public String describe() {
    StringBuilder s = new StringBuilder(name);
    if (pid > 0 || vmName.isPresent()) {
      s.append(" (");
      if (pid > 0) {
        s.append("pid ").append(pid);
      }
      vmName.ifPresent(v -> s.append(pid > 0 ? ", " : "").append("VM ").append(v));
      s.append(')');
    }
    return s.toString();
  }
}
