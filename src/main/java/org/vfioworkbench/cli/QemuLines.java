package org.vfioworkbench.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.vfioworkbench.engine.Analysis;
import org.vfioworkbench.engine.consumer.ConsumerRelease;
import org.vfioworkbench.engine.consumer.QemuOutcome;
import org.vfioworkbench.engine.report.QemuText;
import org.vfioworkbench.model.FdRef;

/** "QEMU would print: ..." next to the kernel's answer, for holders that are (or may be) QEMU. */
final class QemuLines {

  private QemuLines() {}

  /** QEMU's reset of the caller's device, unless the holder is declared a plain process. */
  static java.util.Optional<QemuOutcome> outcome(Analysis a, FdRef caller) {
    return QemuText.outcome(a, caller);
  }

  /** The text lines, indented. */
  static List<String> text(Analysis a, FdRef caller, String indent) {
    return QemuText.lines(a, caller).stream().map(l -> indent + l).toList();
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
