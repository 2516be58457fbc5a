package org.vfioworkbench.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.FdRef;
import org.vfioworkbench.model.OpenFile;

/**
 * The engine's verdict for one device fd: what INFO would return with a large enough buffer, and
 * what the holder's natural HOT_RESET (the one QEMU would issue) would do. Computed only; for a
 * scanned host nothing is called on the host.
 *
 * @param fd the device fd
 * @param device the function behind it
 * @param info the INFO outcome with a large enough buffer
 * @param natural the reset the holder would naturally attempt
 * @param reset that reset's outcome
 */
public record DeviceVerdict(
    FdRef fd, Bdf device, InfoResult info, ResetVariant natural, ResetResult reset) {

  public DeviceVerdict {
    Objects.requireNonNull(fd, "fd");
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(info, "info");
    Objects.requireNonNull(natural, "natural");
    Objects.requireNonNull(reset, "reset");
  }

  /** One verdict per device fd of every holder, in holder and fd order. */
  public static List<DeviceVerdict> all(HotResetSimulator analysis) {
    List<DeviceVerdict> out = new ArrayList<>();
    for (FdRef ref : analysis.deviceFds()) {
      out.add(analysis instanceof Analysis a ? a.verdict(ref) : DeviceVerdict.of(analysis, ref));
    }
    return out;
  }

  /** The verdict on device fd {@code ref}, worked out now. */
  static DeviceVerdict of(HotResetSimulator analysis, FdRef ref) {
    Bdf dev = analysis.topology().file(ref).flatMap(OpenFile::openedDevice).orElseThrow();
    ResetVariant natural = analysis.naturalReset(ref);
    return new DeviceVerdict(
        ref, dev, analysis.info(ref), natural, analysis.hotReset(ref, natural.request()));
  }

  /** Whether the natural reset fails. */
  public boolean blocked() {
    return reset.ret() != 0;
  }
}
