package org.vfioworkbench.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.vfioworkbench.engine.AffectedFds;
import org.vfioworkbench.engine.Analysis;
import org.vfioworkbench.engine.Attempt;
import org.vfioworkbench.engine.KernelCalls;
import org.vfioworkbench.engine.Profile;
import org.vfioworkbench.engine.SyntheticHost;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.FdRef;
import org.vfioworkbench.model.Holder;
import org.vfioworkbench.model.OpenFile;
import org.vfioworkbench.model.Topology;

/**
 * The engine on a generated 10,000-function host (issue 2's target: the whole host ≤ 20 ms, one
 * owner change ≤ 1 ms), against a baseline that only touches every function and file once. Run: see
 * docs/performance.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EngineBenchmark {

  Topology host;
  Analysis before;
  Topology moved;
  Bdf movedDevice;

  @Setup
  public void setUp() {
    host = SyntheticHost.generate(SyntheticHost.Spec.large(7));
    before = Analysis.of(host);
    for (Holder h : host.holders()) {
      for (OpenFile f : h.files()) {
        if (f instanceof org.vfioworkbench.model.DeviceFile d) {
          for (Holder target : host.holders()) {
            Attempt a =
                KernelCalls.moveToCdev(
                    KernelCalls.release(host, d.device()).orElseThrow(),
                    Profile.DEFAULT,
                    target.name(),
                    d.device());
            if (a.succeeded()) {
              moved = a.orElseThrow();
              movedDevice = d.device();
              return;
            }
          }
        }
      }
    }
    throw new IllegalStateException("no device could change owner in the generated host");
  }

  /** Reads every function and every open file once: the floor for any evaluation. */
  @Benchmark
  public void baselineTouchEverything(Blackhole bh) {
    long sum = 0;
    for (var f : host.functions()) {
      sum += f.bdf().hashCode() + f.driver().hashCode();
    }
    for (Holder h : host.holders()) {
      for (OpenFile f : h.files()) {
        sum += f.hashCode();
      }
    }
    bh.consume(sum);
  }

  /** Analyse the host, then INFO and the natural HOT_RESET on every device fd. */
  @Benchmark
  public void wholeHost(Blackhole bh) {
    Analysis a = Analysis.of(host);
    evaluate(a, a.deviceFds(), bh);
  }

  /** One device moved to another holder's cdev lane: re-analyse and re-evaluate what it affects. */
  @Benchmark
  public void afterOwnerChange(Blackhole bh) {
    Analysis a = Analysis.after(before, moved, Profile.DEFAULT);
    evaluate(a, AffectedFds.of(a, movedDevice), bh);
  }

  private static void evaluate(Analysis a, List<FdRef> fds, Blackhole bh) {
    for (FdRef fd : fds) {
      bh.consume(a.info(fd));
      bh.consume(a.hotReset(fd, a.naturalReset(fd).request()));
    }
  }
}
