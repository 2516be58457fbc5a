package org.vfioworkbench.engine.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vfioworkbench.engine.Analysis;
import org.vfioworkbench.engine.consumer.ConsumerRelease;
import org.vfioworkbench.engine.consumer.QemuOutcome;
import org.vfioworkbench.engine.consumer.QemuReset;
import org.vfioworkbench.model.Consumer;
import org.vfioworkbench.model.FdRef;
import org.vfioworkbench.model.OpenFile;

/** "QEMU would print: ..." next to the kernel's answer, for holders that are (or may be) QEMU. */
public final class QemuText {

  private QemuText() {}

  /** QEMU's reset of the caller's device, unless the holder is declared a plain process. */
  public static Optional<QemuOutcome> outcome(Analysis a, FdRef caller) {
    boolean process =
        a.topology()
            .holder(caller.holder())
            .map(h -> h.consumer().kind() == Consumer.Kind.PROCESS)
            .orElse(true);
    if (process || a.topology().file(caller).flatMap(OpenFile::openedDevice).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(QemuReset.deviceReset(a, caller));
  }

  /**
   * "QEMU 10.2 (iommufd backend) would print: vfio: Cannot reset device ...", one line per printed
   * line, or one line saying it prints nothing and what it does instead; none for a plain process.
   */
  public static List<String> lines(Analysis a, FdRef caller) {
    return outcome(a, caller).map(QemuText::lines).orElse(List.of());
  }

  /** The lines of one outcome. */
  public static List<String> lines(QemuOutcome o) {
    List<String> out = new ArrayList<>();
    String who = ConsumerRelease.QEMU + " (" + o.backend().label() + " backend)";
    if (o.printed().isEmpty()) {
      out.add(
          who
              + " would print nothing; "
              + switch (o.method()) {
                case DEVICE_RESET -> "it resets the device with VFIO_DEVICE_RESET";
                case HOT_RESET -> "its hot reset succeeds";
                case PM_RESET -> "it falls back to the PM reset";
                case NONE -> "it leaves the device unreset";
              });
    }
    for (String line : o.printed()) {
      out.add(who + " would print: " + line);
    }
    return out;
  }

  /** What QEMU prints, or "" when it prints nothing or the holder is not QEMU: for a table cell. */
  public static String printed(Analysis a, FdRef caller) {
    return outcome(a, caller).map(o -> String.join(" / ", o.printed())).orElse("");
  }
}
