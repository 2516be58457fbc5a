package org.vfioworkbench.ui;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.event.Event;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.stage.Stage;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.Topology;
import org.vfioworkbench.scenario.Scenario;
import org.vfioworkbench.scenario.ScenarioWriter;
import org.vfioworkbench.ui.docking.ViewId;
import org.vfioworkbench.ui.files.BuiltInSamples;
import org.vfioworkbench.ui.graph.GraphModel;
import org.vfioworkbench.ui.graph.TopologyGraphView;
import org.vfioworkbench.ui.graph.TopologyGraphViewModel;
import org.vfioworkbench.ui.state.ElementRef;

/**
 * A benchmark run, not a test: how long the workbench takes to show a big host and how long its
 * frames take, each clock stopping after the frame is painted ({@link FrameClock}), beside
 * baselines measured in the same run on the seed sample. Prints a Markdown table on standard output
 * (progress on standard error) for docs/performance.md; {@code .ci/benchmarks.sh --only workbench}
 * runs it under Xvfb.
 *
 * <p>For every host size (the generated host of {@link BuiltInSamples#largeHost}: 2,000 and 10,000
 * functions by default), saved as a scenario file first:
 *
 * <ul>
 *   <li><b>first frame from File › Open</b>: {@code openFile} (what File › Open does once the
 *       chooser returns) to the first painted frame that shows the host's graph: reading the file,
 *       the engine, the layout and the first paint, in a window that showed the seed sample;
 *   <li><b>first frame from process start</b>: a child JVM started as {@code java … Launcher FILE}
 *       (the jar's entry point) prints a line when its first frame with the graph is painted; the
 *       time runs from just before the process is started to that line;
 *   <li><b>memory</b> of that child's window with the host shown: heap used after full GCs, and its
 *       resident set size;
 *   <li>with {@code --child-app APPDIR} (an app image, packaging/build.sh), the same again as the
 *       package starts the workbench: the image's own runtime, its jar first on the class path, and
 *       its CDS archive for the workbench when there is one (lib/app/vfio-workbench-gui.jsa, as
 *       packaging/app-launcher.sh names it);
 *   <li><b>frames</b> (p50/p95/max): expanding a collapsed subtree (and collapsing it again),
 *       selecting a function with a click, a drag of a function over a holder's lane (one event per
 *       frame) and undoing/redoing the drop (an ownership edit).
 * </ul>
 *
 * A watchdog ends the run with exit status 3 and a message naming the step (and the FX thread's
 * stack) when the whole run exceeds {@code --timeout} seconds; a single step that shows no painted
 * frame within 60 s fails the run the same way.
 *
 * <p>Usage: {@code WorkbenchBenchmark [--sizes 2000,10000] [--steps 120] [--repeat 20] [--timeout
 * 1200] [--no-child] [--child-app APPDIR] [--warm 20]}: {@code --warm} expands (each collapsed
 * again) on each host before the measured ones, reported in rows of their own.
 */
public final class WorkbenchBenchmark {

  private static final long STEP_TIMEOUT_MS = 60_000;
  private static final int WIDTH = 1600;
  private static final int HEIGHT = 1000;

  private static volatile String phase = "start";

  private WorkbenchBenchmark() {}

  public static void main(String[] args) {
    try {
      if (args.length > 0 && args[0].equals("--child")) {
        Child.main(args);
        return;
      }
      run(args);
    } catch (Throwable e) {
      System.err.println("workbench benchmark: FAILED during " + phase + ": " + e);
      e.printStackTrace();
      Runtime.getRuntime().halt(2);
    }
  }

  private static void run(String[] args) throws Exception {
    List<Integer> sizes = List.of(2000, 10000);
    int steps = 120;
    int repeat = 20;
    long timeoutS = 1200;
    boolean child = true;
    Path childApp = null;
    int warm = 20;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--sizes" ->
            sizes = java.util.Arrays.stream(args[++i].split(",")).map(Integer::valueOf).toList();
        case "--steps" -> steps = Integer.parseInt(args[++i]);
        case "--repeat" -> repeat = Integer.parseInt(args[++i]);
        case "--timeout" -> timeoutS = Long.parseLong(args[++i]);
        case "--no-child" -> child = false;
        case "--child-app" -> childApp = Path.of(args[++i]).toAbsolutePath();
        case "--warm" -> warm = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    watchdog(timeoutS);
    Path dir = Files.createTempDirectory("workbench-bench");
    Map<String, Host> hosts = new LinkedHashMap<>();
    hosts.put("seed", host(dir, "seed s19 (baseline)", BuiltInSamples.seedCase()));
    for (int n : sizes) {
      hosts.put(String.valueOf(n), host(dir, "generated " + n, BuiltInSamples.largeHost(n)));
    }
    PaintSettings.apply();
    Platform.startup(() -> {});
    Bench b = Bench.open(dir);
    b.warmUp = host(dir, "warm-up generated 300", BuiltInSamples.largeHost(300));
    b.openedFrom = hosts.get("seed");
    b.warmToggles = warm;
    List<Row> rows = new ArrayList<>();
    for (Host h : hosts.values()) {
      phase = "File › Open of " + h.name();
      rows.addAll(b.measure(h, steps, repeat));
    }
    Platform.runLater(b.clock::close);
    print(rows, List.of(), hosts.get("seed").name());
    List<Row> starts = new ArrayList<>();
    if (child) {
      for (Host h : hosts.values()) {
        phase = "process start with " + h.name();
        starts.add(childStart(h, dir, null));
      }
      if (childApp != null) {
        for (Host h : hosts.values()) {
          phase = "process start of the app image with " + h.name();
          starts.add(childStart(h, dir, childApp));
        }
      }
    }
    print(List.of(), starts, hosts.get("seed").name());
    Platform.exit();
    System.exit(0);
  }

