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
 * makes it on an analysis it already has. Fifteen two-second warm-up iterations bring the JIT to a
 * steady state (JMH prints every warm-up and measured iteration, so the series shows whether it got
 * there); ten measured ones follow in a fresh JVM. Run: {@code mvn -Pbench test-compile exec:exec
 * -Dbench.args=PlanBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 15, time = 2)
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

  /** Rounds of ten plans from the topology: wall and thread CPU time per plan, and per step. */
  public static void main(String[] args) {
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    PlanBenchmark b = new PlanBenchmark();
    b.setUp();
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
    for (int round = 1; round <= rounds; round++) {
      long wall = System.nanoTime();
      long analysis = 0;
      long graph = 0;
      long plan = 0;
      for (int i = 0; i < 10; i++) {
        long c0 = mx.getCurrentThreadCpuTime();
        Analysis a = Analysis.of(b.host);
        long c1 = mx.getCurrentThreadCpuTime();
        HostGraph g = HostGraph.of(a);
        long c2 = mx.getCurrentThreadCpuTime();
        Planner.plan(g, b.wanted, HostUse.fromDrivers());
        long c3 = mx.getCurrentThreadCpuTime();
        analysis += c1 - c0;
        graph += c2 - c1;
        plan += c3 - c2;
      }
      System.out.printf(
          "round %2d: wall %6.1f ms/plan, cpu %6.1f ms/plan (analysis %.1f, graph %.1f, plan %.1f)%n",
          round,
          (System.nanoTime() - wall) / 1e7,
          (analysis + graph + plan) / 1e7,
          analysis / 1e7,
          graph / 1e7,
          plan / 1e7);
    }
  }
}
