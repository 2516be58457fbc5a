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
import org.vfioworkbench.engine.Analysis;
import org.vfioworkbench.engine.SyntheticHost;
import org.vfioworkbench.engine.plan.Plan;
import org.vfioworkbench.engine.plan.Planner;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.PciFunction;
import org.vfioworkbench.model.Topology;

/**
 * {@code plan} for 20 functions on a generated 2,000-function host (issue 13's target: under 200
 * ms), from the topology: analysis, the JGraphT graph, the closures and the lines. Run: {@code mvn
 * -Pbench test-compile exec:exec -Dbench.args=PlanBenchmark} (see docs/performance.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PlanBenchmark {

  Topology host;
  List<Bdf> wanted;

  @Setup
  public void setUp() {
    host = SyntheticHost.generate(new SyntheticHost.Spec(7, 2_000, 0.4, 40, 0.01));
    wanted =
        host.functions().stream()
            .filter(f -> !f.isBridge())
            .map(PciFunction::bdf)
            .filter(b -> b.hashCode() % 7 == 0)
            .limit(20)
            .toList();
    if (wanted.size() < 20) {
      throw new IllegalStateException("the generated host has too few endpoints");
    }
  }

  /** Plan 20 functions from scratch. */
  @Benchmark
  public Plan planTwentyFunctions() {
    return Planner.plan(Analysis.of(host), wanted);
  }
}