  /** A host saved as a scenario file. */
  private record Host(String name, Topology topology, Path file) {}

  private static Host host(Path dir, String name, Topology t) throws Exception {
    Path file = dir.resolve(name.replace(' ', '-').replaceAll("[()]", "") + ".json");
    ScenarioWriter.save(new Scenario(name, name, Optional.empty(), t, List.of()), file);
    return new Host(name, t, file);
  }

  /**
   * One measured row: {@code values} are milliseconds of latency (or MiB for memory rows), one per
   * sample; {@code work}, {@code cpu} and {@code render} the same samples' work, CPU and render
   * thread's CPU times ({@link FrameClock.Timing}), empty where there are none; {@code skins} the
   * graph skins each step made (a count the machine's load does not change).
   */
  private record Row(
      String host,
      String what,
      List<Double> values,
      List<Double> work,
      List<Double> cpu,
      List<Double> render,
      List<Integer> skins,
      List<Boolean> painted) {

    static Row timed(String host, String what, List<FrameClock.Timing> t, List<Integer> skins) {
      return new Row(
          host,
          what,
          t.stream().map(FrameClock.Timing::latency).toList(),
          t.stream().map(FrameClock.Timing::work).toList(),
          t.stream().map(FrameClock.Timing::cpu).toList(),
          t.stream().map(FrameClock.Timing::renderCpu).toList(),
          skins,
          t.stream().map(FrameClock.Timing::painted).toList());
    }

    /** The {@code p}th percentile of the CPU times, as text ("n/a" where not measured). */
    String cpuPct(int p) {
      List<Double> known = cpu.stream().filter(x -> !x.isNaN()).toList();
      return known.isEmpty() ? "n/a" : String.format(Locale.ROOT, "%.1f", pct(known, p));
    }

    String skinsPerStep() {
      return skins.isEmpty()
          ? "n/a"
          : String.format(
              Locale.ROOT, "%.1f", skins.stream().mapToInt(Integer::intValue).average().orElse(0));
    }

    double pct(int p) {
      return pct(values, p);
    }

    static double pct(List<Double> values, int p) {
      List<Double> s = new ArrayList<>(values);
      Collections.sort(s);
      return s.get(Math.max(0, Math.min(s.size() - 1, (int) Math.ceil(p / 100.0 * s.size()) - 1)));
    }

    double max() {
      return Collections.max(values);
    }
  }

  /** The window of the in-process measurements. */
  private static final class Bench {
    private final WorkbenchWindow w;
    private final FrameClock clock;
    private Host warmUp;

    /** Expands (each collapsed again) made on a host before its measured ones, not measured. */
    private int warmToggles;

    /**
     * The sample the window shows when each bigger host is opened (not timed): the view keeps a
     * skin for every element a new layout still has, so opening one generated host over another
     * would lend it the skins of every function both have, and its first frame would not be a first
     * frame.
     */
    private Host openedFrom;

    private Bench(WorkbenchWindow w, FrameClock clock) {
      this.w = w;
      this.clock = clock;
    }

    static Bench open(Path dir) throws Exception {
      CompletableFuture<Bench> made = new CompletableFuture<>();
      Platform.runLater(
          () -> {
            try {
              Stage stage = new Stage();
              WorkbenchWindow w = new WorkbenchWindow(stage, dir.resolve("config"));
              stage.setWidth(WIDTH);
              stage.setHeight(HEIGHT);
              stage.show();
              made.complete(new Bench(w, FrameClock.on(w.scene())));
            } catch (Exception e) {
              made.completeExceptionally(e);
            }
          });
      Bench b = made.get(60, TimeUnit.SECONDS);
      if (Boolean.getBoolean("bench.cssAfterLayout")) {
        CssAfterLayout watch =
            b.onFx(
                () ->
                    CssAfterLayout.on(
                        b.w.scene(),
                        () ->
                            phase.replaceAll(
                                "\\p{XDigit}{4}:\\p{XDigit}{2}:\\p{XDigit}{2}\\.[0-7]", "BDF")));
        Runtime.getRuntime()
            .addShutdownHook(
                new Thread(
                    () ->
                        watch
                            .seen()
                            .forEach(
                                (k, v) -> say("CSS left after layout, " + v + " pulses: " + k))));
      }
      Thread.sleep(1000);
      if (Boolean.getBoolean("bench.trace")) {
        b.onFx(
            () -> {
              b.vm()
                  .modelProperty()
                  .addListener(
                      (o, x, y) ->
                          Platform.runLater(
                              () ->
                                  say(
                                      String.format(
                                          Locale.ROOT,
                                          "graph laid out again during %s, zoom now %.3f",
                                          phase,
                                          b.graph().zoom()))));
              return null;
            });
      }
      return b;
    }

