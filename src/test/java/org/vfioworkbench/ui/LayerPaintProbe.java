package org.vfioworkbench.ui;

import static org.vfioworkbench.ui.ProbeHarness.onFx;
import static org.vfioworkbench.ui.ProbeHarness.pct;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Parent;
import org.vfioworkbench.model.Topology;
import org.vfioworkbench.ui.files.BuiltInSamples;
import org.vfioworkbench.ui.graph.TopologyGraphView;

/**
 * A probe, not a test: what a whole repaint of the topology graph costs the render thread, layer by
 * layer, on a generated host as it opens (fitted, in the benchmark's 1600×1000 window). It moves
 * the graph by half a pixel and back, one frame at a time, so every frame repaints all of it (as an
 * expand that moves most of the graph does), and prints the render thread's CPU time per frame, p50
 * / p95, with everything shown, with nothing shown, and with one layer shown at a time: a layer's
 * cost is its row less the "nothing shown" row. Rounds repeat the list, so the first round's
 * warm-up shows as such.
 *
 * <p>With {@code --shapes}, three more rows: every rectangle with square corners, every shape
 * without its stroke, and both (what the software pipeline's rounded and stroked shapes cost: it
 * fills an axis-aligned square rectangle on a fast path, and rasterises anything else, a stroked
 * square rectangle included, through Marlin).
 *
 * <p>With {@code --merged-legs}, two more: the bundles' legs drawn as one filled path per bundle
 * and look (a rectangle per leg) instead of a node per leg, with everything shown and with only the
 * bundles shown.
 *
 * <p>With {@code --canvas}, one more: every rectangle, line and text of the graph drawn by the
 * probe onto one canvas the size of the view, anew every frame, in place of the nodes (what drawing
 * the overview ourselves would cost); {@code -Dprobe.canvasPng=PREFIX} writes the canvas and the
 * nodes as drawn to two PNGs to compare.
 *
 * <p>With {@code --raster-legs}, one more: the bundles' legs rasterised by the probe into one image
 * the size of the view, anew every frame, in place of the leg nodes ({@link LegRasterCopy});
 * everything else shown as nodes. {@code -Dprobe.canvasPng=PREFIX} writes it too.
 *
 * <p>Usage (Xvfb, {@code -Dprism.order=sw}): {@code LayerPaintProbe [--size 2000] [--rounds 2]
 * [--frames 60] [--shapes] [--merged-legs] [--canvas] [--raster-legs]}.
 */
public final class LayerPaintProbe {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** The graph view's layers, back to front (its private fields, read by reflection). */
  private static final List<String> LAYERS =
      List.of(
          "scopeLayer",
          "hullLayer",
          "treeLayer",
          "complexLayer",
          "busLayer",
          "chipLayer",
          "holderLayer",
          "unownedLayer",
          "bundleLayer",
          "edgeLayer");

  private LayerPaintProbe() {}

