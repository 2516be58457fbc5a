package org.vfioworkbench.ui.graph;

import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;

/**
 * Thin scroll bars along the graph view's right and bottom edges, shown on an axis only where the
 * graph goes on out of view: they say that there is more, which way and how much, without covering
 * what the overview map may not cover. Drag a thumb to pan; click its track to move a page that way
 * (never past the graph's edge). Where the thumbs stand comes from {@link ScrollSpan}.
 */
final class ViewportBars extends Pane {

  static final double THICK = 8;
  static final double GAP = 3;

  /** A click on a track moves the view this much of its length towards the click. */
  static final double PAGE = 0.9;

  /** Moves the view by graph units (the same as dragging the graph the other way). */
  interface Mover {
    void panBy(double gx, double gy);
  }

  /** What the bars show: the part of the graph in view, the graph, and the vertical track's top. */
  record Shown(Box visible, Box graph, double top) {}

  private final Supplier<Optional<Shown>> shown;
  private final Axis vertical;
  private final Axis horizontal;

  ViewportBars(Supplier<Optional<Shown>> shown, Mover mover) {
    this.shown = shown;
    this.vertical = new Axis(true, mover);
    this.horizontal = new Axis(false, mover);
    setPickOnBounds(false);
    getStyleClass().add("graph-scroll-bars");
    getChildren().addAll(horizontal.track, horizontal.thumb, vertical.track, vertical.thumb);
  }

  /** Whether the vertical bar is shown (the graph goes on above or below the view). */
  boolean showsVertical() {
    return vertical.track.isVisible();
  }

  /** Whether the horizontal bar is shown. */
  boolean showsHorizontal() {
    return horizontal.track.isVisible();
  }

  /** The vertical thumb (for tests: where it stands, and dragging it). */
  Region verticalThumb() {
    return vertical.thumb;
  }

  @Override
  protected void layoutChildren() {
    update();
  }

  /**
   * Places the bars for the view as it is now. The bars are unmanaged, so this asks no layout of
   * the window: a pan or an expand moves two small regions and nothing else.
   */
  void update() {
    Optional<Shown> now = shown.get();
    double w = getWidth();
    double h = getHeight();
    if (now.isEmpty() || w <= 0 || h <= 0) {
      vertical.hide();
      horizontal.hide();
      return;
    }
    Box v = now.get().visible();
    Box g = now.get().graph();
    double top = now.get().top() + GAP;
    Optional<ScrollSpan> across = ScrollSpan.of(v.x(), v.w(), g.x(), g.right(), w - 2 * GAP);
    double bottom = h - GAP - (across.isPresent() ? THICK + GAP : 0);
    Optional<ScrollSpan> down = ScrollSpan.of(v.y(), v.h(), g.y(), g.bottom(), bottom - top);
    double right = w - GAP - (down.isPresent() ? THICK + GAP : 0);
    across = ScrollSpan.of(v.x(), v.w(), g.x(), g.right(), right - GAP);
    vertical.place(down, w - GAP - THICK, top, bottom - top, v.y(), v.bottom(), g.y(), g.bottom());
    horizontal.place(across, GAP, h - GAP - THICK, right - GAP, v.x(), v.right(), g.x(), g.right());
  }

  /** One bar: its track, its thumb, and a drag in progress. */
  private static final class Axis {
    final boolean vertical;
    final Region track = new Region();
    final Region thumb = new Region();
    private final Mover mover;
    private ScrollSpan span;
    private double viewStart;
    private double viewEnd;
    private double graphStart;
    private double graphEnd;
    private double dragFrom = Double.NaN;
    private double dragPerPixel;

    Axis(boolean vertical, Mover mover) {
      this.vertical = vertical;
      this.mover = mover;
      track.getStyleClass().add("graph-scroll-track");
      thumb.getStyleClass().add("graph-scroll-thumb");
      for (Region r : new Region[] {track, thumb}) {
        r.setManaged(false);
        r.setVisible(false);
      }
      thumb.setOnMousePressed(
          e -> {
            dragFrom = along(e);
            dragPerPixel = span == null ? 0 : span.graphPerPixel();
            e.consume();
          });
      thumb.setOnMouseDragged(
          e -> {
            if (!Double.isNaN(dragFrom)) {
              double now = along(e);
              move((now - dragFrom) * dragPerPixel);
              dragFrom = now;
            }
            e.consume();
          });
      thumb.setOnMouseReleased(
          e -> {
            dragFrom = Double.NaN;
            e.consume();
          });
      track.setOnMousePressed(
          e -> {
            if (span != null) {
              // in the track's own coordinates, from its start: a page towards the click
              double at = vertical ? e.getY() : e.getX();
              move(
                  at < span.thumbStart()
                      ? -page(viewStart - graphStart)
                      : page(graphEnd - viewEnd));
            }
            e.consume();
          });
    }

    /** A page of {@link #PAGE} of the view, no further than {@code room} (the graph's edge). */
    private double page(double room) {
      return Math.max(0, Math.min(PAGE * (viewEnd - viewStart), room));
    }

    private double along(MouseEvent e) {
      return vertical ? e.getScreenY() : e.getScreenX();
    }

    private void move(double graphUnits) {
      if (vertical) {
        mover.panBy(0, graphUnits);
      } else {
        mover.panBy(graphUnits, 0);
      }
    }

    void hide() {
      span = null;
      track.setVisible(false);
      thumb.setVisible(false);
    }

    /**
     * Shows the bar for {@code s}, its track {@code length} long from ({@code x}, {@code y}), for a
     * view from {@code view} to {@code viewTo} of a graph from {@code from} to {@code to} along
     * this axis (graph units).
     */
    void place(
        Optional<ScrollSpan> s,
        double x,
        double y,
        double length,
        double view,
        double viewTo,
        double from,
        double to) {
      if (s.isEmpty()) {
        hide();
        return;
      }
      span = s.get();
      viewStart = view;
      viewEnd = viewTo;
      graphStart = from;
      graphEnd = to;
      if (vertical) {
        track.resizeRelocate(x, y, THICK, length);
        thumb.resizeRelocate(x, y + span.thumbStart(), THICK, span.thumbLength());
      } else {
        track.resizeRelocate(x, y, length, THICK);
        thumb.resizeRelocate(x + span.thumbStart(), y, span.thumbLength(), THICK);
      }
      track.setVisible(true);
      thumb.setVisible(true);
    }
  }
}
