package org.vfioworkbench.ui.outcomes;

import java.util.Map;
import org.vfioworkbench.engine.ResetVariant;
import org.vfioworkbench.model.FdRef;

/**
 * One device fd and every HOT_RESET variant tried on it.
 *
 * @param fd the device fd
 * @param device the function it opens, labelled
 * @param path "cdev" or "group"
 * @param cells one cell per variant kind
 * @param qemu what QEMU would print for the device's reset (its lines, or that it prints nothing
 *     and what it does), empty for a plain process
 */
public record OutcomeRow(
    FdRef fd,
    String device,
    String path,
    Map<ResetVariant.Kind, OutcomeCell> cells,
    java.util.List<String> qemu) {

  public OutcomeRow {
    cells = Map.copyOf(cells);
    qemu = java.util.List.copyOf(qemu);
  }

  /** The QEMU column: what it prints, without the "QEMU 10.2 (... backend) would print:" lead. */
  public String qemuCell() {
    return String.join(
        " / ",
        qemu.stream()
            .map(
                l ->
                    l.contains(" would print: ")
                        ? l.substring(l.indexOf(" would print: ") + 14)
                        : l)
            .map(
                l ->
                    l.contains(" would print nothing; ")
                        ? "nothing; " + l.substring(l.indexOf(" would print nothing; ") + 22)
                        : l)
            .toList());
  }

  public OutcomeCell cell(ResetVariant.Kind kind) {
    return cells.get(kind);
  }
}