  public static void main(String[] args) throws Exception {
    int size = 2000;
    int rounds = 2;
    int frames = 60;
    boolean shapes = false;
    boolean mergedLegs = false;
    boolean canvas = false;
    boolean rasterLegs = false;
    boolean solidDashes = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--size" -> size = Integer.parseInt(args[++i]);
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        case "--frames" -> frames = Integer.parseInt(args[++i]);
        case "--shapes" -> shapes = true;
        case "--merged-legs" -> mergedLegs = true;
        case "--canvas" -> canvas = true;
        case "--raster-legs" -> rasterLegs = true;
        case "--solid-dashes" -> solidDashes = true;
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    ProbeHarness.startFx();
    Topology host = BuiltInSamples.largeHost(size);
    Path config = Files.createTempDirectory("layer-paint-probe");
    ProbeHarness.Shown shown = ProbeHarness.show(config, host, 1600, 1000, false);
    WorkbenchWindow w = shown.window();
    FrameClock clock = shown.clock();
    Thread.sleep(1500);
    onFx(
        () -> {
          w.fitGraph();
          return null;
        });
    Thread.sleep(1500);
    TopologyGraphView g = onFx(shown::graph);
    Probe p = new Probe(g, clock, ProbeHarness.renderThread(), frames);
    System.out.printf(
        Locale.ROOT,
        "generated %d, zoom %.3f, %d chips%n%n",
        size,
        onFx(g::zoom),
        onFx(g::chipCount));
    System.out.println("| round | shown | nodes | render CPU ms per frame, p50 / p95 |");
    System.out.println("|---|---|---|---|");
    for (int round = 1; round <= rounds; round++) {
      p.row(round, "everything", -1, only(g, null));
      if (shapes) {
        p.row(round, "everything, rectangles' corners square", -1, shapes(g, true, false));
        p.row(round, "everything, no shape stroked", -1, shapes(g, false, true));
        p.row(round, "everything, square and unstroked", -1, shapes(g, true, true));
      }
      if (mergedLegs) {
        p.row(round, "everything, legs merged", -1, mergedLegs(g, null));
        p.row(round, "only bundleLayer, legs merged", -1, mergedLegs(g, "bundleLayer"));
      }
      if (canvas) {
        CanvasCopy copy = onFx(() -> CanvasCopy.of(g));
        System.out.println(copy.census());
        p.redrawnRow(
            round, "everything on one canvas, drawn anew", "canvas", copy::show, copy::redraw);
      }
      if (solidDashes) {
        p.row(round, "everything, dashed legs solid", -1, solidDashes(g, null));
        p.row(round, "only bundleLayer, dashed legs solid", -1, solidDashes(g, "bundleLayer"));
      }
      if (rasterLegs) {
        LegRasterCopy raster = onFx(() -> LegRasterCopy.of(layer(g, "bundleLayer")));
        System.out.println(raster.census());
        p.redrawnRow(
            round,
            "everything, the legs as one image rasterised anew",
            "raster",
            raster::show,
            raster::redraw);
      }
      p.row(round, "nothing", -1, only(g, ""));
      for (String l : LAYERS) {
        p.row(round, "only " + l, onFx(() -> count(layer(g, l))), only(g, l));
      }
    }
    Platform.exit();
    System.exit(0);
  }

  /** Shows only {@code shown} of the layers (all of them for null) while the change is on. */
  private static Consumer<Boolean> only(TopologyGraphView g, String shown) {
    return on -> {
      for (String l : LAYERS) {
        layer(g, l).setVisible(!on || shown == null || l.equals(shown));
      }
    };
  }

  /**
   * While on: every rectangle of the graph drawn with square corners ({@code square}) and every
   * shape drawn without its stroke ({@code unstroked}); off puts them back.
   */
  private static Consumer<Boolean> shapes(TopologyGraphView g, boolean square, boolean unstroked) {
    java.util.Map<javafx.scene.shape.Rectangle, double[]> arcs = new java.util.IdentityHashMap<>();
    java.util.Map<javafx.scene.shape.Shape, javafx.scene.paint.Paint> strokes =
        new java.util.IdentityHashMap<>();
    return on -> {
      if (!on) {
        arcs.forEach(
            (r, a) -> {
              r.setArcWidth(a[0]);
              r.setArcHeight(a[1]);
            });
        strokes.forEach(javafx.scene.shape.Shape::setStroke);
        arcs.clear();
        strokes.clear();
        return;
      }
      List<javafx.scene.shape.Shape> all = new ArrayList<>();
      collect(layer(g, LAYERS.get(0)).getParent(), all);
      for (javafx.scene.shape.Shape s : all) {
        if (square && s instanceof javafx.scene.shape.Rectangle r) {
          arcs.put(r, new double[] {r.getArcWidth(), r.getArcHeight()});
          r.setArcWidth(0);
          r.setArcHeight(0);
        }
        if (unstroked) {
          strokes.put(s, s.getStroke());
          s.setStroke(null);
        }
      }
    };
  }

