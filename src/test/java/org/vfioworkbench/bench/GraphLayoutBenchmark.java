package org.vfioworkbench.bench;

import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.vfioworkbench.engine.Analysis;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.ui.files.BuiltInSamples;
import org.vfioworkbench.ui.graph.GraphLayout;
import org.vfioworkbench.ui.graph.GraphModel;

/**
 * The graph's layout of a generated host as it opens (collapsed to what holders have open, quiet
 * root-bus functions folded, holders compact): what the workbench computes after every edit, undo
 * and expand. The analysis is made once; only the layout is timed. {@link #analysisAnswers} is the
 * baseline in the same run: reading every open device's natural hot-reset answer from the same
 * analysis, which every layout also does for its blocked-scope badges. Run: {@code mvn -Pbench
 * test-compile exec:exec -Dbench.args=GraphLayoutBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 8, time = 1)
@Fork(
    value = 1,
    jvmArgs = {"-Xms2g", "-Xmx2g"})
public class GraphLayoutBenchmark {

  @Param({"2000", "10000"})
  int functions;

  Analysis analysis;
  Set<Bdf> collapsed;
  Set<Bdf> folded;

  @Setup
  public void setUp() {
    analysis = Analysis.of(BuiltInSamples.largeHost(functions));
    collapsed = GraphLayout.defaultCollapsed(analysis);
    folded = GraphLayout.defaultFolded(analysis);
  }

  @Benchmark
  public GraphModel overviewLayout() {
    return GraphLayout.compute(analysis, collapsed, folded, h -> true);
  }

  @Benchmark
  public int analysisAnswers() {
    int failed = 0;
    for (var fd : analysis.deviceFds()) {
      failed += analysis.hotReset(fd, analysis.naturalReset(fd).request()).ret() != 0 ? 1 : 0;
    }
    return failed;
  }
}
