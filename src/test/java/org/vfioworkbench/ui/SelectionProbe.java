package org.vfioworkbench.ui;

import static org.vfioworkbench.ui.ProbeHarness.onFx;
import static org.vfioworkbench.ui.ProbeHarness.pct;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.vfioworkbench.model.PciFunction;
import org.vfioworkbench.model.Topology;
import org.vfioworkbench.scenario.Scenario;
import org.vfioworkbench.ui.document.Document;
import org.vfioworkbench.ui.explain.ExplainView;
import org.vfioworkbench.ui.explain.ExplainViewModel;
import org.vfioworkbench.ui.explorer.ExplorerView;
import org.vfioworkbench.ui.explorer.ExplorerViewModel;
import org.vfioworkbench.ui.graph.TopologyGraphView;
import org.vfioworkbench.ui.graph.TopologyGraphViewModel;
import org.vfioworkbench.ui.info.InfoView;
import org.vfioworkbench.ui.info.InfoViewModel;
import org.vfioworkbench.ui.outcomes.ResetOutcomesView;
import org.vfioworkbench.ui.outcomes.ResetOutcomesViewModel;
import org.vfioworkbench.ui.problems.ProblemsView;
import org.vfioworkbench.ui.problems.ProblemsViewModel;
import org.vfioworkbench.ui.properties.PropertiesView;
import org.vfioworkbench.ui.properties.PropertiesViewModel;
import org.vfioworkbench.ui.state.ElementRef;
import org.vfioworkbench.ui.state.WorkbenchState;
import org.vfioworkbench.ui.task.FxTaskExecutor;
import org.vfioworkbench.ui.trace.TraceView;
import org.vfioworkbench.ui.trace.TraceViewModel;

/**
 * A probe, not a test: where a selection change goes outside the graph. For the seed sample and a
 * generated host it selects functions one after another (a) in the whole {@link WorkbenchWindow}
 * and (b) in a window holding one view alone over its own state, and prints per view the FX
 * thread's CPU time per selection: the listeners ({@code select}), the next pulse's CSS and layout,
 * and everything the FX thread did until it was idle again (run-laters of background results,
 * painting excluded: that runs on the render thread). Thread CPU time, so the load of the machine
 * does not inflate it.
 *
 * <p>Usage (Xvfb): {@code SelectionProbe [--sizes 2000] [--count 50]}.
 */
public final class SelectionProbe {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static volatile long fxThread;

  private SelectionProbe() {}

  public static void main(String[] args) throws Exception {
    List<Integer> sizes = List.of(2000);
    int count = 50;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--sizes" -> sizes = ProbeHarness.sizes(args[++i]);
        case "--count" -> count = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    fxThread = ProbeHarness.startFx();
    Map<String, Topology> hosts = ProbeHarness.hosts(sizes);
    Path config = Files.createTempDirectory("selection-probe");
    System.out.println(
        "| host | part | samples | select p50/p95 | pulse p50/p95 | FX total p50/p95 |");
    System.out.println("|---|---|---|---|---|---|");
    for (Map.Entry<String, Topology> h : hosts.entrySet()) {
      List<ElementRef> refs = refs(h.getValue(), count);
      // warm-up round, not printed
      probeWindow(config, h.getValue(), refs.subList(0, Math.min(10, refs.size())));
      print(h.getKey(), "whole window", probeWindow(config, h.getValue(), refs));
      for (Map.Entry<String, Function<WorkbenchState, Parent>> v : views().entrySet()) {
        probeAlone(h.getValue(), v.getValue(), refs.subList(0, Math.min(10, refs.size())));
        print(h.getKey(), v.getKey(), probeAlone(h.getValue(), v.getValue(), refs));
      }
    }
    Platform.exit();
    System.exit(0);
  }

  /** Functions to select, in turn: every function of a small host, spread over a big one. */
  private static List<ElementRef> refs(Topology t, int count) {
    List<PciFunction> fs = t.functions();
    List<ElementRef> out = new ArrayList<>();
    int step = Math.max(1, fs.size() / count);
    for (int i = 0; out.size() < count; i += step) {
      out.add(new ElementRef.FunctionRef(fs.get(i % fs.size()).bdf()));
    }
    return out;
  }