    private TopologyGraphView graph;

    /**
     * The window's graph view, looked up again only when it has left the scene: a lookup walks the
     * whole scene graph matching a selector, and the steps' checks ask for the view on the FX
     * thread between frames.
     */
    TopologyGraphView graph() {
      if (graph == null || graph.getScene() != w.scene()) {
        graph = (TopologyGraphView) w.scene().lookup(".graph-view");
      }
      return graph;
    }

    TopologyGraphViewModel vm() {
      return graph().viewModel();
    }

    /** Whether the graph shows {@code t}: its model is of it and every chip of it is drawn. */
    boolean shows(Topology t) {
      GraphModel m = vm().modelProperty().get();
      return w.state().results() != null
          && w.state().results().analysis().topology() == t
          && m != null
          && m.functions().size() == graph().chipCount()
          && !m.functions().isEmpty()
          && t.function(m.functions().get(0).bdf()).isPresent();
    }

    /** What the window shows, for a failure message. */
    private String describe() {
      GraphModel m = vm().modelProperty().get();
      var r = w.state().results();
      return "document "
          + w.state().documentNameProperty().get()
          + ", "
          + (r == null ? "no results" : r.analysis().topology().functions().size() + " functions")
          + ", graph "
          + (m == null ? "none" : m.functions().size() + " function nodes")
          + ", "
          + graph().chipCount()
          + " chips; shows: "
          + (r != null && shows(r.analysis().topology()))
          + "; status: "
          + w.statusMessage();
    }

