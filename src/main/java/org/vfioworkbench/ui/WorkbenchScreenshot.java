package org.vfioworkbench.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.ui.files.BuiltInSamples;
import org.vfioworkbench.ui.files.BundledSamples;
import org.vfioworkbench.ui.files.Sample;
import org.vfioworkbench.ui.graph.Focus;
import org.vfioworkbench.ui.graph.GraphLayout;
import org.vfioworkbench.ui.graph.GraphModel;
import org.vfioworkbench.ui.graph.PngExport;
import org.vfioworkbench.ui.graph.TopologyGraphView;
import org.vfioworkbench.ui.state.ElementRef;
import org.vfioworkbench.ui.task.FxTaskExecutor;
import org.vfioworkbench.ui.task.TaskExecutor;

/**
 * Renders the workbench on a sample and writes a PNG of the whole window: the README's pictures.
 * Usage: {@code WorkbenchScreenshot OUTPUT.png [SAMPLE [WIDTH HEIGHT]] [OPTION...]}; SAMPLE is the
 * index of a built-in sample (0 seed, 1 workstation, 2 the generated 2,000-function host), {@code
 * generated=N} (the generated host with about N functions), the start of a bundled sample's name
 * ({@code s25}) or a scenario file or host capture ({@code host.json}, {@code host.json.gz}).
 * Options: a view id brought to front ("explain"); {@code focus=BDF} selects a function (the
 * default selects 0000:02:00.0 when there is one), {@code focus=none} nothing, {@code
 * focus=blocked} the first open device whose natural hot reset fails (on a big host, the first
 * whose whole focus fits the view at a readable zoom); {@code dark} uses the dark theme, {@code
 * legend} shows the graph's legend, {@code expand=BDF[,BDF...]} opens those bridges' collapsed
 * subtrees in the graph, and {@code collapse=BDF[,BDF...]} closes those again once the expanded
 * graph is drawn. Run under Xvfb or Monocle.
 */
public final class WorkbenchScreenshot {

