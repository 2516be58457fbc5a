package org.vfioworkbench.ui.graph.skin;

import java.util.Optional;
import javafx.geometry.Point2D;
import org.vfioworkbench.ui.graph.Box;
import org.vfioworkbench.ui.graph.GraphModel.BusNode;
import org.vfioworkbench.ui.graph.GraphModel.ComplexNode;
import org.vfioworkbench.ui.graph.GraphModel.FdChip;
import org.vfioworkbench.ui.graph.GraphModel.FdEdge;
import org.vfioworkbench.ui.graph.GraphModel.FunctionNode;
import org.vfioworkbench.ui.graph.GraphModel.GroupHull;
import org.vfioworkbench.ui.graph.GraphModel.HolderNode;
import org.vfioworkbench.ui.graph.GraphModel.Lane;
import org.vfioworkbench.ui.graph.GraphModel.Point;
import org.vfioworkbench.ui.graph.GraphModel.ScopeOutline;

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
    return new BusNode(was.bus(), now.box(), was.root(), was.continued(), was.folded(), was.fold())
            .equals(now)
        ? offset(was.box(), now.box())
        : Optional.empty();
  }

  /** The offset from {@code was} to {@code now} when only the root complex's place changed. */
  public static Optional<Point2D> complex(ComplexNode was, ComplexNode now) {
    return was.segment() == now.segment() ? offset(was.box(), now.box()) : Optional.empty();
  }

  /**
   * The offset from {@code was} to {@code now} when the group's hull only moved: every box and the
   * caption's box shifted by one offset, nothing else changed.
   */
  public static Optional<Point2D> hull(GroupHull was, GroupHull now) {
    if (was.group() != now.group()
        || was.viable() != now.viable()
        || !was.label().equals(now.label())
        || was.boxes().size() != now.boxes().size()
        || was.boxes().isEmpty()) {
      return Optional.empty();
    }
    Optional<Point2D> d = offset(was.boxes().get(0), now.boxes().get(0));
    if (d.isEmpty() || !shifted(was.labelBox(), now.labelBox(), d.get())) {
      return Optional.empty();
    }
    for (int i = 1; i < was.boxes().size(); i++) {
      if (!shifted(was.boxes().get(i), now.boxes().get(i), d.get())) {
        return Optional.empty();
      }
    }
    return d;
  }

  /**
   * The offset from {@code was} to {@code now} when the reset scope's outline only moved, its
   * caption with it.
   */
  public static Optional<Point2D> scope(ScopeOutline was, ScopeOutline now) {
    if (!was.label().equals(now.label())
        || !was.description().equals(now.description())
        || was.blocked() != now.blocked()
        || !was.functions().equals(now.functions())) {
      return Optional.empty();
    }
    Optional<Point2D> d = offset(was.box(), now.box());
    return d.isPresent() && shifted(was.labelBox(), now.labelBox(), d.get()) ? d : Optional.empty();
  }

  /**
   * The offset from {@code was} to {@code now} when the fd edge's route only moved: every corner
   * shifted by one offset, the same fd, kind and end.
   */
  public static Optional<Point2D> edge(FdEdge was, FdEdge now) {
    if (!was.fd().equals(now.fd())
        || was.kind() != now.kind()
        || !was.function().equals(now.function())
        || !was.group().equals(now.group())
        || was.points().size() != now.points().size()
        || was.points().isEmpty()) {
      return Optional.empty();
    }
    Point a = was.points().get(0);
    Point b = now.points().get(0);
    Point2D d = new Point2D(b.x() - a.x(), b.y() - a.y());
    for (int i = 1; i < was.points().size(); i++) {
      Point p = was.points().get(i);
      Point q = now.points().get(i);
      if (!near(p.x() + d.getX(), q.x()) || !near(p.y() + d.getY(), q.y())) {
        return Optional.empty();
      }
    }
    return Optional.of(d);
  }

  /**
   * The offset from {@code was} to {@code now} when the holder's bundle only moved: the same edges,
   * each moved by one offset ({@link #edge}).
   */
  public static Optional<Point2D> bundle(EdgeBundle was, EdgeBundle now) {
    if (!was.holder().equals(now.holder())
        || was.edges().size() != now.edges().size()
        || was.edges().isEmpty()) {
      return Optional.empty();
    }
    Optional<Point2D> d = edge(was.edges().get(0), now.edges().get(0));
    for (int i = 1; d.isPresent() && i < was.edges().size(); i++) {
      Optional<Point2D> e = edge(was.edges().get(i), now.edges().get(i));
      if (e.isEmpty()
          || !near(e.get().getX(), d.get().getX())
          || !near(e.get().getY(), d.get().getY())) {
        return Optional.empty();
      }
    }
    return d;
  }

  /**
   * The offset from {@code was} to {@code now} when the holder only moved: its box, its lanes and
   * their fd chips all shifted by one offset, every title, label and target the same.
   */
  public static Optional<Point2D> holder(HolderNode was, HolderNode now) {
    if (!was.name().equals(now.name())
        || was.pid() != now.pid()
        || !was.summary().equals(now.summary())) {
      return Optional.empty();
    }
    Optional<Point2D> d = offset(was.box(), now.box());
    return d.isPresent()
            && shifted(was.groupLane(), now.groupLane(), d.get())
            && shifted(was.cdevLane(), now.cdevLane(), d.get())
        ? d
        : Optional.empty();
  }

  private static boolean shifted(Lane was, Lane now, Point2D d) {
    if (was == null || now == null) {
      return was == now;
    }
    if (!was.target().equals(now.target())
        || !was.title().equals(now.title())
        || was.chips().size() != now.chips().size()
        || !shifted(was.box(), now.box(), d)) {
      return false;
    }
    for (int i = 0; i < was.chips().size(); i++) {
      FdChip a = was.chips().get(i);
      FdChip b = now.chips().get(i);
      if (!a.fd().equals(b.fd())
          || !a.label().equals(b.label())
          || a.kind() != b.kind()
          || !a.device().equals(b.device())
          || !shifted(a.box(), b.box(), d)) {
        return false;
      }
    }
    return true;
  }

  private static boolean shifted(Box was, Box now, Point2D d) {
    if (was == null || now == null) {
      return was == now;
    }
    return near(was.w(), now.w())
        && near(was.h(), now.h())
        && near(was.x() + d.getX(), now.x())
        && near(was.y() + d.getY(), now.y());
  }

  private static boolean near(double a, double b) {
    return Math.abs(a - b) < 1e-6;
  }

  private static Optional<Point2D> offset(Box was, Box now) {
    return was.w() == now.w() && was.h() == now.h()
        ? Optional.of(new Point2D(now.x() - was.x(), now.y() - was.y()))
        : Optional.empty();
  }
}
