package org.vfioworkbench.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.vfioworkbench.model.Topology;
import org.vfioworkbench.scenario.Scenario;
import org.vfioworkbench.ui.docking.ViewId;
import org.vfioworkbench.ui.document.Document;
import org.vfioworkbench.ui.files.BuiltInSamples;
import org.vfioworkbench.ui.graph.GraphModel;
import org.vfioworkbench.ui.graph.TopologyGraphView;

/**
 * What the probes ({@link PaintProbe}, {@link LayerPaintProbe}, {@link SelectionProbe}) share:
 * their {@code --sizes} option, the hosts it names beside the seed sample, starting JavaFX, running
 * a call on the FX thread and waiting for its answer, a window showing a host with a frame clock on
 * it, the render thread, and percentiles.
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
    PaintSettings.apply();
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

  /** A probe's workbench window and the frame clock on its scene. */
  record Shown(WorkbenchWindow window, FrameClock clock) {

    TopologyGraphView graph() {
      return graphOf(window);
    }
  }

  /**
   * Opens a workbench window of {@code width} × {@code height} (dark when asked, the views named in
   * the system property {@code probe.close} closed), opens {@code t} in it, puts a frame clock on
   * its scene, and waits until its graph shows {@code t} with every chip drawn (at most 120 s).
   */
  static Shown show(Path config, Topology t, int width, int height, boolean dark) throws Exception {
    Shown shown =
        onFx(
            () -> {
              Stage stage = new Stage();
              WorkbenchWindow w = new WorkbenchWindow(stage, config);
              if (dark) {
                Theme.DARK.apply(w.scene());
              }
              stage.setWidth(width);
              stage.setHeight(height);
              stage.show();
              for (String v : System.getProperty("probe.close", "").split(",")) {
                for (ViewId id : ViewId.values()) {
                  if (id.id().equals(v)) {
                    w.docking().close(id);
                  }
                }
              }
              w.state().open(Document.of("probe", Scenario.of(t), null));
              return new Shown(w, FrameClock.on(w.scene()));
            });
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (!onFx(() -> shows(shown.window(), t))) {
      if (System.nanoTime() > until) {
        throw new IllegalStateException("the graph was not drawn within 120 s");
      }
      Thread.sleep(100);
    }
    return shown;
  }

  /** Whether {@code w}'s graph shows {@code t}: its results are of it and every chip is drawn. */
  private static boolean shows(WorkbenchWindow w, Topology t) {
    TopologyGraphView g = graphOf(w);
    GraphModel m = g == null ? null : g.viewModel().modelProperty().get();
    return w.state().results() != null
        && w.state().results().analysis().topology() == t
        && m != null
        && !m.functions().isEmpty()
        && g.chipCount() == m.functions().size();
  }

  static TopologyGraphView graphOf(WorkbenchWindow w) {
    return (TopologyGraphView) w.scene().lookup(".graph-view");
  }

  /** The id of JavaFX's render thread ({@code QuantumRenderer-0}: the software painting). */
  static long renderThread() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("QuantumRenderer"))
        .mapToLong(Thread::getId)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no QuantumRenderer thread"));
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

  /** The transform from scene coordinates into {@code n}'s own. */
  static javafx.scene.transform.Transform sceneToLocal(javafx.scene.Node n) {
    try {
      return n.getLocalToSceneTransform().createInverse();
    } catch (javafx.scene.transform.NonInvertibleTransformException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code n}'s opacity times every ancestor's: how opaque it is drawn. */
  static double opacityOnScreen(javafx.scene.Node n) {
    double a = 1;
    for (javafx.scene.Node at = n; at != null; at = at.getParent()) {
      a *= at.getOpacity();
    }
    return a;
  }
}
