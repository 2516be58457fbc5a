package org.vfioworkbench.engine.remedy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.vfioworkbench.engine.ResetResult;
import org.vfioworkbench.engine.ResetVariant;
import org.vfioworkbench.engine.consumer.QemuOutcome;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.FdRef;

/**
 * Why one device's natural reset fails, and the ways out.
 *
 * @param caller the device fd
 * @param device the function behind it
 * @param holder who holds the fd
 * @param natural the reset the holder makes
 * @param result the kernel's answer
 * @param qemu what QEMU does and prints for the device
 * @param blockers the functions in the way
 * @param remedies the verified fixes, cheapest first
 * @param refused the fixes considered and not offered, with the reason
 * @param noRemedy when nothing helps, why (never-resettable hardware, a function without an IOMMU
 *     group, a transient condition)
 */
public record Explanation(
    FdRef caller,
    Bdf device,
    HolderInfo holder,
    ResetVariant natural,
    ResetResult result,
    QemuOutcome qemu,
    List<Blocker> blockers,
    List<Remedy> remedies,
    List<Refused> refused,
    Optional<NoRemedy> noRemedy) {

  public Explanation {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(holder, "holder");
    Objects.requireNonNull(natural, "natural");
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(qemu, "qemu");
    blockers = List.copyOf(blockers);
    remedies = List.copyOf(remedies);
    refused = List.copyOf(refused);
    Objects.requireNonNull(noRemedy, "noRemedy");
  }
}
