package org.vfioworkbench.ui;

import com.sun.javafx.perf.PerformanceTracker;
import com.sun.javafx.tk.TKPulseListener;
import com.sun.javafx.tk.Toolkit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * A frame clock that stops after the frame is painted, for the workbench benchmark.
 *
 * <p>JavaFX paints a pulse's frame on its render thread after the FX thread has laid the scene out
 * and synchronised it; the scene's {@link PerformanceTracker} hears of every frame of that scene
 * once the render job is done ({@code PaintCollector.done → GlassScene.frameRendered}), on the
 * render thread. A measured step runs its action on the FX thread at t0; after every pulse (a
 * post-scene pulse listener: the scenes are synchronised, so any earlier frame's painting has
 * finished) it asks whether the window shows the result yet; the first frame painted after the
 * pulse that first shows it stops the clock. Work the action hands to a background thread (layout,
 * engine) is inside the time, as the user waits for it.
 */
final class FrameClock {

  private final Scene scene;
  private final AtomicLong frames = new AtomicLong();
  private final AtomicLong pulses = new AtomicLong();
  private final TKPulseListener afterScenes = this::afterScenes;

  /** The step being measured; touched on the FX thread, read on the render thread. */
  private volatile Step step;

  private record Step(
      long t0, BooleanSupplier shown, CompletableFuture<Double> done, AtomicLong armedAfter) {}

  private FrameClock(Scene scene) {
    this.scene = scene;
  }

  /** Installs the clock on {@code scene}; call on the FX thread. */
  static FrameClock on(Scene scene) {
    FrameClock c = new FrameClock(scene);
    PerformanceTracker t = PerformanceTracker.getSceneTracker(scene);
    t.setOnRenderedFrameTask(c::frameRendered);
    Toolkit.getToolkit().addPostSceneTkPulseListener(c.afterScenes);
    return c;
  }

  /** Removes the clock; call on the FX thread. */
  void close() {
    Toolkit.getToolkit().removePostSceneTkPulseListener(afterScenes);
    PerformanceTracker.getSceneTracker(scene).setOnRenderedFrameTask(null);
    PerformanceTracker.releaseSceneTracker(scene);
  }

  /** Frames of this scene painted so far. */
  long frames() {
    return frames.get();
  }

  /**
   * Runs {@code action} on the FX thread and returns the milliseconds from just before it to the
   * end of painting the first frame that shows {@code shown}. Fails with a {@link TimeoutException}
   * naming {@code what} when that frame does not come within {@code timeoutMs}.
   */
  double time(String what, Runnable action, BooleanSupplier shown, long timeoutMs)
      throws InterruptedException, TimeoutException {
    CompletableFuture<Double> done = new CompletableFuture<>();
    Platform.runLater(
        () -> {
          Step s = new Step(System.nanoTime(), shown, done, new AtomicLong(-1));
          step = s;
          try {
            action.run();
          } catch (RuntimeException e) {
            step = null;
            done.completeExceptionally(e);
            return;
          }
          Platform.requestNextPulse();
        });
    try {
      return done.get(timeoutMs, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      Step s0 = step;
      step = null;
      throw new TimeoutException(
          what
              + ": no painted frame showed the result within "
              + timeoutMs
              + " ms ("
              + pulses.get()
              + " pulses, "
              + frames.get()
              + " frames painted so far, "
              + (s0 == null
                  ? "no step"
                  : s0.armedAfter().get() >= 0 ? "shown, no frame after it" : "never shown")
              + ")");
    } catch (ExecutionException e) {
      throw new IllegalStateException(what + ": " + e.getCause(), e.getCause());
    }
  }

  /** FX thread, after every pulse's scenes are laid out and synchronised. */
  private void afterScenes() {
    pulses.incrementAndGet();
    Step s = step;
    if (s == null || s.armedAfter().get() >= 0) {
      return;
    }
    if (s.shown().getAsBoolean()) {
      // This pulse's frame (queued next) is the first that shows it.
      s.armedAfter().set(frames.get());
    } else {
      // Keep pulses coming while a background task finishes.
      Platform.requestNextPulse();
    }
  }

  /** Render thread, once per painted frame of the scene. */
  private void frameRendered() {
    long n = frames.incrementAndGet();
    Step s = step;
    if (s != null) {
      long armed = s.armedAfter().get();
      if (armed >= 0 && n > armed) {
        step = null;
        s.done().complete((System.nanoTime() - s.t0()) / 1e6);
      }
    }
  }
}