    <T> T onFx(java.util.concurrent.Callable<T> c) throws Exception {
      CompletableFuture<T> f = new CompletableFuture<>();
      Platform.runLater(
          () -> {
            try {
              f.complete(c.call());
            } catch (Exception e) {
              f.completeExceptionally(e);
            }
          });
      return f.get(STEP_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    }

    /** Graph skins made by each step timed since the last {@link #skinsMade()} (not timed). */
    private final List<Integer> skinsMade = new ArrayList<>();

    /** The skins each step made since the last call, and starts counting anew. */
    List<Integer> skinsMade() {
      List<Integer> l = List.copyOf(skinsMade);
      skinsMade.clear();
      return l;
    }

    FrameClock.Timing time(String what, Runnable action, BooleanSupplier shown) throws Exception {
      phase = what;
      try {
        int before = onFx(() -> graph().skinsCreated());
        FrameClock.Timing t = clock.time(what, action, shown, STEP_TIMEOUT_MS);
        skinsMade.add(onFx(() -> graph().skinsCreated()) - before);
        return t;
      } catch (TimeoutException e) {
        throw new TimeoutException(e.getMessage() + "; the window shows " + onFx(this::describe));
      }
    }

    List<Row> measure(Host h, int steps, int repeat) throws Exception {
      List<Row> rows = new ArrayList<>();
      say("opening " + h.name());
      if (warmUp != null) {
        // The first open also warms the code paths: a different file, not kept.
        openTimed(warmUp);
        warmUp = null;
      }
      if (openedFrom != null && h != openedFrom) {
        openTimed(openedFrom);
      }
      skinsMade();
      FrameClock.Timing open = openTimed(h);
      rows.add(Row.timed(h.name(), "first frame from File › Open", List.of(open), skinsMade()));
      Thread.sleep(500);
      onFx(
          () -> {
            w.fitGraph();
            return null;
          });
      Thread.sleep(300);
      rows.addAll(expand(h, repeat, warmToggles));
      Row select = select(h, repeat * 2);
      series(select);
      rows.add(select);
      rows.addAll(dragAndDrop(h, steps, repeat));
      return rows;
    }

    private FrameClock.Timing openTimed(Host h) throws Exception {
      GraphModel[] before = new GraphModel[1];
      Object[] beforeResults = new Object[1];
      return time(
          "File › Open of " + h.name(),
          () -> {
            before[0] = vm().modelProperty().get();
            beforeResults[0] = w.state().results();
            w.openFile(h.file());
          },
          () ->
              vm().modelProperty().get() != before[0]
                  && w.state().results() != beforeResults[0]
                  && w.state().results() != null
                  && w.state().results().analysis().topology().functions().size()
                      == h.topology().functions().size()
                  && shows(w.state().results().analysis().topology()));
    }

    /**
     * Expands collapsed subtrees one after another, collapsing each again: first {@code warm} of
     * them as a warm-up (other subtrees than the measured ones where the host has enough; their
     * rows are reported apart, not in the targets), then {@code repeat} measured ones. The JIT
     * compiles the expand path over the first dozen or so expands (in one run the first ten took
     * 50&ndash;150 ms of work and later ones 15&ndash;35 ms); every step's times are logged in
     * order, so the series shows where steady state begins.
     */
    private List<Row> expand(Host h, int repeat, int warm) throws Exception {
      List<Bdf> collapsed = onFx(() -> vm().modelProperty().get().collapsedBridges());
      if (collapsed.isEmpty()) {
        return List.of();
      }
      List<Bdf> measured = collapsed.subList(0, Math.min(repeat, collapsed.size()));
      List<Bdf> others = collapsed.subList(measured.size(), collapsed.size());
      List<Bdf> warming = new ArrayList<>();
      for (int i = 0; i < warm; i++) {
        warming.add(
            others.isEmpty() ? measured.get(i % measured.size()) : others.get(i % others.size()));
      }
      List<Row> rows = new ArrayList<>();
      if (!warming.isEmpty()) {
        rows.addAll(toggles(h, warming, " (warm-up, first after opening)"));
      }
      rows.addAll(toggles(h, measured, ""));
      return rows;
    }

    private List<Row> toggles(Host h, List<Bdf> bridges, String suffix) throws Exception {
      List<FrameClock.Timing> ex = new ArrayList<>();
      List<FrameClock.Timing> co = new ArrayList<>();
      List<Integer> exSkins = new ArrayList<>();
      List<Integer> coSkins = new ArrayList<>();
      skinsMade();
      laidOutAtOnce = 0;
      double zoomBefore = onFx(() -> graph().zoom());
      for (Bdf b : bridges) {
        ex.add(toggle(h, b, false));
        exSkins.addAll(skinsMade());
        co.add(toggle(h, b, true));
        coSkins.addAll(skinsMade());
      }
      Row expand = Row.timed(h.name(), "expand a collapsed subtree" + suffix, ex, exSkins);
      Row collapse = Row.timed(h.name(), "collapse it again" + suffix, co, coSkins);
      series(expand);
      series(collapse);
      say(
          h.name()
              + suffix
              + ": "
              + laidOutAtOnce
              + " of "
              + (ex.size() + co.size())
              + " expands and collapses laid out at once, the others in the background; zoom "
              + String.format("%.3f", zoomBefore)
              + " before the series, "
              + String.format("%.3f", onFx(() -> graph().zoom()))
              + " after it");
      return List.of(expand, collapse);
    }

    /** How many toggles of the current series showed a new layout before their action returned. */
    private int laidOutAtOnce;

    private FrameClock.Timing toggle(Host h, Bdf bridge, boolean collapse) throws Exception {
      GraphModel[] before = new GraphModel[1];
      return time(
          (collapse ? "collapse " : "expand ") + bridge + " on " + h.name(),
          () -> {
            before[0] = vm().modelProperty().get();
            vm().setCollapsed(bridge, collapse);
            if (vm().modelProperty().get() != before[0]) {
              laidOutAtOnce++;
            }
          },
          () ->
              vm().modelProperty().get() != before[0]
                  && vm().isCollapsed(bridge) == collapse
                  && graph().chipCount() == vm().modelProperty().get().functions().size());
    }

    /** Clicks function chips one after another (press and release on the chip). */
    private Row select(Host h, int count) throws Exception {
      List<Node> chips =
          onFx(
              () ->
                  vm().modelProperty().get().functions().stream()
                      .limit(count)
                      .map(f -> chip(f.bdf()))
                      .toList());
      List<FrameClock.Timing> t = new ArrayList<>();
      skinsMade();
      for (int i = 0; i < count && chips.size() > 1; i++) {
        Node chip = chips.get(i % chips.size());
        Bdf bdf = Bdf.parse(org.vfioworkbench.ui.graph.skin.SkinName.of(chip).substring(3));
        if (onFx(
            () -> new ElementRef.FunctionRef(bdf).equals(w.state().selectionProperty().get()))) {
          continue; // already selected: a click changes nothing
        }
        Bounds at = onFx(() -> chip.localToScene(chip.getBoundsInLocal()));
        t.add(
            time(
                "select " + bdf + " on " + h.name(),
                () -> {
                  fire(chip, MouseEvent.MOUSE_PRESSED, at.getCenterX(), at.getCenterY());
                  fire(chip, MouseEvent.MOUSE_RELEASED, at.getCenterX(), at.getCenterY());
                },
                () ->
                    w.state().selectionProperty().get() instanceof ElementRef.FunctionRef f
                        && f.bdf().equals(bdf)));
      }
      return Row.timed(h.name(), "select a function (click)", t, skinsMade());
    }

    /**
     * Not timed: a big host opens as an overview (vfio functions inside collapsed subtrees, holders
     * one line without lanes), so select an open vfio device the way the Explorer does, which
     * expands its subtree and opens its holders' lanes, and wait until both are drawn.
     */
    private void showAnOpenDevice() throws Exception {
      Bdf open =
          onFx(
              () ->
                  w.state().results().analysis().devices().values().stream()
                      .filter(d -> d.isOpen())
                      .map(d -> d.bdf())
                      .findFirst()
                      .orElseThrow(() -> new IllegalStateException("no open vfio device")));
      onFx(
          () -> {
            w.state().select(new ElementRef.FunctionRef(open));
            return null;
          });
      waitFor(
          "selecting " + open + " to draw its chip and a lane",
          () -> chip(open) != null && !w.scene().getRoot().lookupAll(".lane").isEmpty());
    }

    /** Polls {@code done} on the FX thread until it holds; fails after the step timeout. */
    private void waitFor(String what, BooleanSupplier done) throws Exception {
      long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STEP_TIMEOUT_MS);
      while (!onFx(done::getAsBoolean)) {
        if (System.nanoTime() > until) {
          throw new IllegalStateException("timed out waiting for " + what);
        }
        Thread.sleep(50);
      }
    }

