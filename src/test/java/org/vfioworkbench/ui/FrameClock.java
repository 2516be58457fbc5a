package org.vfioworkbench.ui;

import com.sun.javafx.perf.PerformanceTracker;
import com.sun.javafx.scene.SceneHelper;
import com.sun.javafx.tk.TKPulseListener;
import com.sun.javafx.tk.Toolkit;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * A frame clock that stops after the frame is painted, for the workbench benchmark. It gives two
 * times for every step ({@link Timing}): the latency the user sees, and the work time of the frame.
 *
 * <p>JavaFX paints a pulse's frame on its render thread after the FX thread has laid the scene out
 * and synchronised it; the scene's {@link PerformanceTracker} hears of every frame of that scene
 * once the render job is done ({@code PaintCollector.done → GlassScene.frameRendered}), on the
 * render thread. A measured step runs its action on the FX thread at t0; after every pulse (a
 * post-scene pulse listener: the scenes are synchronised, so any earlier frame's painting has
 * finished) it asks whether the window shows the result yet; the first frame painted after the
 * pulse that first shows it stops the clock. Work the action hands to a background thread (layout,
 * engine) is inside the time, as the user waits for it. A step whose result changes no pixel (the
 * pulse that shows it has nothing to paint, so no frame follows) stops at the end of that pulse
 * instead, and says so ({@link Timing#painted}): the clock asks for one more pulse, by which the
 * showing pulse's frame, had it one, is painted.
 *
 * <p><b>Latency</b> runs from just before the action to the end of painting that frame; it includes
 * the wait for the next pulse (JavaFX pulses on a 60 Hz timer, so up to one 16.7 ms period during
 * which nothing works). <b>Work time</b> leaves that wait out: the action's own time on the FX
 * thread plus the time from the start of the pulse that shows the result (a stage pulse listener,
 * the first thing a pulse runs after animations, which the graph has none of) to the end of
 * painting its frame. When the result is not shown by the first pulse after the action (a
 * background task had to finish first), work time is the whole latency: the user waits for that
 * work.
 *
 * <p><b>CPU time</b> is what the FX thread and the render thread spent on the processor over the
 * latency: the action, the pulses and the painting, but not the time either thread waits or is
 * preempted. On a loaded machine it moves far less than the wall-clock times, so an A/B of a change
 * to the drawing reads better in it; work a background task does (a layout, the engine) is not in
 * it.
 */
final class FrameClock {

  private final Scene scene;
  private final AtomicLong frames = new AtomicLong();
  private final AtomicLong pulses = new AtomicLong();
  private final TKPulseListener afterScenes = this::afterScenes;
  private final TKPulseListener pulseStart = this::pulseStart;

  /** When the current pulse started (FX thread). */
  private long pulseStartNs;

  /** The step being measured; touched on the FX thread, read on the render thread. */
  private volatile Step step;

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** The FX thread's id, and the render thread's once it has painted a frame (else -1). */
  private long fxThread = -1;

  private volatile long renderThread = -1;

  private record Step(
      long t0,
      BooleanSupplier shown,
      CompletableFuture<Timing> done,
      AtomicLong armedAfter,
      long[] fx,
      long cpu0,
      long render0,
      long[] armedPulse) {
    // fx: [0] the action's FX-thread nanoseconds, [1] pulses started before the action ended,
    // [2] start of the pulse that shows the result, [3] 1 when that pulse is the first after it;
    // armedPulse: that pulse's number, when it ended, the threads' CPU time then, and the render
    // thread's alone
  }

  /**
   * One measured step, in milliseconds.
   *
   * @param latency from just before the action to the end of painting the first frame showing it
   * @param work the action's FX-thread time plus the showing pulse's time to the end of its paint
   *     (the whole latency when the result needed more than the first pulse)
   * @param cpu the FX and render threads' CPU time over the latency (NaN before any frame)
   * @param renderCpu the render thread's part of {@code cpu}: painting (NaN before any frame)
   * @param painted false when the pulse that showed the result had nothing to paint (the result
   *     changed no pixel): the times then end with that pulse
   */
  record Timing(double latency, double work, double cpu, double renderCpu, boolean painted) {}

  private FrameClock(Scene scene) {
    this.scene = scene;
  }

  /** Installs the clock on {@code scene}; call on the FX thread. */
  static FrameClock on(Scene scene) {
    FrameClock c = new FrameClock(scene);
    PerformanceTracker t = PerformanceTracker.getSceneTracker(scene);
    t.setOnRenderedFrameTask(c::frameRendered);
    Toolkit.getToolkit().addStageTkPulseListener(c.pulseStart);
    Toolkit.getToolkit().addPostSceneTkPulseListener(c.afterScenes);
    return c;
  }

  /** Removes the clock; call on the FX thread. */
  void close() {
    Toolkit.getToolkit().removePostSceneTkPulseListener(afterScenes);
    Toolkit.getToolkit().removeStageTkPulseListener(pulseStart);
    PerformanceTracker.getSceneTracker(scene).setOnRenderedFrameTask(null);
    PerformanceTracker.releaseSceneTracker(scene);
  }

  /** Frames of this scene painted so far. */
  long frames() {
    return frames.get();
  }

  /**
   * Runs {@code action} on the FX thread and returns the latency from just before it to the end of
   * painting the first frame that shows {@code shown}, and that frame's work time. Fails with a
   * {@link TimeoutException} naming {@code what} when that frame does not come within {@code
   * timeoutMs}.
   */
  Timing time(String what, Runnable action, BooleanSupplier shown, long timeoutMs)
      throws InterruptedException, TimeoutException {
    CompletableFuture<Timing> done = new CompletableFuture<>();
    Platform.runLater(
        () -> {
          fxThread = Thread.currentThread().getId();
          Step s =
              new Step(
                  System.nanoTime(),
                  shown,
                  done,
                  new AtomicLong(-1),
                  new long[4],
                  cpuNow(),
                  renderCpuNow(),
                  new long[4]);
          step = s;
          try {
            action.run();
          } catch (RuntimeException e) {
            step = null;
            done.completeExceptionally(e);
            return;
          }
          s.fx()[0] = System.nanoTime() - s.t0();
          s.fx()[1] = pulses.get();
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

  /** FX thread, first in every pulse (after animations, before any scene's CSS and layout). */
  private void pulseStart() {
    pulseStartNs = System.nanoTime();
    pulses.incrementAndGet();
  }

  /** FX thread, after every pulse's scenes are laid out and synchronised. */
  private void afterScenes() {
    Step s = step;
    if (s == null) {
      return;
    }
    if (s.armedAfter().get() >= 0) {
      if (pulses.get() > s.armedPulse()[0] && nothingPainted(s)) {
        // The pulse that showed the result had nothing to paint: the result was on screen when
        // it ended.
        step = null;
        s.done()
            .complete(timing(s, s.armedPulse()[1], s.armedPulse()[2], s.armedPulse()[3], false));
      } else {
        Platform.requestNextPulse(); // a pulse to find out whether a frame is coming
      }
      return;
    }
    if (s.shown().getAsBoolean()) {
      // This pulse's frame (queued next) is the first that shows it.
      s.fx()[2] = pulseStartNs;
      s.fx()[3] = pulses.get() == s.fx()[1] + 1 ? 1 : 0;
      s.armedPulse()[0] = pulses.get();
      s.armedPulse()[1] = System.nanoTime();
      s.armedPulse()[2] = cpuNow();
      s.armedPulse()[3] = renderCpuNow();
      s.armedAfter().set(frames.get());
      Platform.requestNextPulse(); // to find out whether this pulse painted a frame
    } else {
      // Keep pulses coming while a background task finishes.
      Platform.requestNextPulse();
    }
  }

  /** The FX and render threads' CPU time so far, ns; -1 until both are known. */
  private long cpuNow() {
    long render = renderThread;
    if (fxThread < 0 || render < 0) {
      return -1;
    }
    return THREADS.getThreadCpuTime(fxThread) + THREADS.getThreadCpuTime(render);
  }

  /** The render thread's CPU time so far, ns; -1 until it is known. */
  private long renderCpuNow() {
    long render = renderThread;
    return render < 0 ? -1 : THREADS.getThreadCpuTime(render);
  }

  /**
   * Whether no frame has been painted since step {@code s} was shown, once every frame queued so
   * far is painted (a later pulse: the showing pulse's frame, if it had one, is queued).
   */
  private boolean nothingPainted(Step s) {
    if (frames.get() != s.armedAfter().get()) {
      return false;
    }
    SceneHelper.getPeer(scene).waitForRenderingToComplete();
    return frames.get() == s.armedAfter().get() && step == s;
  }

  /**
   * The timing of step {@code s} ended at {@code end} with the threads' CPU time {@code cpu}, the
   * render thread's {@code render}.
   */
  private static Timing timing(Step s, long end, long cpu, long render, boolean painted) {
    double latency = (end - s.t0()) / 1e6;
    double work = s.fx()[3] == 1 ? (s.fx()[0] + end - s.fx()[2]) / 1e6 : latency;
    return new Timing(
        latency,
        work,
        s.cpu0() < 0 || cpu < 0 ? Double.NaN : (cpu - s.cpu0()) / 1e6,
        s.render0() < 0 || render < 0 ? Double.NaN : (render - s.render0()) / 1e6,
        painted);
  }

  /** Render thread, once per painted frame of the scene. */
  private void frameRendered() {
    if (renderThread < 0) {
      renderThread = Thread.currentThread().getId();
    }
    long n = frames.incrementAndGet();
    Step s = step;
    if (s != null) {
      long armed = s.armedAfter().get();
      if (armed >= 0 && n > armed) {
        step = null;
        s.done().complete(timing(s, System.nanoTime(), cpuNow(), renderCpuNow(), true));
      }
    }
  }
}
