package org.vfioworkbench.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.vfioworkbench.engine.Analysis;
import org.vfioworkbench.engine.consumer.ConsumerRelease;
import org.vfioworkbench.engine.consumer.QemuOutcome;
import org.vfioworkbench.engine.consumer.QemuReset;
import org.vfioworkbench.model.Consumer;
import org.vfioworkbench.model.FdRef;

/** "QEMU would print: ..." next to the kernel's answer, for holders that are (or may be) QEMU. */
final class QemuLines {

  private QemuLines() {}

  /** QEMU's reset of the caller's device, unless the holder is declared a plain process. */
  static java.util.Optional<QemuOutcome> outcome(Analysis a, FdRef caller) {
    boolean process =
        a.topology()
            .holder(caller.holder())
            .map(h -> h.consumer().kind() == Consumer.Kind.PROCESS)
            .orElse(true);
    if (process || a.topology().file(caller).flatMap(f -> f.openedDevice()).isEmpty()) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(QemuReset.deviceReset(a, caller));
  }

  /** The text lines, indented. */
  static List<String> text(Analysis a, FdRef caller, String indent) {
    List<String> out = new ArrayList<>();
    outcome(a, caller)
        .ifPresent(
            o -> {
              String who = ConsumerRelease.QEMU + " (" + o.backend().label() + " backend)";
              if (o.printed().isEmpty()) {
                out.add(
                    indent
                        + who
                        + " would print nothing; "
                        + switch (o.method()) {
                          case DEVICE_RESET -> "it resets the device with VFIO_DEVICE_RESET";
                          case HOT_RESET -> "its hot reset succeeds";
                          case PM_RESET -> "it falls back to the PM reset";
                          case NONE -> "it leaves the device unreset";
                        });
              }
              for (String line : o.printed()) {
                out.add(indent + who + " would print: " + line);
              }
            });
    return out;
  }

  /** The JSON object, or null for a plain process. */
  static ObjectNode json(Analysis a, FdRef caller) {
    return outcome(a, caller).map(QemuLines::json).orElse(null);
  }

  static ObjectNode json(QemuOutcome o) {
    ObjectNode q = JsonResults.object();
    q.put("release", ConsumerRelease.QEMU);
    q.put("backend", o.backend().label());
    q.put("method", o.method().name());
    var printed = q.putArray("printed");
    o.printed().forEach(printed::add);
    var steps = q.putArray("steps");
    o.steps().forEach(steps::add);
    o.request().ifPresent(r -> q.set("request", JsonResults.request(r, "")));
    o.kernel().ifPresent(r -> q.set("result", JsonResults.reset(r)));
    return q;
  }
}