  /**
   * While on: every group of bundle legs drawn as one filled path per fill and opacity (a rectangle
   * per leg) instead of a node per leg, with only {@code shown} of the layers shown (all for null);
   * off puts the legs back.
   */
  private static Consumer<Boolean> mergedLegs(TopologyGraphView g, String shown) {
    List<javafx.scene.shape.Path> added = new ArrayList<>();
    List<Node> hidden = new ArrayList<>();
    Consumer<Boolean> layers = only(g, shown);
    return on -> {
      layers.accept(on);
      if (!on) {
        added.forEach(a -> ((Group) a.getParent()).getChildren().remove(a));
        hidden.forEach(h -> h.setVisible(true));
        added.clear();
        hidden.clear();
        return;
      }
      List<Group> groups = new ArrayList<>();
      collectLegGroups(layer(g, "bundleLayer"), groups);
      for (Group grp : groups) {
        java.util.Map<List<Object>, javafx.scene.shape.Path> byLook =
            new java.util.LinkedHashMap<>();
        for (Node c : List.copyOf(grp.getChildren())) {
          if (c instanceof org.vfioworkbench.ui.graph.skin.EdgeLeg leg && leg.isVisible()) {
            javafx.scene.shape.Path path =
                byLook.computeIfAbsent(
                    List.of(leg.getFill(), leg.getOpacity()),
                    k -> {
                      javafx.scene.shape.Path np = new javafx.scene.shape.Path();
                      np.setFill(leg.getFill());
                      np.setStroke(null);
                      np.setOpacity(leg.getOpacity());
                      return np;
                    });
            path.getElements()
                .addAll(
                    new javafx.scene.shape.MoveTo(leg.getX(), leg.getY()),
                    new javafx.scene.shape.HLineTo(leg.getX() + leg.getWidth()),
                    new javafx.scene.shape.VLineTo(leg.getY() + leg.getHeight()),
                    new javafx.scene.shape.HLineTo(leg.getX()),
                    new javafx.scene.shape.ClosePath());
            leg.setVisible(false);
            hidden.add(leg);
          }
        }
        for (javafx.scene.shape.Path path : byLook.values()) {
          grp.getChildren().add(path);
          added.add(path);
        }
      }
      System.out.printf(
          Locale.ROOT,
          "(%d legs as %d paths in %d groups)%n",
          hidden.size(),
          added.size(),
          groups.size());
    };
  }

  /**
   * While on: every dashed leg filled with its plain colour at its dashes' average coverage instead
   * of its dash pattern, with only {@code shown} of the layers shown (all for null).
   */
  private static Consumer<Boolean> solidDashes(TopologyGraphView g, String shown) {
    java.util.Map<org.vfioworkbench.ui.graph.skin.EdgeLeg, javafx.scene.paint.Paint> fills =
        new java.util.IdentityHashMap<>();
    Consumer<Boolean> layers = only(g, shown);
    return on -> {
      layers.accept(on);
      if (!on) {
        fills.forEach(javafx.scene.shape.Shape::setFill);
        fills.clear();
        return;
      }
      List<javafx.scene.shape.Shape> all = new ArrayList<>();
      collect(layer(g, "bundleLayer"), all);
      collect(layer(g, "edgeLayer"), all);
      for (javafx.scene.shape.Shape sh : all) {
        if (sh instanceof org.vfioworkbench.ui.graph.skin.EdgeLeg leg
            && !leg.legDashes().isEmpty()
            && leg.legColor() instanceof javafx.scene.paint.Color c) {
          fills.put(leg, leg.getFill());
          leg.setFill(c.deriveColor(0, 1, 1, leg.dashShare()));
        }
      }
      System.out.printf(Locale.ROOT, "(%d dashed legs filled solid)%n", fills.size());
    };
  }

  private static void collectLegGroups(Parent p, List<Group> out) {
    boolean hasLeg = false;
    for (Node c : p.getChildrenUnmodifiable()) {
      if (c instanceof org.vfioworkbench.ui.graph.skin.EdgeLeg) {
        hasLeg = true;
      } else if (c instanceof Parent q) {
        collectLegGroups(q, out);
      }
    }
    if (hasLeg && p instanceof Group grp) {
      out.add(grp);
    }
  }

  private static void collect(Node n, List<javafx.scene.shape.Shape> out) {
    if (n instanceof javafx.scene.shape.Shape s) {
      out.add(s);
    }
    if (n instanceof Parent p) {
      p.getChildrenUnmodifiable().forEach(c -> collect(c, out));
    }
  }

  /**
   * The graph's shapes and text as drawing commands on one canvas the size of the view: what
   * drawing the overview ourselves would cost, against a node per shape. Rectangles (rounded or
   * not, filled and stroked as styled), lines and text are drawn; any other shape is counted and
   * left out.
   */
  private static final class CanvasCopy {
    private final javafx.scene.canvas.Canvas canvas;
    private final List<Runnable> commands = new ArrayList<>();
    private final List<Node> layers = new ArrayList<>();
    private int rects;
    private int lines;
    private int texts;
    private int skipped;
    private double dx;

    private CanvasCopy(javafx.scene.canvas.Canvas canvas) {
      this.canvas = canvas;
    }

    static CanvasCopy of(TopologyGraphView g) {
      Node content = layer(g, LAYERS.get(0)).getParent();
      javafx.scene.layout.Pane viewport = (javafx.scene.layout.Pane) content.getParent();
      CanvasCopy c =
          new CanvasCopy(new javafx.scene.canvas.Canvas(viewport.getWidth(), viewport.getHeight()));
      javafx.scene.canvas.GraphicsContext gc = c.canvas.getGraphicsContext2D();
      for (String l : LAYERS) {
        c.layers.add(layer(g, l));
        c.collect(layer(g, l), viewport, gc);
      }
      return c;
    }

