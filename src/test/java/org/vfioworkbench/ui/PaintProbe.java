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
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.input.MouseEvent;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.Topology;
import org.vfioworkbench.ui.graph.GraphModel;
import org.vfioworkbench.ui.graph.TopologyGraphView;
import org.vfioworkbench.ui.graph.TopologyGraphViewModel;
import org.vfioworkbench.ui.state.ElementRef;

/**
 * A probe, not a test: what painting a selection and a drag costs, in measures the load of the
 * machine does not change. In the whole workbench window (1600×1000, as {@link WorkbenchBenchmark}
 * has it) on the seed sample and generated hosts it clicks function chips one after another (the
 * benchmark's "select" steps), then drags a vfio function over a holder's lane one event at a time
 * (its "drag" steps), and prints per step, p50 / p95: the render thread's CPU time ({@code
 * QuantumRenderer-0}: the software painting), the FX thread's CPU time, the frames painted, and the
 * offscreen images the painting took from the effect image pool and their pixels (Prism renders a
 * node with an opacity below 1 and overlapping contents into such an image; {@code
 * com.sun.scenario.effect.impl.ImagePool}'s counters, read by reflection). Each step waits until
 * the window is idle again, so the whole repaint it caused is inside.
 *
 * <p>Usage (Xvfb, {@code -Dprism.order=sw}): {@code PaintProbe [--sizes 2000] [--count 20] [--drag
 * 30] [--dark] [--shots DIR]}; with {@code --shots} (and {@code -Dprism.showdirty=true}, which
 * draws each frame's dirty regions) it writes a screen capture of the window after the second
 * selection and after the last drag step. System properties: {@code probe.samples=true} prints each
 * step's render time and images, and whether the graph was laid out again or zoomed; {@code
 * probe.close=info,outcomes,…} closes those views first; {@code probe.why=true} prints, after each
 * pulse's layout, the nodes about to be synchronised with a change the renderer sees (and any other
 * dirty node larger than a tenth of the window; every one with {@code probe.allDirty=true}); {@code
 * probe.census=true} counts, after the selections, the shown nodes Prism may draw through an
 * offscreen image (a parent with an opacity below 1, an effect, a clip, a blend mode, a cache);
 * with {@code -Djavafx.pulseLogger=true} each step is marked in the pulse log ({@code @@ step N}).
 */
public final class PaintProbe {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final int WIDTH = 1600;
  private static final int HEIGHT = 1000;
  private static volatile long fxThread;
  private static final boolean PULSE_LOG = Boolean.getBoolean("javafx.pulseLogger");
  private static int stepCount;

  private PaintProbe() {}

