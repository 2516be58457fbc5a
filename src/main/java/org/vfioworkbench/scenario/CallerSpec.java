package org.vfioworkbench.scenario;

import java.util.Objects;
import java.util.Optional;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.FdRef;

/**
 * How an expectation names the fd it calls: a device (the one fd that has it open) or an exact
 * holder and fd. Exactly one is present.
 *
 * @param device the device
 * @param fd the holder and fd
 */
public record CallerSpec(Optional<Bdf> device, Optional<FdRef> fd) {

  public CallerSpec {
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(fd, "fd");
    if (device.isPresent() == fd.isPresent()) {
      throw new IllegalArgumentException("a caller is a device or an fd, not both or neither");
    }
  }

  public static CallerSpec device(Bdf bdf) {
    return new CallerSpec(Optional.of(bdf), Optional.empty());
  }

  public static CallerSpec fd(FdRef ref) {
    return new CallerSpec(Optional.empty(), Optional.of(ref));
  }

  @Override
  public String toString() {
    return device.map(Bdf::toString).orElseGet(() -> fd.orElseThrow().toString());
  }
}
