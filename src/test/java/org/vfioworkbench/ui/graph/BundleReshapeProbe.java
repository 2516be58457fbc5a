package org.vfioworkbench.ui.graph;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vfioworkbench.engine.Analysis;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.ui.files.BuiltInSamples;
import org.vfioworkbench.ui.graph.skin.BundleSkin;
import org.vfioworkbench.ui.graph.skin.EdgeBundle;

/**
 * A probe, not a test: what reshaping the compact holders' bundles costs the thread that does it,
 * without a window (so the machine's load hardly matters), over the expands and collapses the
 * workbench benchmark makes: each collapsed subtree of a generated host's overview expanded and
 * collapsed again in turn, every layout made after the one before it, and every bundle shown
 * reshaped to the next layout's as the graph view does. Prints the thread's CPU time per toggle,
 * round by round (the JIT takes hundreds of toggles on this code), and the median of the rounds
 * after the first.
 *
 * <p>Usage: {@code BundleReshapeProbe [--size 10000] [--rounds 6]}; {@code -Dprobe.mode=equals}
 * times only the comparison that decides whether a bundle changed, {@code reshape} reshapes every
 * bundle whether or not it changed.
 */
public final class BundleReshapeProbe {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** both (as the view does), equals (only the comparison), reshape (every bundle, unasked). */
  private static final String MODE = System.getProperty("probe.mode", "both");

  private BundleReshapeProbe() {}

  public static void main(String[] args) {
    int size = 10000;
    int rounds = 6;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--size" -> size = Integer.parseInt(args[i + 1]);
        case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    Analysis a = Analysis.of(BuiltInSamples.largeHost(size));
    OverviewAsOpened overview = OverviewAsOpened.of(a);
    GraphModel shown = overview.layout();
    List<List<EdgeBundle>> steps = new ArrayList<>();
    steps.add(EdgeBundle.ofCompactHolders(shown));
    for (Bdf b : shown.collapsedBridges()) {
      GraphModel open = overview.expanding(b, shown.holdersX());
      steps.add(EdgeBundle.ofCompactHolders(open));
      shown = overview.layout(open.holdersX());
      steps.add(EdgeBundle.ofCompactHolders(shown));
    }
    List<Double> perToggle = new ArrayList<>();
    for (int round = 0; round <= rounds; round++) {
      Map<String, BundleSkin> skins = new HashMap<>();
      steps.get(0).forEach(bundle -> skins.put(bundle.holder(), new BundleSkin(bundle)));
      long cpu = THREADS.getCurrentThreadCpuTime();
      int reshaped = 0;
      for (List<EdgeBundle> step : steps.subList(1, steps.size())) {
        for (EdgeBundle bundle : step) {
          BundleSkin s = skins.get(bundle.holder());
          if (s == null) {
            continue;
          }
          boolean changed = MODE.equals("reshape") || !s.bundle().equals(bundle);
          if (changed && !MODE.equals("equals") && s.reshape(bundle)) {
            reshaped++;
          }
        }
      }
      double ms = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e6 / (steps.size() - 1);
      System.out.printf(
          Locale.ROOT,
          "round %d%s: %.3f ms of CPU per toggle, %d bundles reshaped over %d toggles%n",
          round,
          round == 0 ? " (warm-up)" : "",
          ms,
          reshaped,
          steps.size() - 1);
      if (round > 0) {
        perToggle.add(ms);
      }
    }
    perToggle.sort(null);
    System.out.printf(
        Locale.ROOT, "median: %.3f ms per toggle%n", perToggle.get(perToggle.size() / 2));
  }
}