  public static void main(String[] args) throws Exception {
    List<Integer> sizes = List.of(2000);
    int count = 20;
    int drag = 30;
    boolean dark = false;
    Path shots = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--sizes" -> sizes = ProbeHarness.sizes(args[++i]);
        case "--count" -> count = Integer.parseInt(args[++i]);
        case "--drag" -> drag = Integer.parseInt(args[++i]);
        case "--dark" -> dark = true;
        case "--shots" -> shots = Path.of(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    fxThread = ProbeHarness.startFx();
    Map<String, Topology> hosts = ProbeHarness.hosts(sizes);
    Path config = Files.createTempDirectory("paint-probe");
    System.out.println(
        "| host | step | samples | render CPU ms p50 / p95 | FX CPU ms p50 / p95 | frames p50 |"
            + " offscreen images p50 / p95 | offscreen Mpixels p50 / p95 |");
    System.out.println("|---|---|---|---|---|---|---|---|");
    for (Map.Entry<String, Topology> h : hosts.entrySet()) {
      Probe p = Probe.open(config, h.getValue(), dark);
      String tag = h.getKey().replace(' ', '-');
      print(h.getKey(), "idle (nothing done)", p.idle(5));
      print(
          h.getKey(),
          "select a function (click)",
          p.select(count, shots == null ? null : shots.resolve(tag + "-select.png")));
      print(
          h.getKey(),
          "drag over a lane (one event per step)",
          p.drag(drag, shots == null ? null : shots.resolve(tag + "-drag.png")));
      p.close();
    }
    Platform.exit();
    System.exit(0);
  }

  /** One step's costs. */
  private record Cost(
      double renderMs,
      double fxMs,
      long frames,
      long images,
      double mpixels,
      boolean relaid,
      boolean rezoomed) {}

  private static final class Probe {
    private final WorkbenchWindow w;
    private final FrameClock clock;
    private final long renderThread;

    private Probe(WorkbenchWindow w, FrameClock clock, long renderThread) {
      this.w = w;
      this.clock = clock;
      this.renderThread = renderThread;
    }

    static Probe open(Path config, Topology t, boolean dark) throws Exception {
      ProbeHarness.Shown shown = ProbeHarness.show(config, t, WIDTH, HEIGHT, dark);
      WorkbenchWindow w = shown.window();
      Thread.sleep(1500);
      settle();
      Probe p = new Probe(w, shown.clock(), ProbeHarness.renderThread());
      if (Boolean.getBoolean("probe.samples")) {
        onFx(
            () -> {
              p.vm()
                  .modelProperty()
                  .addListener(
                      (o, a, b) -> {
                        double z = p.graph().zoom();
                        System.out.printf(
                            Locale.ROOT,
                            "  (step %d: graph laid out again, zoom %.3f%s)%n",
                            stepCount,
                            z,
                            "");
                        Platform.runLater(
                            () ->
                                System.out.printf(
                                    Locale.ROOT,
                                    "  (step %d: zoom after it %.3f)%n",
                                    stepCount,
                                    p.graph().zoom()));
                      });
              return null;
            });
      }
      return p;
    }

    void close() throws Exception {
      onFx(
          () -> {
            clock.close();
            w.stage().close();
            return null;
          });
    }

    TopologyGraphView graph() {
      return ProbeHarness.graphOf(w);
    }

    TopologyGraphViewModel vm() {
      return graph().viewModel();
    }

    /** The costs of doing nothing for a while: what any step's numbers include anyway. */
    List<Cost> idle(int n) throws Exception {
      List<Cost> out = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        out.add(measure(() -> {}));
      }
      return out;
    }

    /** Clicks the first {@code count} function chips of the model, one after another. */
    List<Cost> select(int count, Path shot) throws Exception {
      List<Node> chips =
          onFx(
              () ->
                  vm().modelProperty().get().functions().stream()
                      .limit(count)
                      .map(f -> graph().chipNode(f.bdf()).orElseThrow())
                      .toList());
      List<Cost> out = new ArrayList<>();
      for (int i = 0; i < count && chips.size() > 1; i++) {
        Node chip = chips.get(i % chips.size());
        Bdf bdf = Bdf.parse(org.vfioworkbench.ui.graph.skin.SkinName.of(chip).substring(3));
        if (onFx(
            () -> new ElementRef.FunctionRef(bdf).equals(w.state().selectionProperty().get()))) {
          continue;
        }
        Bounds at = onFx(() -> chip.localToScene(chip.getBoundsInLocal()));
        out.add(
            measure(
                () -> {
                  WorkbenchBenchmark.fire(
                      chip, MouseEvent.MOUSE_PRESSED, at.getCenterX(), at.getCenterY());
                  WorkbenchBenchmark.fire(
                      chip, MouseEvent.MOUSE_RELEASED, at.getCenterX(), at.getCenterY());
                }));
        if (shot != null && out.size() == 2) {
          capture(shot);
        }
      }
      if (Boolean.getBoolean("probe.census")) {
        System.err.println(onFx(() -> census(w.scene().getRoot())));
      }
      return out;
    }

    /**
     * The nodes Prism may draw through an offscreen image, by class and cause: a parent with an
     * opacity below 1 and more than one child, an effect, a clip, a blend mode, a cache.
     */
    private static String census(Node root) {
      java.util.Map<String, Integer> n = new java.util.TreeMap<>();
      java.util.Deque<Node> todo = new java.util.ArrayDeque<>(List.of(root));
      while (!todo.isEmpty()) {
        Node x = todo.pop();
        if (!x.isVisible()) {
          continue;
        }
        String k = x.getClass().getSimpleName() + " " + x.getStyleClass();
        if (x instanceof javafx.scene.Parent p) {
          if (x.getOpacity() < 1 && p.getChildrenUnmodifiable().size() > 1) {
            n.merge("opacity " + k, 1, Integer::sum);
          }
          todo.addAll(p.getChildrenUnmodifiable());
        }
        if (x.getEffect() != null) {
          n.merge("effect " + x.getEffect().getClass().getSimpleName() + " " + k, 1, Integer::sum);
        }
        if (x.getClip() != null) {
          n.merge("clip " + k, 1, Integer::sum);
        }
        if (x.getBlendMode() != null) {
          n.merge("blend " + k, 1, Integer::sum);
        }
        if (x.isCache()) {
          n.merge("cache " + k, 1, Integer::sum);
        }
      }
      StringBuilder b = new StringBuilder("@@ census\n");
      n.forEach((k, v) -> b.append("@@ ").append(v).append(' ').append(k).append('\n'));
      return b.toString();
    }

    /** Drags a drawn vfio function towards the last holder's cdev lane, one event per step. */
    List<Cost> drag(int steps, Path shot) throws Exception {
      Bdf open =
          onFx(
              () ->
                  w.state().results().analysis().devices().values().stream()
                      .filter(d -> d.isOpen())
                      .map(d -> d.bdf())
                      .findFirst()
                      .orElseThrow());
      onFx(
          () -> {
            w.state().select(new ElementRef.FunctionRef(open));
            return null;
          });
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!onFx(
          () ->
              graph().chipNode(open).isPresent()
                  && !w.scene().getRoot().lookupAll(".lane").isEmpty())) {
        if (System.nanoTime() > until) {
          throw new IllegalStateException("selecting " + open + " drew no lane");
        }
        Thread.sleep(50);
      }
      Thread.sleep(1000);
      settle();
      LaneDragPath path =
          LaneDragPath.bringIntoView(graph(), ProbeHarness::onFx, String.valueOf(shot));
      settle();
      Node[] n = {path.chip(), path.lane()};
      Bounds a = path.from();
      Bounds b = path.to();
      onFx(
          () -> {
            WorkbenchBenchmark.fire(n[0], MouseEvent.MOUSE_PRESSED, a.getCenterX(), a.getCenterY());
            WorkbenchBenchmark.fire(
                n[0], MouseEvent.MOUSE_DRAGGED, a.getCenterX() + 6, a.getCenterY() + 6);
            return null;
          });
      settle();
      List<Cost> out = new ArrayList<>();
      for (int i = 1; i <= steps; i++) {
        double t = (double) i / steps;
        double x = a.getCenterX() + (b.getCenterX() - a.getCenterX()) * t;
        double y = a.getCenterY() + (b.getCenterY() - a.getCenterY()) * t;
        out.add(measure(() -> WorkbenchBenchmark.fire(n[0], MouseEvent.MOUSE_DRAGGED, x, y)));
        if (shot != null && i == steps) {
          capture(shot);
        }
      }
      onFx(
          () -> {
            vm().cancelDrag();
            WorkbenchBenchmark.fire(
                n[0], MouseEvent.MOUSE_RELEASED, a.getCenterX(), a.getCenterY());
            return null;
          });
      settle();
      return out;
    }