    /**
     * Undo and redo of the drop again, with the Reset outcomes view brought to front (where the
     * default layout has it): the clock stops once the table holds the rows of the new state (its
     * whole-host table is the costliest derivation).
     */
    private Row undoRedoWithOutcomesShown(Host h, int repeat) throws Exception {
      TableView<?> table =
          onFx(
              () -> {
                w.showView(ViewId.OUTCOMES);
                return (TableView<?>) w.scene().lookup("#reset-outcomes");
              });
      int[] changes = new int[1];
      onFx(
          () -> {
            table.getItems().addListener((ListChangeListener<Object>) c -> changes[0]++);
            return null;
          });
      waitFor("the outcome table of " + h.name(), () -> !table.getItems().isEmpty());
      List<FrameClock.Timing> edits =
          undoRedo(
              "with the outcomes shown on " + h.name(),
              repeat,
              () -> {
                int before = changes[0];
                return () -> changes[0] != before;
              });
      return Row.timed(
          h.name(), "undo/redo, Reset outcomes shown (until its table is new)", edits, skinsMade());
    }

    /**
     * Undoes and redoes the last edit {@code repeat} times in turn, each timed until the condition
     * {@code replaced} makes just before it (on the FX thread, with the action) holds: what the
     * step waits for has been replaced.
     */
    private List<FrameClock.Timing> undoRedo(
        String where, int repeat, Supplier<BooleanSupplier> replaced) throws Exception {
      List<FrameClock.Timing> edits = new ArrayList<>();
      BooleanSupplier[] done = new BooleanSupplier[1];
      for (int i = 0; i < repeat; i++) {
        boolean undo = i % 2 == 0;
        edits.add(
            time(
                (undo ? "undo " : "redo ") + where,
                () -> {
                  done[0] = replaced.get();
                  if (undo) {
                    w.state().commands().undo();
                  } else {
                    w.state().commands().redo();
                  }
                },
                () -> done[0].getAsBoolean()));
      }
      if (repeat % 2 == 1) {
        // An odd count ends on an undo: redo it, unrecorded, so the next series (which starts by
        // undoing) undoes the same edit rather than what came before it, and has something to show.
        onFx(
            () -> {
              w.state().commands().redo();
              return null;
            });
        waitFor(
            where + ": the redo after an odd count",
            () -> !w.state().commands().canRedoProperty().get());
        Thread.sleep(500);
      }
      return edits;
    }

    private Node chip(Bdf bdf) {
      return graph().chipNode(bdf).orElse(null);
    }

    /** Drags a vfio function over a holder's lane, drops it there, then undoes and redoes. */
    private List<Row> dragAndDrop(Host h, int steps, int repeat) throws Exception {
      showAnOpenDevice();
      LaneDragPath path = LaneDragPath.bringIntoView(graph(), this::onFx, h.name());
      say(h.name() + ": drag " + path.describe() + " at zoom " + onFx(() -> graph().zoom()));
      Node[] n = {path.chip(), path.lane()};
      Bounds a = path.from();
      Bounds b = path.to();
      onFx(
          () -> {
            fire(n[0], MouseEvent.MOUSE_PRESSED, a.getCenterX(), a.getCenterY());
            // past the drag threshold: the drag starts (not timed)
            fire(n[0], MouseEvent.MOUSE_DRAGGED, a.getCenterX() + 6, a.getCenterY() + 6);
            return null;
          });
      Thread.sleep(200);
      List<FrameClock.Timing> frames = new ArrayList<>();
      skinsMade();
      for (int i = 1; i <= steps; i++) {
        double t = (double) i / steps;
        double x = a.getCenterX() + (b.getCenterX() - a.getCenterX()) * t;
        double y = a.getCenterY() + (b.getCenterY() - a.getCenterY()) * t;
        frames.add(
            time(
                "drag step " + i + " on " + h.name(),
                () -> fire(n[0], MouseEvent.MOUSE_DRAGGED, x, y),
                () -> true));
      }
      List<Row> rows = new ArrayList<>();
      rows.add(Row.timed(h.name(), "drag over a lane (one event per frame)", frames, skinsMade()));
      GraphModel[] before = new GraphModel[1];
      int[] revision = new int[1];
      FrameClock.Timing drop =
          time(
              "drop on " + h.name(),
              () -> {
                before[0] = vm().modelProperty().get();
                revision[0] = w.state().commands().revisionProperty().get();
                fire(n[0], MouseEvent.MOUSE_RELEASED, b.getCenterX(), b.getCenterY());
              },
              // the drag has ended; an edit made shows once the graph is re-laid out
              () ->
                  vm().draggedProperty().get() == null
                      && (w.state().commands().revisionProperty().get() == revision[0]
                          || vm().modelProperty().get() != before[0]));
      if (!onFx(() -> w.state().commands().canUndoProperty().get())) {
        // the drop was refused: no edit to undo
        rows.add(Row.timed(h.name(), "drop (refused, no edit)", List.of(drop), skinsMade()));
        return rows;
      }
      rows.add(
          Row.timed(
              h.name(), "drop: ownership edit, re-layout, repaint", List.of(drop), skinsMade()));
      List<FrameClock.Timing> edits =
          undoRedo(
              "on " + h.name(),
              repeat,
              () -> {
                GraphModel shown = vm().modelProperty().get();
                return () -> vm().modelProperty().get() != shown;
              });
      rows.add(Row.timed(h.name(), "undo/redo of the drop (ownership edit)", edits, skinsMade()));
      series(rows.get(rows.size() - 1));
      rows.add(undoRedoWithOutcomesShown(h, repeat));
      series(rows.get(rows.size() - 1));
      return rows;
    }
  }

