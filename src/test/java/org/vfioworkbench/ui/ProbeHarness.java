package org.vfioworkbench.ui;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.vfioworkbench.model.Topology;
import org.vfioworkbench.ui.files.BuiltInSamples;

/**
 * What the probes ({@link PaintProbe}, {@link SelectionProbe}) share: their {@code --sizes} option,
 * the hosts it names beside the seed sample, starting JavaFX, running a call on the FX thread and
 * waiting for its answer, and percentiles.
 */
final class ProbeHarness {

  private ProbeHarness() {}

  /** {@code --sizes 2000,10000}: the generated hosts' sizes; empty ({@code ''}) for none. */
  static List<Integer> sizes(String arg) {
    return java.util.Arrays.stream(arg.split(","))
        .filter(x -> !x.isBlank())
        .map(Integer::valueOf)
        .toList();
  }

  /** The seed sample (s19), the baseline, then a generated host of each size. */
  static Map<String, Topology> hosts(List<Integer> sizes) {
    Map<String, Topology> hosts = new LinkedHashMap<>();
    hosts.put("seed s19", BuiltInSamples.seedCase());
    for (int n : sizes) {
      hosts.put("generated " + n, BuiltInSamples.largeHost(n));
    }
    return hosts;
  }

  /** Starts JavaFX (kept running with no window) and returns the FX thread's id. */
  static long startFx() throws Exception {
    CompletableFuture<Long> id = new CompletableFuture<>();
    Platform.startup(() -> id.complete(Thread.currentThread().getId()));
    Platform.setImplicitExit(false);
    return id.get(60, TimeUnit.SECONDS);
  }

  /** Runs {@code c} on the FX thread and returns its answer (at most 120 s). */
  static <T> T onFx(Callable<T> c) throws Exception {
    CompletableFuture<T> f = new CompletableFuture<>();
    Platform.runLater(
        () -> {
          try {
            f.complete(c.call());
          } catch (Throwable e) {
            f.completeExceptionally(e);
          }
        });
    return f.get(120, TimeUnit.SECONDS);
  }

  /** The {@code p}th percentile (nearest rank); NaN for no values. */
  static double pct(List<Double> values, int p) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> s = new ArrayList<>(values);
    Collections.sort(s);
    return s.get(Math.max(0, Math.min(s.size() - 1, (int) Math.ceil(p / 100.0 * s.size()) - 1)));
  }
}
