package org.vfioworkbench.ui;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.stage.Stage;
import org.vfioworkbench.model.Topology;
import org.vfioworkbench.ui.files.BuiltInSamples;
import org.vfioworkbench.ui.graph.GraphModel;

/**
 * A benchmark run, not a test: opens the workbench on a generated 2,000-function host, measures the
 * time from open to the first frame that shows the graph, then drags a function across the graph
 * onto a holder's lane and records, per drag step, the time from the mouse event to the end of the
 * next pulse (a post-layout pulse listener). Prints the numbers for docs/performance.md. Run it
 * under Xvfb: see docs/performance.md.
 */
public final class WorkbenchBenchmark {

  private WorkbenchBenchmark() {}

  public static void main(String[] args) throws Exception {
    int functions = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    int steps = args.length > 1 ? Integer.parseInt(args[1]) : 240;
    Topology host = BuiltInSamples.largeHost(functions);
    Platform.startup(() -> {});
    CompletableFuture<WorkbenchWindow> made = new CompletableFuture<>();
    Platform.runLater(
        () -> {
          Stage stage = new Stage();
          try {
            WorkbenchWindow w = new WorkbenchWindow(stage, Files.createTempDirectory("bench"));
            stage.setWidth(1600);
            stage.setHeight(1000);
            stage.show();
            made.complete(w);
          } catch (Exception e) {
            made.completeExceptionally(e);
          }
        });
    WorkbenchWindow w = made.get(30, TimeUnit.SECONDS);
    Thread.sleep(1000);
    long[] open = new long[2];
    long[] modelAt = new long[1];
    CountDownLatch firstFrame = new CountDownLatch(1);
    Platform.runLater(
        () -> {
          Node graph = w.scene().lookup(".graph-view");
          Runnable[] listener = new Runnable[1];
          listener[0] =
              () -> {
                if (open[1] == 0 && graphShows(w, host)) {
                  open[1] = System.nanoTime();
                  firstFrame.countDown();
                }
              };
          w.scene().addPostLayoutPulseListener(listener[0]);
          ((org.vfioworkbench.ui.graph.TopologyGraphView) graph)
              .viewModel()
              .modelProperty()
              .addListener((o, x, y) -> modelAt[0] = System.nanoTime());
          open[0] = System.nanoTime();
          w.state().open("generated", host, null);
          graph.requestFocus();
        });
    if (!firstFrame.await(60, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the graph never showed");
    }
    double firstMs = (open[1] - open[0]) / 1e6;
    List<Double> frames = drag(w, steps);
    Collections.sort(frames);
    System.out.printf(
        Locale.ROOT,
        "functions: %d (holders %d)%n",
        host.functions().size(),
        host.holders().size());
    System.out.printf(
        Locale.ROOT,
        "first frame after open: %.0f ms (graph laid out after %.0f ms)%n",
        firstMs,
        (modelAt[0] - open[0]) / 1e6);
    System.out.printf(
        Locale.ROOT,
        "drag frames: %d, p50 %.1f ms, p95 %.1f ms, max %.1f ms%n",
        frames.size(),
        pct(frames, 50),
        pct(frames, 95),
        frames.get(frames.size() - 1));
    Platform.exit();
    System.exit(0);
  }

  private static boolean graphShows(WorkbenchWindow w, Topology host) {
    return w.state().results() != null
        && w.state().results().analysis().topology() == host
        && w.scene().lookup("#unowned-area") != null
        && graphView(w).viewModel().modelProperty().get() != null
        && graphView(w).viewModel().modelProperty().get().functions().size()
            == graphView(w).chipCount()
        && graphView(w).viewModel().modelProperty().get().functions().stream()
            .anyMatch(f -> host.function(f.bdf()).isPresent());
  }

  /** The graph view; a big host opens collapsed, so it draws fewer chips than functions. */
  private static org.vfioworkbench.ui.graph.TopologyGraphView graphView(WorkbenchWindow w) {
    return (org.vfioworkbench.ui.graph.TopologyGraphView) w.scene().lookup(".graph-view");
  }

  private static List<Double> drag(WorkbenchWindow w, int steps) throws Exception {
    CompletableFuture<Node[]> ends = new CompletableFuture<>();
    Platform.runLater(
        () -> {
          w.fitGraph();
          GraphModel m =
              ((org.vfioworkbench.ui.graph.TopologyGraphView) w.scene().lookup(".graph-view"))
                  .viewModel()
                  .modelProperty()
                  .get();
          GraphModel.FunctionNode f =
              m.functions().stream()
                  .filter(GraphModel.FunctionNode::vfio)
                  .findFirst()
                  .orElseThrow();
          Node chip =
              w.scene().getRoot().lookupAll("*").stream()
                  .filter(x -> ("fn-" + f.bdf()).equals(x.getId()))
                  .findFirst()
                  .orElseThrow();
          Node lane = w.scene().getRoot().lookupAll(".lane").iterator().next();
          ends.complete(new Node[] {chip, lane});
        });
    Node[] n = ends.get(10, TimeUnit.SECONDS);
    List<Double> frames = new ArrayList<>();
    Bounds a = onScreen(n[0]);
    Bounds b = onScreen(n[1]);
    fire(n[0], MouseEvent.MOUSE_PRESSED, a.getCenterX(), a.getCenterY());
    for (int i = 1; i <= steps; i++) {
      double t = (double) i / steps;
      double x = a.getCenterX() + (b.getCenterX() - a.getCenterX()) * t;
      double y = a.getCenterY() + (b.getCenterY() - a.getCenterY()) * t;
      frames.add(stepMs(w, n[0], x, y));
    }
    fire(n[0], MouseEvent.MOUSE_RELEASED, b.getCenterX(), b.getCenterY());
    return frames;
  }

  private static Bounds onScreen(Node node) throws Exception {
    CompletableFuture<Bounds> f = new CompletableFuture<>();
    Platform.runLater(() -> f.complete(node.localToScene(node.getBoundsInLocal())));
    return f.get(5, TimeUnit.SECONDS);
  }

  /** One drag step: the event, then the pulse that renders it; returns event-to-pulse-end ms. */
  private static double stepMs(WorkbenchWindow w, Node target, double x, double y)
      throws Exception {
    CompletableFuture<Double> done = new CompletableFuture<>();
    Platform.runLater(
        () -> {
          long t0 = System.nanoTime();
          Runnable[] l = new Runnable[1];
          l[0] =
              () -> {
                w.scene().removePostLayoutPulseListener(l[0]);
                done.complete((System.nanoTime() - t0) / 1e6);
              };
          w.scene().addPostLayoutPulseListener(l[0]);
          fireNow(target, MouseEvent.MOUSE_DRAGGED, x, y);
          Platform.requestNextPulse();
        });
    return done.get(10, TimeUnit.SECONDS);
  }

  private static void fire(Node n, javafx.event.EventType<MouseEvent> type, double x, double y)
      throws Exception {
    CompletableFuture<Void> f = new CompletableFuture<>();
    Platform.runLater(
        () -> {
          fireNow(n, type, x, y);
          f.complete(null);
        });
    f.get(10, TimeUnit.SECONDS);
  }

  private static void fireNow(Node n, javafx.event.EventType<MouseEvent> type, double x, double y) {
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

  private static double pct(List<Double> sorted, int p) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }
}