  private static Map<String, Function<WorkbenchState, Parent>> views() {
    Map<String, Function<WorkbenchState, Parent>> m = new LinkedHashMap<>();
    m.put("graph", s -> new TopologyGraphView(new TopologyGraphViewModel(s)));
    m.put("explorer", s -> new ExplorerView(new ExplorerViewModel(s)));
    m.put("properties", s -> new PropertiesView(new PropertiesViewModel(s)));
    m.put("info", s -> new InfoView(new InfoViewModel(s)));
    m.put("outcomes", s -> new ResetOutcomesView(new ResetOutcomesViewModel(s)));
    m.put("trace", s -> new TraceView(new TraceViewModel(s)));
    m.put("problems", s -> new ProblemsView(new ProblemsViewModel(s)));
    m.put("explain", s -> new ExplainView(new ExplainViewModel(s)));
    m.put("status bar", s -> new BorderPane(null, null, null, new StatusBar(s), null));
    return m;
  }

  /** Samples in ms: select, pulse, total. */
  private record Samples(List<Double> select, List<Double> pulse, List<Double> total) {}

  private static Samples probeWindow(Path config, Topology t, List<ElementRef> refs)
      throws Exception {
    WorkbenchWindow[] w = new WorkbenchWindow[1];
    onFx(
        () -> {
          Stage stage = new Stage();
          w[0] = new WorkbenchWindow(stage, config, new FxTaskExecutor());
          stage.setWidth(1600);
          stage.setHeight(1000);
          stage.show();
          w[0].state().open(Document.of("probe", Scenario.of(t), null));
          return null;
        });
    Samples s = run(w[0].state(), w[0].scene(), refs);
    onFx(
        () -> {
          w[0].stage().close();
          return null;
        });
    return s;
  }

  private static Samples probeAlone(
      Topology t, Function<WorkbenchState, Parent> view, List<ElementRef> refs) throws Exception {
    Object[] made = new Object[2];
    onFx(
        () -> {
          WorkbenchState state = new WorkbenchState(new FxTaskExecutor());
          Parent p = view.apply(state);
          Stage stage = new Stage();
          stage.setScene(new Scene(p, 700, 500));
          stage.show();
          state.open(Document.of("probe", Scenario.of(t), null));
          made[0] = state;
          made[1] = stage;
          return null;
        });
    Stage stage = (Stage) made[1];
    Samples s = run((WorkbenchState) made[0], stage.getScene(), refs);
    onFx(
        () -> {
          stage.close();
          return null;
        });
    return s;
  }

  private static Samples run(WorkbenchState state, Scene scene, List<ElementRef> refs)
      throws Exception {
    waitFor(() -> state.results() != null);
    settle();
    long[] pulse = new long[2];
    Runnable pre = () -> pulse[0] = cpu();
    Runnable post = () -> pulse[1] += cpu() - pulse[0];
    onFx(
        () -> {
          scene.addPreLayoutPulseListener(pre);
          scene.addPostLayoutPulseListener(post);
          return null;
        });
    List<Double> sel = new ArrayList<>();
    List<Double> pul = new ArrayList<>();
    List<Double> tot = new ArrayList<>();
    for (ElementRef r : refs) {
      if (r.equals(onFx(() -> state.selectionProperty().get()))) {
        continue;
      }
      long before = THREADS.getThreadCpuTime(fxThread);
      long took =
          onFx(
              () -> {
                pulse[1] = 0;
                long t0 = cpu();
                state.select(r);
                return cpu() - t0;
              });
      settle();
      long total = THREADS.getThreadCpuTime(fxThread) - before;
      sel.add(took / 1e6);
      pul.add(pulse[1] / 1e6);
      tot.add(total / 1e6);
    }
    onFx(
        () -> {
          scene.removePreLayoutPulseListener(pre);
          scene.removePostLayoutPulseListener(post);
          return null;
        });
    return new Samples(sel, pul, tot);
  }

  private static long cpu() {
    return THREADS.getCurrentThreadCpuTime();
  }

  /** Waits until the FX thread has had a few pulses and nothing queued (background work done). */
  private static void settle() throws Exception {
    for (int i = 0; i < 3; i++) {
      Thread.sleep(60);
      onFx(() -> null);
    }
  }

  private static void waitFor(Callable<Boolean> c) throws Exception {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (!onFx(c)) {
      if (System.nanoTime() > until) {
        throw new IllegalStateException("timed out");
      }
      Thread.sleep(50);
    }
  }

  private static void print(String host, String part, Samples s) {
    System.out.println(
        String.format(
            Locale.ROOT,
            "| %s | %s | %d | %.2f / %.2f | %.2f / %.2f | %.2f / %.2f |",
            host,
            part,
            s.select().size(),
            pct(s.select(), 50),
            pct(s.select(), 95),
            pct(s.pulse(), 50),
            pct(s.pulse(), 95),
            pct(s.total(), 50),
            pct(s.total(), 95)));
  }
}