    /** Runs {@code action} on the FX thread and waits until the window is idle again. */
    private Cost measure(Runnable action) throws Exception {
      settle();
      stepCount++;
      if (PULSE_LOG) {
        // marks where a step starts in JavaFX's pulse log (standard error)
        System.err.println("@@ step " + stepCount);
        System.err.flush();
      }
      long r0 = THREADS.getThreadCpuTime(renderThread);
      long x0 = THREADS.getThreadCpuTime(fxThread);
      long f0 = clock.frames();
      long[] pool0 = pool();
      GraphModel model0 = onFx(() -> vm().modelProperty().get());
      double zoom0 = onFx(() -> graph().zoom());
      Runnable why = () -> bigDirtyNodes(w.scene().getRoot());
      com.sun.javafx.tk.TKPulseListener ng = () -> bigDirtyRenderNodes(w.scene().getRoot());
      onFx(
          () -> {
            if (WHY) {
              w.scene().addPostLayoutPulseListener(why);
            }
            if (NG) {
              com.sun.javafx.tk.Toolkit.getToolkit().addPostSceneTkPulseListener(ng);
            }
            action.run();
            Platform.requestNextPulse();
            return null;
          });
      settle();
      if (WHY || NG) {
        onFx(
            () -> {
              w.scene().removePostLayoutPulseListener(why);
              com.sun.javafx.tk.Toolkit.getToolkit().removePostSceneTkPulseListener(ng);
              return null;
            });
      }
      long[] pool1 = pool();
      boolean relaid = onFx(() -> vm().modelProperty().get() != model0);
      boolean rezoomed = onFx(() -> graph().zoom() != zoom0);
      return new Cost(
          (THREADS.getThreadCpuTime(renderThread) - r0) / 1e6,
          (THREADS.getThreadCpuTime(fxThread) - x0) / 1e6,
          clock.frames() - f0,
          pool1[0] - pool0[0],
          (pool1[1] - pool0[1]) / 1e6,
          relaid,
          rezoomed);
    }

