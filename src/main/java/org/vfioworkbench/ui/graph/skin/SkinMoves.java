package org.vfioworkbench.ui.graph.skin;

import java.util.Optional;
import javafx.geometry.Point2D;
import org.vfioworkbench.ui.graph.Box;
import org.vfioworkbench.ui.graph.GraphModel.BusNode;
import org.vfioworkbench.ui.graph.GraphModel.ComplexNode;
import org.vfioworkbench.ui.graph.GraphModel.FunctionNode;

/**
 * When an element's old skin can show it after a layout change: the element is the same but for
 * where its box is (same size), so the skin is translated instead of made anew.
 */
public final class SkinMoves {

  private SkinMoves() {}

  /** The offset from {@code was} to {@code now} when only the function chip's place changed. */
  public static Optional<Point2D> function(FunctionNode was, FunctionNode now) {
    FunctionNode placed =
        new FunctionNode(
            was.bdf(),
            now.box(),
            was.name(),
            was.driver(),
            was.driverKind(),
            was.bridge(),
            was.group(),
            was.open(),
            was.vfio(),
            was.summary());
    return placed.equals(now) ? offset(was.box(), now.box()) : Optional.empty();
  }

  /** The offset from {@code was} to {@code now} when only the bus bar's place changed. */
  public static Optional<Point2D> bus(BusNode was, BusNode now) {
    return new BusNode(was.bus(), now.box(), was.root(), was.continued(), was.folded()).equals(now)
        ? offset(was.box(), now.box())
        : Optional.empty();
  }

  /** The offset from {@code was} to {@code now} when only the root complex's place changed. */
  public static Optional<Point2D> complex(ComplexNode was, ComplexNode now) {
    return was.segment() == now.segment() ? offset(was.box(), now.box()) : Optional.empty();
  }

  private static Optional<Point2D> offset(Box was, Box now) {
    return was.w() == now.w() && was.h() == now.h()
        ? Optional.of(new Point2D(now.x() - was.x(), now.y() - was.y()))
        : Optional.empty();
  }
}
