package org.vfioworkbench.ui;

import static org.vfioworkbench.ui.ProbeHarness.onFx;
import static org.vfioworkbench.ui.ProbeHarness.pct;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.ui.files.BuiltInSamples;
import org.vfioworkbench.ui.graph.GraphModel;
import org.vfioworkbench.ui.graph.TopologyGraphView;
import org.vfioworkbench.ui.state.ElementRef;

/**
 * A probe, not a test: what a click that opens holders' lanes costs in a big host's overview,
 * against one that does not. In the benchmark's 1600×1000 window, fitted, it selects a function
 * whose focus involves holders (so the overview is laid out again with their lanes open) and then
 * one whose focus involves none (so they close again), {@code --pairs} times, and prints the FX and
 * render threads' CPU time per selection, p50 / p90, from the selection until the window is quiet
 * again (the background layout and its frame included). Thread CPU time, so the load of the machine
 * inflates it less than the wall clock.
 *
 * <p>Usage (Xvfb, {@code -Dprism.order=sw}): {@code LaneClickProbe [--size 10000] [--pairs 40]}.
 */
public final class LaneClickProbe {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private LaneClickProbe() {}

  public static void main(String[] args) throws Exception {
    int size = 10000;
    int pairs = 40;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--size" -> size = Integer.parseInt(args[++i]);
        case "--pairs" -> pairs = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    long fx = ProbeHarness.startFx();
    ProbeHarness.Shown shown =
        ProbeHarness.show(
            Files.createTempDirectory("lane-click-probe"),
            BuiltInSamples.largeHost(size),
            1600,
            1000,
            false);
    WorkbenchWindow w = shown.window();
    Thread.sleep(1500);
    onFx(
        () -> {
          w.fitGraph();
          return null;
        });
    Thread.sleep(1000);
    long render = ProbeHarness.renderThread();
    TopologyGraphView g = onFx(shown::graph);
    List<Bdf> shownFns =
        onFx(
            () ->
                g.viewModel().modelProperty().get().functions().stream()
                    .map(GraphModel.FunctionNode::bdf)
                    .toList());
    Bdf lanes = null;
    Bdf plain = null;
    for (Bdf b : shownFns) {
      boolean involves =
          !org.vfioworkbench.ui.graph.Focus.of(w.state().results().analysis(), b)
              .holders()
              .isEmpty();
      if (involves && lanes == null) {
        lanes = b;
      } else if (!involves && plain == null && lanes != null) {
        plain = b;
      }
    }
    if (lanes == null || plain == null) {
      throw new IllegalStateException("no function shown whose focus opens lanes, and one not");
    }
    List<Double> opening = new ArrayList<>();
    List<Double> closing = new ArrayList<>();
    for (int i = 0; i < pairs + 5; i++) {
      double a = click(w, g, shown.clock(), lanes, fx, render);
      double b = click(w, g, shown.clock(), plain, fx, render);
      if (i >= 5) { // the first five pairs warm the path up
        opening.add(a);
        closing.add(b);
      }
    }
    System.out.printf(
        Locale.ROOT,
        "generated %d, %s opens lanes, %s closes them%n%n| click | CPU ms p50 / p90 |%n|---|---|%n"
            + "| opens lanes | %.1f / %.1f |%n| closes them | %.1f / %.1f |%n",
        size,
        lanes,
        plain,
        pct(opening, 50),
        pct(opening, 90),
        pct(closing, 50),
        pct(closing, 90));
    System.exit(0);
  }

  /**
   * Selects {@code bdf} and returns the two threads' CPU ms until its layout is shown and quiet.
   */
  private static double click(
      WorkbenchWindow w, TopologyGraphView g, FrameClock clock, Bdf bdf, long fx, long render)
      throws Exception {
    GraphModel before = onFx(() -> g.viewModel().modelProperty().get());
    long cpu = THREADS.getThreadCpuTime(fx) + THREADS.getThreadCpuTime(render);
    onFx(
        () -> {
          w.state().select(new ElementRef.FunctionRef(bdf));
          return null;
        });
    long until = System.nanoTime() + 10_000_000_000L;
    while (onFx(() -> g.viewModel().modelProperty().get()) == before && System.nanoTime() < until) {
      Thread.sleep(2);
    }
    long painted = clock.frames();
    while (clock.frames() == painted && System.nanoTime() < until) {
      Thread.sleep(2);
    }
    Thread.sleep(150);
    return (THREADS.getThreadCpuTime(fx) + THREADS.getThreadCpuTime(render) - cpu) / 1e6;
  }
}