    private void collect(Node n, Node viewport, javafx.scene.canvas.GraphicsContext gc) {
      if (!n.isVisible()) {
        return;
      }
      if (n instanceof Parent p) {
        p.getChildrenUnmodifiable().forEach(k -> collect(k, viewport, gc));
        return;
      }
      javafx.scene.transform.Transform t =
          ProbeHarness.sceneToLocal(viewport).createConcatenation(n.getLocalToSceneTransform());
      double k = t.getMxx();
      double alpha = ProbeHarness.opacityOnScreen(n);
      if (n instanceof javafx.scene.shape.Rectangle r) {
        javafx.geometry.Point2D o = t.transform(r.getX(), r.getY());
        double w = r.getWidth() * k;
        double h = r.getHeight() * k;
        double aw = r.getArcWidth() * k;
        double ah = r.getArcHeight() * k;
        javafx.scene.paint.Paint fill = r.getFill();
        javafx.scene.paint.Paint stroke = r.getStroke();
        double sw = r.getStrokeWidth() * k;
        rects++;
        commands.add(
            () -> {
              gc.setGlobalAlpha(alpha);
              if (fill != null) {
                gc.setFill(fill);
                if (aw > 0 || ah > 0) {
                  gc.fillRoundRect(o.getX() + dx, o.getY(), w, h, aw, ah);
                } else {
                  gc.fillRect(o.getX() + dx, o.getY(), w, h);
                }
              }
              if (stroke != null) {
                gc.setStroke(stroke);
                gc.setLineWidth(sw);
                if (aw > 0 || ah > 0) {
                  gc.strokeRoundRect(o.getX() + dx, o.getY(), w, h, aw, ah);
                } else {
                  gc.strokeRect(o.getX() + dx, o.getY(), w, h);
                }
              }
            });
      } else if (n instanceof javafx.scene.shape.Line ln) {
        javafx.geometry.Point2D a = t.transform(ln.getStartX(), ln.getStartY());
        javafx.geometry.Point2D b = t.transform(ln.getEndX(), ln.getEndY());
        javafx.scene.paint.Paint stroke = ln.getStroke();
        double sw = ln.getStrokeWidth() * k;
        lines++;
        commands.add(
            () -> {
              gc.setGlobalAlpha(alpha);
              gc.setStroke(stroke);
              gc.setLineWidth(sw);
              gc.strokeLine(a.getX() + dx, a.getY(), b.getX() + dx, b.getY());
            });
      } else if (n instanceof javafx.scene.text.Text tx) {
        javafx.geometry.Point2D o = t.transform(tx.getX(), tx.getY());
        javafx.scene.text.Font f =
            javafx.scene.text.Font.font(tx.getFont().getFamily(), tx.getFont().getSize() * k);
        String text = tx.getText();
        javafx.scene.paint.Paint fill = tx.getFill();
        javafx.geometry.VPos base = tx.getTextOrigin();
        texts++;
        commands.add(
            () -> {
              gc.setGlobalAlpha(alpha);
              gc.setFont(f);
              gc.setFill(fill);
              gc.setTextBaseline(base);
              gc.fillText(text, o.getX() + dx, o.getY());
            });
      } else {
        skipped++;
      }
    }

    String census() {
      return String.format(
          Locale.ROOT,
          "(canvas: %d rectangles, %d lines, %d texts drawn; %d other shapes left out)",
          rects,
          lines,
          texts,
          skipped);
    }

    void show(boolean on) {
      layers.forEach(l -> l.setVisible(!on));
      javafx.scene.layout.Pane viewport =
          (javafx.scene.layout.Pane) layers.get(0).getParent().getParent();
      if (on) {
        viewport.getChildren().add(canvas);
      } else {
        viewport.getChildren().remove(canvas);
      }
    }

    /** Draws everything anew, shifted by {@code shift} pixels. */
    void redraw(double shift) {
      dx = shift;
      javafx.scene.canvas.GraphicsContext gc = canvas.getGraphicsContext2D();
      gc.setGlobalAlpha(1);
      gc.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
      commands.forEach(Runnable::run);
    }
  }

  private record Probe(TopologyGraphView g, FrameClock clock, long render, int frames) {

