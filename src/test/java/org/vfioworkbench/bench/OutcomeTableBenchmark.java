package org.vfioworkbench.bench;

import java.util.List;
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
import org.vfioworkbench.engine.Releases;
import org.vfioworkbench.ui.files.BuiltInSamples;
import org.vfioworkbench.ui.outcomes.OutcomeRow;
import org.vfioworkbench.ui.outcomes.OutcomeTable;

/**
 * The Reset outcomes table after one ownership change (a device released by its holder) on a
 * generated host whose devids an earlier edit pinned, as after any edit but a loaded file's first:
 * {@link #updateAfterEdit} works out only the rows the edit can reach; {@link #buildWhole}, the
 * baseline in the same run, works out every row, as every edit did before. Run: {@code mvn -Pbench
 * test-compile exec:exec -Dbench.args=OutcomeTableBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 6, time = 2)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgs = {"-Xms2g", "-Xmx2g"})
public class OutcomeTableBenchmark {

  @Param({"2000", "10000"})
  int functions;

  OutcomeTable.Built before;
  Analysis after;

  @Setup
  public void setUp() {
    Analysis loaded = Analysis.of(BuiltInSamples.largeHost(functions));
    Analysis pinned = Releases.released(loaded, 0);
    before = OutcomeTable.update(null, pinned, null, () -> false);
    after = Releases.released(pinned, pinned.deviceFds().size() / 2);
  }

  @Benchmark
  public OutcomeTable.Built updateAfterEdit() {
    return OutcomeTable.update(before, after, null, () -> false);
  }

  @Benchmark
  public List<OutcomeRow> buildWhole() {
    return OutcomeTable.build(after, null);
  }
}