  private WorkbenchScreenshot() {}

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args.length > 0 ? args[0] : "assets/workbench.png");
    String sample = args.length > 1 ? args[1] : "0";
    List<String> options = Arrays.asList(args).subList(Math.min(args.length, 4), args.length);
    String focus =
        options.stream()
            .filter(o -> o.startsWith("focus="))
            .map(o -> o.substring(6))
            .findFirst()
            .orElse("0000:02:00.0");
    boolean dark = options.contains("dark");
    List<org.vfioworkbench.model.Bdf> expand = bdfs(options, "expand=");
    List<org.vfioworkbench.model.Bdf> collapse = bdfs(options, "collapse=");
    Path config = Files.createTempDirectory("workbench-shot");
    PaintSettings.apply();
    Platform.startup(() -> {});
    CompletableFuture<WorkbenchWindow> shown = new CompletableFuture<>();
    TaskExecutor executor = new FxTaskExecutor();
    executor.runOnUi(
        () -> {
          Stage stage = new Stage();
          WorkbenchWindow w = new WorkbenchWindow(stage, config, executor);
          if (sample.endsWith(".json") || sample.endsWith(".json.gz")) {
            w.openFile(Path.of(sample));
          } else {
            w.openSample(sample(sample));
          }
          if (dark) {
            Theme.DARK.apply(w.scene());
          }
          java.util.prefs.Preferences shotPrefs =
              java.util.prefs.Preferences.userRoot().node("org/vfioworkbench/screenshot-learn");
          org.vfioworkbench.ui.learn.LearnProgress progress =
              new org.vfioworkbench.ui.learn.LearnProgress(shotPrefs);
          progress.markWelcomeSeen();
          org.vfioworkbench.ui.learn.LearnPerspective.install(w, w::showView, progress);
          try {
            shotPrefs.removeNode();
          } catch (java.util.prefs.BackingStoreException e) {
            System.getLogger("vfio-workbench")
                .log(System.Logger.Level.DEBUG, "screenshot prefs: " + e);
          }
          stage.setWidth(args.length > 2 ? Double.parseDouble(args[2]) : 1600);
          stage.setHeight(args.length > 3 ? Double.parseDouble(args[3]) : 1000);
          stage.show();
          for (org.vfioworkbench.ui.docking.ViewId v :
              org.vfioworkbench.ui.docking.ViewId.values()) {
            if (options.contains(v.id())) {
              w.showView(v);
            }
          }
          if (options.contains("legend")
              && w.scene().lookup("#graph-legend-toggle")
                  instanceof javafx.scene.control.ToggleButton t) {
            t.setSelected(true);
          }
          shown.complete(w);
        });
    WorkbenchWindow w = shown.get(60, TimeUnit.SECONDS);
    Thread.sleep(2500);
    CompletableFuture<Void> selected = new CompletableFuture<>();
    executor.runOnUi(
        () -> {
          focus(w, focus).ifPresent(b -> w.state().select(new ElementRef.FunctionRef(b)));
          TopologyGraphView graph = graph(w);
          expand.forEach(b -> graph.viewModel().setCollapsed(b, false));
          selected.complete(null);
        });
    selected.get(30, TimeUnit.SECONDS);
    waitForGraph(w, executor);
    if (!collapse.isEmpty()) {
      Thread.sleep(1000);
      CompletableFuture<Void> closed = new CompletableFuture<>();
      executor.runOnUi(
          () -> {
            TopologyGraphView graph = graph(w);
            collapse.forEach(b -> graph.viewModel().setCollapsed(b, true));
            closed.complete(null);
          });
      closed.get(30, TimeUnit.SECONDS);
      waitForGraph(w, executor);
    }
    // The graph centres on the selection once its chip is drawn, and may rebuild at the new zoom.
    Thread.sleep(3000);
    CompletableFuture<Void> done = new CompletableFuture<>();
    executor.runOnUi(
        () -> {
          try {
            Files.createDirectories(out.toAbsolutePath().getParent());
            PngExport.write(w.scene().getRoot(), out, 1);
            done.complete(null);
          } catch (Exception e) {
            done.completeExceptionally(e);
          }
        });
    done.get(60, TimeUnit.SECONDS);
    Platform.exit();
  }

  /**
   * Waits (up to 60 s) until the graph shows the selected function's chip, or any graph when
   * nothing is selected: laying out a big host takes a while on a loaded machine.
   */
  static void waitForGraph(WorkbenchWindow w, TaskExecutor executor) throws Exception {
    for (int i = 0; i < 120; i++) {
      CompletableFuture<Boolean> ready = new CompletableFuture<>();
      executor.runOnUi(
          () -> {
            TopologyGraphView graph = graph(w);
            GraphModel m = graph.viewModel().modelProperty().get();
            ready.complete(
                m != null
                    && graph
                        .viewModel()
                        .selectedFunction()
                        .map(b -> m.function(b).isPresent())
                        .orElse(true));
          });
      if (ready.get(30, TimeUnit.SECONDS)) {
        return;
      }
      Thread.sleep(500);
    }
  }

  private static Sample sample(String key) {
    if (key.startsWith("generated=")) {
      return BuiltInSamples.generated(Integer.parseInt(key.substring("generated=".length())));
    }
    if (key.chars().allMatch(Character::isDigit)) {
      return BuiltInSamples.all().get(Integer.parseInt(key));
    }
    return BundledSamples.list().stream()
        .filter(s -> s.name().startsWith(key))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no bundled sample named " + key + "…"));
  }

  /**
   * Whether, once selected, {@code b}'s focus in the overview (its subtree expanded, its holders
   * with their lanes) fits a view of {@code w} by {@code h} graph units.
   */
  private static boolean focusFits(
      org.vfioworkbench.engine.Analysis a,
      java.util.Set<Bdf> opensCollapsed,
      java.util.Set<Bdf> opensFolded,
      Bdf b,
      double w,
      double h) {
    java.util.Set<Bdf> collapsed = new java.util.HashSet<>(opensCollapsed);
    java.util.Set<Bdf> folded = new java.util.HashSet<>(opensFolded);
    GraphLayout.reveal(a, b, collapsed, folded);
    Focus f = Focus.of(a, b);
    GraphModel m = GraphLayout.compute(a, collapsed, folded, x -> !f.holders().contains(x));
    Optional<org.vfioworkbench.ui.graph.Box> u = m.function(b).map(GraphModel.FunctionNode::box);
    for (GraphModel.FunctionNode n : m.functions()) {
      if (f.functions().contains(n.bdf())) {
        u = u.map(x -> x.union(n.box()));
      }
    }
    for (GraphModel.HolderNode n : m.holders()) {
      if (f.holders().contains(n.name())) {
        u = u.map(x -> x.union(n.box()));
      }
    }
    return u.isPresent() && u.get().w() + 48 <= w && u.get().h() + 48 <= h;
  }

  private static Optional<Bdf> focus(WorkbenchWindow w, String focus) {
    TopologyGraphView graph = graph(w);
    GraphModel m = graph.viewModel().modelProperty().get();
    if (m == null || focus.equals("none")) {
      return Optional.empty();
    }
    if (focus.equals("blocked")) {
      // The first open device whose natural hot reset the engine refuses; on a big host, the
      // first whose whole focus (scope, groups, holders' lanes) fits the view at a readable zoom.
      var a = w.state().results().analysis();
      List<Bdf> blocked =
          a.devices().keySet().stream()
              .filter(d -> a.verdictOn(d).map(v -> v.blocked()).orElse(false))
              .sorted()
              .toList();
      if (graph.viewModel().isOverview()) {
        // how the host opens, worked out once: each is a layout of the whole host
        java.util.Set<Bdf> collapsed = java.util.Set.copyOf(GraphLayout.defaultCollapsed(a));
        java.util.Set<Bdf> folded = java.util.Set.copyOf(GraphLayout.defaultFolded(a));
        for (Bdf b : blocked) {
          if (focusFits(a, collapsed, folded, b, graph.getWidth() / 0.8, graph.getHeight() / 0.8)) {
            return Optional.of(b);
          }
        }
      }
      return blocked.stream().findFirst();
    }
    Bdf b = Bdf.parse(focus);
    return w.state().topology().function(b).isPresent() ? Optional.of(b) : Optional.empty();
  }

  /** The functions named by the options that start with {@code key}, comma-separated. */
  private static List<org.vfioworkbench.model.Bdf> bdfs(List<String> options, String key) {
    return options.stream()
        .filter(o -> o.startsWith(key))
        .flatMap(o -> Arrays.stream(o.substring(key.length()).split(",")))
        .map(org.vfioworkbench.model.Bdf::parse)
        .toList();
  }

  /** The window's graph view. */
  static TopologyGraphView graph(WorkbenchWindow w) {
    return (TopologyGraphView) w.scene().lookup(".graph-view");
  }
}