    /** A capture of the window as the screen shows it (dirty regions drawn, if asked). */
    private void capture(Path file) throws Exception {
      Files.createDirectories(file.toAbsolutePath().getParent());
      javafx.scene.image.WritableImage img =
          onFx(
              () -> {
                Stage s = w.stage();
                return new javafx.scene.robot.Robot()
                    .getScreenCapture(null, s.getX(), s.getY(), s.getWidth(), s.getHeight());
              });
      ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", file.toFile());
    }
  }

  private static final boolean WHY = Boolean.getBoolean("probe.why");
  private static final boolean ALL_DIRTY = Boolean.getBoolean("probe.allDirty");

  /**
   * Prints (standard error) the nodes about to be synchronised to the render graph this pulse whose
   * area is more than a tenth of the window: what makes a frame repaint a large region.
   */
  private static void bigDirtyNodes(javafx.scene.Parent root) {
    try {
      java.lang.reflect.Field bits = Node.class.getDeclaredField("dirtyBits");
      bits.setAccessible(true);
      List<Node> todo = new ArrayList<>(List.of(root));
      double big = root.getLayoutBounds().getWidth() * root.getLayoutBounds().getHeight() / 10;
      while (!todo.isEmpty()) {
        Node n = todo.remove(todo.size() - 1);
        Bounds b = n.localToScene(n.getBoundsInLocal());
        java.util.Set<?> d = (java.util.Set<?>) bits.get(n);
        boolean visual =
            d.stream()
                .map(Object::toString)
                .anyMatch(x -> !x.equals("NODE_BOUNDS") && !x.equals("NODE_TRANSFORMED_BOUNDS"));
        if (visual || !d.isEmpty() && (ALL_DIRTY || b.getWidth() * b.getHeight() > big)) {
          System.err.printf(
              Locale.ROOT,
              "@@ dirty %s #%s %s %s %.0fx%.0f at %.0f,%.0f%n",
              n.getClass().getSimpleName(),
              java.util.Objects.requireNonNullElse(
                  org.vfioworkbench.ui.graph.skin.SkinName.of(n), String.valueOf(n.getId())),
              n.getStyleClass(),
              d,
              b.getWidth(),
              b.getHeight(),
              b.getMinX(),
              b.getMinY());
        }
        if (n instanceof javafx.scene.Parent p) {
          todo.addAll(p.getChildrenUnmodifiable());
        }
      }
      System.err.println("@@ end of pulse");
    } catch (ReflectiveOperationException e) {
      System.err.println("@@ " + e);
    }
  }

  private static final boolean NG = Boolean.getBoolean("probe.ng");

  /**
   * Prints (standard error) the render-graph nodes that a frame about to be painted treats as dirty
   * as a whole and that cover more than a tenth of the window, and the groups past Prism's
   * threshold of dirty children (which then repaint whole): what makes a frame repaint a large
   * region although no scene node's visuals changed there. Runs after the scenes are synchronised,
   * before the frame is painted.
   */
  private static void bigDirtyRenderNodes(javafx.scene.Parent root) {
    try {
      java.lang.reflect.Field peer = Node.class.getDeclaredField("peer");
      peer.setAccessible(true);
      Class<?> ng = Class.forName("com.sun.javafx.sg.prism.NGNode");
      java.lang.reflect.Field dirty = ng.getDeclaredField("dirty");
      java.lang.reflect.Field acc = ng.getDeclaredField("dirtyChildrenAccumulated");
      java.lang.reflect.Field tb = ng.getDeclaredField("transformedBounds");
      dirty.setAccessible(true);
      acc.setAccessible(true);
      tb.setAccessible(true);
      double big = root.getLayoutBounds().getWidth() * root.getLayoutBounds().getHeight() / 10;
      List<Node> todo = new ArrayList<>(List.of(root));
      while (!todo.isEmpty()) {
        Node n = todo.remove(todo.size() - 1);
        if (!n.isVisible()) {
          continue; // not painted, nor anything below it
        }
        Object g = peer.get(n);
        if (g != null) {
          Object d = dirty.get(g);
          int a = acc.getInt(g);
          Object b = tb.get(g);
          Bounds sb = n.localToScene(n.getBoundsInLocal());
          boolean whole = !String.valueOf(d).equals("CLEAN");
          if ((whole && (ALL_DIRTY || sb.getWidth() * sb.getHeight() > big)) || a > 12) {
            System.err.printf(
                Locale.ROOT,
                "@@ ng %s #%s %s %s accumulated %d, render bounds %s%n",
                n.getClass().getSimpleName(),
                java.util.Objects.requireNonNullElse(
                    org.vfioworkbench.ui.graph.skin.SkinName.of(n), String.valueOf(n.getId())),
                n.getStyleClass(),
                d,
                a,
                b);
          }
        }
        if (n instanceof javafx.scene.Parent p) {
          todo.addAll(p.getChildrenUnmodifiable());
        }
      }
      System.err.println("@@ end of synchronised pulse");
    } catch (ReflectiveOperationException e) {
      System.err.println("@@ " + e);
    }
  }

  /** The effect image pool's counters: images checked out and their pixels (0 when unreadable). */
  private static long[] pool() {
    try {
      Class<?> c = Class.forName("com.sun.scenario.effect.impl.ImagePool");
      return new long[] {field(c, "numAccessed"), field(c, "pixelsAccessed")};
    } catch (ReflectiveOperationException | RuntimeException e) {
      return new long[] {0, 0};
    }
  }

  private static long field(Class<?> c, String name) throws ReflectiveOperationException {
    java.lang.reflect.Field f = c.getDeclaredField(name);
    f.setAccessible(true);
    return ((Number) f.get(null)).longValue();
  }

  /** Waits until the FX thread has had a few pulses with nothing queued (painting finished). */
  private static void settle() throws Exception {
    for (int i = 0; i < 4; i++) {
      Thread.sleep(60);
      onFx(() -> null);
    }
  }

  private static void print(String host, String step, List<Cost> c) {
    List<Double> render = c.stream().map(Cost::renderMs).toList();
    List<Double> fx = c.stream().map(Cost::fxMs).toList();
    List<Double> frames = c.stream().map(x -> (double) x.frames()).toList();
    List<Double> images = c.stream().map(x -> (double) x.images()).toList();
    List<Double> px = c.stream().map(Cost::mpixels).toList();
    System.out.println(
        String.format(
            Locale.ROOT,
            "| %s | %s | %d | %.1f / %.1f | %.1f / %.1f | %.0f | %.0f / %.0f | %.2f / %.2f |",
            host,
            step,
            c.size(),
            pct(render, 50),
            pct(render, 95),
            pct(fx, 50),
            pct(fx, 95),
            pct(frames, 50),
            pct(images, 50),
            pct(images, 95),
            pct(px, 50),
            pct(px, 95)));
    if (Boolean.getBoolean("probe.samples")) {
      System.out.println(
          "  render ms per step: "
              + render.stream().map(x -> String.format(Locale.ROOT, "%.0f", x)).toList()
              + "; images per step: "
              + images.stream().map(x -> String.format(Locale.ROOT, "%.0f", x)).toList()
              + "; graph laid out again / zoom changed: "
              + c.stream()
                  .map(x -> (x.relaid() ? "L" : "-") + (x.rezoomed() ? "Z" : "-"))
                  .toList());
    }
    System.out.flush();
  }
}