    /**
     * Every frame a picture the probe draws itself (the canvas, the legs' raster) drawn anew, half
     * a pixel to one side and then back, shown by {@code show} in place of the nodes it copies: the
     * FX thread's CPU for drawing it and the render thread's for painting the frame. With {@code
     * -Dprobe.canvasPng=PREFIX}, the view with the picture and with the nodes goes to {@code
     * PREFIX-<name>.png} and {@code PREFIX-nodes.png} first.
     */
    void redrawnRow(
        int round,
        String what,
        String name,
        Consumer<Boolean> show,
        java.util.function.DoubleConsumer redraw)
        throws Exception {
      onFx(
          () -> {
            show.accept(true);
            redraw.accept(0);
            return null;
          });
      Thread.sleep(300);
      String png = System.getProperty("probe.canvasPng");
      if (png != null) {
        onFx(
            () -> {
              Node viewport = layer(g, LAYERS.get(0)).getParent().getParent();
              write(viewport.snapshot(null, null), Path.of(png + "-" + name + ".png"));
              show.accept(false);
              write(viewport.snapshot(null, null), Path.of(png + "-nodes.png"));
              show.accept(true);
              return null;
            });
      }
      List<Double> renderMs = new ArrayList<>();
      List<Double> fxMs = new ArrayList<>();
      for (int i = 0; i < frames; i++) {
        long painted = clock.frames();
        long cpu = THREADS.getThreadCpuTime(render);
        double shift = i % 2 == 0 ? 0.5 : 0;
        fxMs.add(
            onFx(
                () -> {
                  long at = THREADS.getCurrentThreadCpuTime();
                  redraw.accept(shift);
                  return (THREADS.getCurrentThreadCpuTime() - at) / 1e6;
                }));
        renderMs.add(renderMsUntilPainted(painted, cpu));
      }
      onFx(
          () -> {
            show.accept(false);
            return null;
          });
      System.out.printf(
          Locale.ROOT,
          "| %d | %s | render %.1f / %.1f, FX %.1f / %.1f |%n",
          round,
          what,
          pct(renderMs, 50),
          pct(renderMs, 95),
          pct(fxMs, 50),
          pct(fxMs, 95));
    }

    /**
     * Waits for the frame after the {@code painted}th (at most 5 s) and for its painting to end,
     * then returns the render thread's CPU since {@code cpu}, in ms.
     */
    private double renderMsUntilPainted(long painted, long cpu) throws InterruptedException {
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (clock.frames() == painted && System.nanoTime() < end) {
        Thread.sleep(2);
      }
      Thread.sleep(50); // the frame's painting done, nothing else queued
      return (THREADS.getThreadCpuTime(render) - cpu) / 1e6;
    }

    void row(int round, String what, int nodes, Consumer<Boolean> change) throws Exception {
      onFx(
          () -> {
            change.accept(true);
            return null;
          });
      Thread.sleep(300);
      Node content = layer(g, LAYERS.get(0)).getParent();
      List<Double> ms = new ArrayList<>();
      for (int i = 0; i < frames; i++) {
        long painted = clock.frames();
        long cpu = THREADS.getThreadCpuTime(render);
        double dx = i % 2 == 0 ? 0.5 : -0.5;
        onFx(
            () -> {
              content.setTranslateX(content.getTranslateX() + dx);
              return null;
            });
        ms.add(renderMsUntilPainted(painted, cpu));
      }
      onFx(
          () -> {
            change.accept(false);
            return null;
          });
      System.out.printf(
          Locale.ROOT,
          "| %d | %s | %s | %.1f / %.1f |%n",
          round,
          what,
          nodes < 0 ? "" : String.valueOf(nodes),
          pct(ms, 50),
          pct(ms, 95));
    }
  }

  private static void write(javafx.scene.image.Image img, Path to) throws java.io.IOException {
    int w = (int) img.getWidth();
    int h = (int) img.getHeight();
    java.awt.image.BufferedImage out =
        new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_ARGB);
    javafx.scene.image.PixelReader r = img.getPixelReader();
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        out.setRGB(x, y, r.getArgb(x, y));
      }
    }
    javax.imageio.ImageIO.write(out, "png", to.toFile());
  }

  private static int count(Parent p) {
    int n = 0;
    for (Node c : p.getChildrenUnmodifiable()) {
      n++;
      if (c instanceof Parent q) {
        n += count(q);
      }
    }
    return n;
  }

  private static Group layer(TopologyGraphView g, String name) {
    try {
      var f = TopologyGraphView.class.getDeclaredField(name);
      f.setAccessible(true);
      return (Group) f.get(g);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("the graph view has no layer " + name, e);
    }
  }
}
