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
import org.vfioworkbench.engine.plan.HostGraph;
import org.vfioworkbench.engine.plan.HostUse;
import org.vfioworkbench.engine.plan.Plan;
import org.vfioworkbench.engine.plan.Planner;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.PciFunction;
import org.vfioworkbench.model.Topology;

/**
 * {@code plan} for 20 functions on a generated 2,000-function host (issue 13's target: under 200
 * ms). {@link #planTwentyFunctions} is what the CLI does, from the topology: analysis, the JGraphT
 * graph, the closures and the lines; {@link #planOnBuiltGraph} is the query alone, as the workbench
 * makes it on an analysis it already has. Ten one-second warm-up iterations bring the JIT to a
 * steady state (JMH prints every warm-up and measured iteration, so the series shows whether it got
 * there); ten measured ones follow in a fresh JVM. Run: {@code mvn -Pbench test-compile exec:exec
 * -Dbench.args=PlanBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class PlanBenchmark {

  Topology host;
  List<Bdf> wanted;
  HostGraph graph;

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
    graph = HostGraph.of(Analysis.of(host));
  }

  /** Plan 20 functions from scratch. */
  @Benchmark
  public Plan planTwentyFunctions() {
    return Planner.plan(Analysis.of(host), wanted);
  }

  /** Plan 20 functions on a graph built once. */
  @Benchmark
  public Plan planOnBuiltGraph() {
    return Planner.plan(graph, wanted, HostUse.fromDrivers());
  }
}