  /**
   * Starts the workbench in a child JVM on {@code h}'s file and times process start to the first
   * painted frame with the graph; the child also reports its memory.
   */
  private static Row childStart(Host h, Path dir, Path app) throws Exception {
    say("process start with " + h.name() + (app == null ? "" : " from " + app));
    String java =
        app == null
            ? ProcessHandle.current().info().command().orElse("java")
            : app.resolve("lib/runtime/bin/java").toString();
    String classPath = System.getProperty("java.class.path");
    List<String> cmd = new ArrayList<>();
    cmd.add(java);
    String what = h.name();
    if (app != null) {
      Path jar = app.resolve("lib/app/vfio-workbench.jar");
      Path jsa = app.resolve("lib/app/vfio-workbench-gui.jsa");
      classPath = jar + System.getProperty("path.separator") + classPath;
      boolean archived =
          Files.isReadable(jsa)
              && !Files.getLastModifiedTime(jar)
                  .toInstant()
                  .isAfter(Files.getLastModifiedTime(jsa).toInstant());
      if (archived) {
        cmd.add("-XX:SharedArchiveFile=" + jsa);
      }
      what += archived ? ", app image with its CDS archive" : ", app image (no CDS archive)";
    }
    for (String p :
        List.of(
            "prism.order",
            "prism.forceGPU",
            "glass.platform",
            "monocle.platform",
            "java.awt.headless")) {
      if (System.getProperty(p) != null) {
        cmd.add("-D" + p + "=" + System.getProperty(p));
      }
    }
    cmd.add("-Dvfio.workbench.config=" + dir.resolve("child-config"));
    cmd.add("-Djava.util.prefs.userRoot=" + dir.resolve("child-prefs"));
    cmd.addAll(
        List.of(
            "-cp",
            classPath,
            WorkbenchBenchmark.class.getName(),
            "--child",
            h.file().toString(),
            String.valueOf(h.topology().functions().size())));
    long t0 = System.nanoTime();
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    CompletableFuture<Double> painted = new CompletableFuture<>();
    CompletableFuture<double[]> memory = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                  if (line.startsWith("painted ")) {
                    painted.complete((System.nanoTime() - t0) / 1e6);
                  } else if (line.startsWith("memory ")) {
                    String[] v = line.split(" ");
                    memory.complete(
                        new double[] {Double.parseDouble(v[1]), Double.parseDouble(v[2])});
                  }
                }
              } catch (java.io.IOException e) {
                painted.completeExceptionally(e);
              }
              painted.completeExceptionally(new IllegalStateException("the child ended first"));
              memory.completeExceptionally(new IllegalStateException("the child ended first"));
            },
            "child-reader");
    reader.setDaemon(true);
    reader.start();
    try {
      double ms = painted.get(STEP_TIMEOUT_MS * 2, TimeUnit.MILLISECONDS);
      double[] mem = memory.get(STEP_TIMEOUT_MS, TimeUnit.MILLISECONDS);
      if (!p.waitFor(STEP_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
        throw new TimeoutException("the child did not exit");
      }
      return new Row(
          what,
          "first frame from process start",
          List.of(ms, mem[0], mem[1]),
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          List.of());
    } catch (Exception e) {
      throw new IllegalStateException(
          "process start with "
              + h.name()
              + " (java … "
              + WorkbenchBenchmark.class.getSimpleName()
              + " --child "
              + h.file()
              + "): "
              + e,
          e);
    } finally {
      p.destroyForcibly();
    }
  }

  /**
   * The child: starts JavaFX and opens the workbench window on a file as {@code WorkbenchApp.start}
   * does, watched until its graph is painted.
   */
  static final class Child {
    private static final java.util.concurrent.atomic.AtomicReference<String> childWindow =
        new java.util.concurrent.atomic.AtomicReference<>("no window");

    private Child() {}

    static void main(String[] args) throws Exception {
      Path file = Path.of(args[1]);
      int functions = Integer.parseInt(args[2]);
      Thread guard =
          new Thread(
              () -> {
                try {
                  Thread.sleep(Long.getLong("bench.childGuardMs", STEP_TIMEOUT_MS * 2));
                } catch (InterruptedException e) {
                  return;
                }
                System.err.println(
                    "workbench benchmark child: no graph after 120 s, giving up; "
                        + childWindow.get());
                Runtime.getRuntime().halt(3);
              },
              "child-guard");
      guard.setDaemon(true);
      guard.start();
      // What WorkbenchApp.start does, with the clock on the window's scene before it is shown.
      PaintSettings.apply();
      Platform.startup(
          () -> {
            try {
              Stage stage = new Stage();
              WorkbenchWindow w = new WorkbenchWindow(stage, WorkbenchApp.configDir());
              watch(w.scene(), functions);
              org.vfioworkbench.ui.learn.LearnPerspective.install(w, w::showView);
              stage.setWidth(WIDTH);
              stage.setHeight(HEIGHT);
              stage.show();
              w.openFile(file);
            } catch (RuntimeException e) {
              e.printStackTrace();
              Runtime.getRuntime().halt(2);
            }
          });
    }

    private static void watch(Scene scene, int functions) {
      WatchState s = new WatchState();
      com.sun.javafx.perf.PerformanceTracker.getSceneTracker(scene)
          .setOnRenderedFrameTask(
              () -> {
                if (s.armed && !s.done) {
                  s.done = true;
                  System.out.println("painted " + ManagementFactory.getRuntimeMXBean().getUptime());
                  System.out.flush();
                  Thread m = new Thread(Child::memoryAndExit, "child-memory");
                  m.setDaemon(true);
                  m.start();
                }
              });
      // The toolkit holds pulse listeners weakly (a WeakHashMap): a listener nobody else holds
      // is collected and never called again, which left this child waiting for ever.
      PULSE_LISTENER.set(
          () -> {
            // the graph joins the scene once the docking lays the window out
            TopologyGraphView g = (TopologyGraphView) scene.lookup(".graph-view");
            childWindow.set(
                g == null
                    ? "no graph view in the scene"
                    : "graph model "
                        + (g.viewModel().modelProperty().get() == null
                            ? "none"
                            : g.viewModel().modelProperty().get().functions().size() + " nodes")
                        + ", "
                        + g.chipCount()
                        + " chips, armed "
                        + s.armed);
            if (!s.armed && g == null) {
              Platform.requestNextPulse();
            } else if (!s.armed) {
              // Only the file is ever opened in the child: its graph, every chip drawn.
              GraphModel m = g.viewModel().modelProperty().get();
              s.armed =
                  m != null && !m.functions().isEmpty() && g.chipCount() == m.functions().size();
              if (s.armed) {
                int total =
                    m.functions().size()
                        + m.functions().stream()
                            .mapToInt(f -> f.summary().map(x -> x.functions()).orElse(0))
                            .sum();
                System.err.println(
                    "workbench benchmark child: graph of "
                        + total
                        + " of "
                        + functions
                        + " functions");
              }
              Platform.requestNextPulse();
            }
          });
      com.sun.javafx.tk.Toolkit.getToolkit().addPostSceneTkPulseListener(PULSE_LISTENER.get());
    }

    /** Holds the child's pulse listener strongly for the life of the process. */
    private static final java.util.concurrent.atomic.AtomicReference<
            com.sun.javafx.tk.TKPulseListener>
        PULSE_LISTENER = new java.util.concurrent.atomic.AtomicReference<>();

    private static final class WatchState {
      volatile boolean armed;
      volatile boolean done;
    }

    private static void memoryAndExit() {
      try {
        for (int i = 0; i < 3; i++) {
          System.gc();
          Thread.sleep(300);
        }
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.printf(Locale.ROOT, "memory %.1f %.1f%n", heap / 1048576.0, rssMib());
        System.out.flush();
      } catch (Exception e) {
        System.err.println("workbench benchmark child: " + e);
      }
      Runtime.getRuntime().halt(0);
    }
  }

  /** A primary-button mouse event of {@code type} at ({@code x}, {@code y}), fired at {@code n}. */
  static void fire(Node n, javafx.event.EventType<MouseEvent> type, double x, double y) {
    Event.fireEvent(
        n,
        new MouseEvent(
            type,
            x,
            y,
            x,
            y,
            MouseButton.PRIMARY,
            1,
            false,
            false,
            false,
            false,
            true,
            false,
            false,
            false,
            false,
            false,
            null));
  }

  /** Resident set size of this process, from /proc/self/status (0 where there is none). */
  static double rssMib() {
    try {
      for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (l.startsWith("VmRSS:")) {
          return Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024.0;
        }
      }
    } catch (java.io.IOException e) {
      return 0;
    }
    return 0;
  }

  private static void print(List<Row> rows, List<Row> starts, String baseHost) {
    Map<String, Double> base = new LinkedHashMap<>();
    for (Row r : rows) {
      if (r.host().equals(baseHost)) {
        base.put(r.what(), r.pct(50));
      }
    }
    StringBuilder o = new StringBuilder();
    if (!rows.isEmpty()) {
      // said once, above the frames table (the process-start table is printed on its own)
      o.append(
          String.format(
              Locale.ROOT,
              "Window %d×%d, %s (`-Dprism.order=%s`); every clock stops after the frame"
                  + " is painted. Latency: from the action to the end of painting the first frame that"
                  + " shows it, the wait for the next pulse included. Work: the action's FX-thread time"
                  + " plus that frame's pulse from its start to the end of its painting (the whole"
                  + " latency when a background task had to finish first). CPU: what the FX and"
                  + " render threads spent on the processor over the latency (no waiting, no"
                  + " preemption, no background task), steadier than the wall-clock columns on a"
                  + " loaded machine. Baseline: the same measure"
                  + " on the seed sample (s19, 3 functions) in the same run.%n%n",
              WIDTH,
              HEIGHT,
              pipeline(),
              System.getProperty("prism.order", "default")));
    }
    if (!rows.isEmpty()) {
      o.append(
          "| host | measure | samples | latency p50 ms | latency p95 ms | latency max ms | work p50"
              + " ms | work p95 ms | work max ms | CPU p50 ms | CPU p95 ms | graph skins made per step"
              + " (mean) | × baseline (latency p50 / p50 of the seed) |\n");
      o.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
      for (Row r : rows) {
        Double b = base.get(r.what());
        o.append(
            String.format(
                Locale.ROOT,
                "| %s | %s | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %s | %s | %s | %s |%n",
                r.host(),
                r.what(),
                r.values().size(),
                r.pct(50),
                r.pct(95),
                r.max(),
                Row.pct(r.work(), 50),
                Row.pct(r.work(), 95),
                Collections.max(r.work()),
                r.cpuPct(50),
                r.cpuPct(95),
                r.skinsPerStep(),
                b == null || b == 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", r.pct(50) / b)));
      }
    }
    if (!starts.isEmpty()) {
      o.append(
          "\n| host | first frame from process start (ms) | × seed | heap used after GC (MiB)"
              + " | RSS (MiB) |\n|---|---|---|---|---|\n");
      double seed = starts.get(0).values().get(0);
      for (Row r : starts) {
        o.append(
            String.format(
                Locale.ROOT,
                "| %s | %.0f | %.2f | %.0f | %.0f |%n",
                r.host(),
                r.values().get(0),
                r.values().get(0) / seed,
                r.values().get(1),
                r.values().get(2)));
      }
    }
    System.out.print(o);
    System.out.flush();
  }

  /** The Prism pipeline asked for, in words. */
  private static String pipeline() {
    String order = System.getProperty("prism.order", "");
    if (order.startsWith("es2")) {
      return "OpenGL pipeline (es2; under Xvfb that is Mesa's llvmpipe, which paints on the CPU too)";
    }
    return order.startsWith("sw") ? "software pipeline" : "default pipeline";
  }

  /**
   * Logs a row's samples in the order they were taken, each as work ms / CPU ms / skins made: where
   * steady state begins shows, and which steps made many skins.
   */
  private static void series(Row r) {
    StringBuilder o = new StringBuilder();
    for (int i = 0; i < r.work().size(); i++) {
      o.append(String.format(Locale.ROOT, " %.1f", r.work().get(i)));
      if (i < r.cpu().size()) {
        o.append(String.format(Locale.ROOT, "/%.1f", r.cpu().get(i)));
      }
      if (i < r.render().size()) {
        o.append(String.format(Locale.ROOT, "/%.1f", r.render().get(i)));
      }
      if (i < r.skins().size()) {
        o.append('/').append(r.skins().get(i));
      }
      if (i < r.painted().size() && !r.painted().get(i)) {
        o.append('!');
      }
    }
    say(
        "series, "
            + r.host()
            + ", "
            + r.what()
            + ", work ms / CPU ms / of which painting (render thread) ms / skins made (! where the step changed no pixel, timed to the"
            + " end of the pulse that showed it), in order:"
            + o);
  }

  private static void say(String s) {
    System.err.println("workbench benchmark: " + s);
  }

  /** Ends the run with status 3, naming the step and showing the FX thread, after {@code s}. */
  private static void watchdog(long s) {
    Thread t =
        new Thread(
            () -> {
              try {
                Thread.sleep(TimeUnit.SECONDS.toMillis(s));
              } catch (InterruptedException e) {
                return;
              }
              StringBuilder fx = new StringBuilder();
              Thread.getAllStackTraces()
                  .forEach(
                      (th, st) -> {
                        if (th.getName().contains("JavaFX Application")) {
                          for (StackTraceElement e : st) {
                            fx.append("\n    at ").append(e);
                          }
                        }
                      });
              System.err.println(
                  "workbench benchmark: timed out after "
                      + s
                      + " s during: "
                      + phase
                      + "\n  FX thread:"
                      + fx);
              Runtime.getRuntime().halt(3);
            },
            "benchmark-watchdog");
    t.setDaemon(true);
    t.start();
  }
}
