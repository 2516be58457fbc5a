package org.vfioworkbench.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.vfioworkbench.engine.AffectedFds;
import org.vfioworkbench.engine.Analysis;
import org.vfioworkbench.engine.Attempt;
import org.vfioworkbench.engine.KernelCalls;
import org.vfioworkbench.engine.Profile;
import org.vfioworkbench.engine.ResetVariant;
import org.vfioworkbench.engine.SyntheticHost;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.DeviceFile;
import org.vfioworkbench.model.FdRef;
import org.vfioworkbench.model.Holder;
import org.vfioworkbench.model.OpenFile;
import org.vfioworkbench.model.Topology;

/**
 * The engine on generated hosts of 1,000, 10,000 and 50,000 functions (issue 14's targets: the
 * whole host at 10k ≤ 20 ms; re-evaluation after one ownership change ≤ 1 ms at any size; the edit
 * itself plus re-evaluation ≤ 2 ms at 10k and linear beyond), against a baseline that only touches
 * every function and file once, measured in the same run.
 *
 * <p>Each host is {@code SyntheticHost.Spec(7, size, 0.4, size / 50, 0.01)}: 50 functions per
 * holder, so the 10k host is the {@code Spec.large(7)} of issue 2, with its devids pinned as after
 * any first edit (so that edits change only the holders they touch). The moved device is the first
 * group-opened device fd whose function can be released and bound into another holder's iommufd; it
 * is chosen in setup, but the edit ({@code release}, then {@code moveToCdev}) runs inside the timed
 * {@code editAndReevaluate}. {@code variantsAfterEdit} is the workbench's outcome table for the fds
 * the move affects: every reset variant evaluated, the hypothetical ones opening groups first.
 *
 * <p>The fork runs in a fixed heap whose memory is touched before the first iteration ({@code
 * -Xms3g -Xmx3g -XX:+AlwaysPreTouch}). With the default heap, G1 kept enlarging the young
 * generation into memory the process had never touched, and on this project's virtual machines the
 * first touch of a page costs tens of microseconds: {@code wholeHost} at 10k allocates about 15 MB
 * per operation, so every enlargement turned a run of iterations five times slower in CPU time, a
 * bimodal series (21 to 118 ms) that measured the page faults, not the engine.
 *
 * <p>Run it (≈ 4 minutes, prints the iteration series and a table with ratios to the baseline):
 *
 * <pre>
 * mvn -B -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *     org.vfioworkbench.bench.EngineBenchmark [SIZE ...]
 * </pre>
 *
 * <p>With {@code --cpu} first ({@code EngineBenchmark --cpu [SIZE ...]}, ≈ 3 minutes) it measures
 * the same operations in thread CPU time instead, in this JVM, with the same warm-up and the
 * warm-up series shown: on a machine shared with other builds, wall time mostly measures the
 * others.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms3g", "-Xmx3g", "-XX:+AlwaysPreTouch"})
public class EngineBenchmark {

  /** Number of PCI functions of the generated host. */
  @Param({"1000", "10000", "50000"})
  public int size;

  Topology host;
  Analysis before;
  Topology moved;
  Bdf movedDevice;
  String target;

  @Setup(Level.Trial)
  public void setUp() {
    host = KernelCalls.pinDevids(SyntheticHost.generate(spec(size)));
    before = Analysis.of(host);
    for (Holder h : host.holders()) {
      for (OpenFile f : h.files()) {
        if (f instanceof DeviceFile d) {
          Topology released = KernelCalls.release(host, d.device()).orElseThrow();
          for (Holder other : host.holders()) {
            if (other.name().equals(h.name())) {
              continue;
            }
            Attempt a = KernelCalls.moveToCdev(released, Profile.DEFAULT, other.name(), d.device());
            if (a.succeeded()) {
              moved = a.orElseThrow();
              movedDevice = d.device();
              target = other.name();
              return;
            }
          }
        }
      }
    }
    throw new IllegalStateException("no device could change owner in the generated host");
  }

  /** The generated host of {@code functions} functions, one holder per 50 functions. */
  public static SyntheticHost.Spec spec(int functions) {
    return new SyntheticHost.Spec(7, functions, 0.4, Math.max(1, functions / 50), 0.01);
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

  /**
   * Analyse the host from nothing, then INFO and the natural HOT_RESET on every device fd. The
   * function list is copied first, so nothing derived from an earlier analysis of the same PCI part
   * (reset scopes, dev-sets, indexes) is reused.
   */
  @Benchmark
  public void wholeHost(Blackhole bh) {
    Analysis a = Analysis.of(host.withFunctions(List.copyOf(host.functions())));
    evaluate(a, a.deviceFds(), bh);
  }

  /**
   * One device already moved to another holder's cdev lane (the edit done in setup): re-analyse
   * from the previous analysis and re-evaluate what the move can affect.
   */
  @Benchmark
  public void afterOwnerChange(Blackhole bh) {
    Analysis a = Analysis.after(before, moved, Profile.DEFAULT);
    evaluate(a, AffectedFds.of(a, movedDevice), bh);
  }

  /** The edit itself (release, then move to the cdev lane), re-analysis and re-evaluation. */
  @Benchmark
  public void editAndReevaluate(Blackhole bh) {
    Topology released = KernelCalls.release(host, movedDevice).orElseThrow();
    Topology edited =
        KernelCalls.moveToCdev(released, Profile.DEFAULT, target, movedDevice).orElseThrow();
    Analysis a = Analysis.after(before, edited, Profile.DEFAULT);
    evaluate(a, AffectedFds.of(a, movedDevice), bh);
  }

  /**
   * The outcome table's rows for the fds the move can affect, after the edit: every reset variant
   * of each fd evaluated, hypothetical ones included (those open the missing groups first, each
   * open checked by the kernel's rules).
   */
  @Benchmark
  public void variantsAfterEdit(Blackhole bh) {
    Analysis a = Analysis.after(before, moved, Profile.DEFAULT);
    for (FdRef fd : AffectedFds.of(a, movedDevice)) {
      for (ResetVariant v : a.variants(fd)) {
        bh.consume(a.evaluate(fd, v));
      }
    }
  }

  private static void evaluate(Analysis a, List<FdRef> fds, Blackhole bh) {
    for (FdRef fd : fds) {
      bh.consume(a.info(fd));
      bh.consume(a.hotReset(fd, a.naturalReset(fd).request()));
    }
  }

  /**
   * Runs every benchmark at the given sizes (default 1k, 10k, 50k) and prints a table; then, with
   * {@code --cpu} as the first argument, measures the same operations in thread CPU time (which a
   * shared, loaded machine distorts far less than wall time) and prints a second table.
   */
  public static void main(String[] args) throws Exception {
    boolean cpu = args.length > 0 && args[0].equals("--cpu");
    String[] sizes = cpu ? java.util.Arrays.copyOfRange(args, 1, args.length) : args;
    if (cpu) {
      CpuTimes.run(sizes.length > 0 ? sizes : new String[] {"1000", "10000", "50000"});
      return;
    }
    OptionsBuilder options = new OptionsBuilder();
    options.include(EngineBenchmark.class.getName() + "\\.");
    if (sizes.length > 0) {
      options.param("size", sizes);
    }
    options.warmupIterations(8).warmupTime(TimeValue.seconds(1));
    options.measurementIterations(5).measurementTime(TimeValue.seconds(1));
    Collection<RunResult> results = new Runner(options.build()).run();
    System.out.println();
    System.out.println("Measurement iterations (µs/op; the warm-up series is in the log above):");
    for (RunResult r : results) {
      for (BenchmarkResult b : r.getBenchmarkResults()) {
        System.out.printf(
            Locale.ROOT, "  %-24s %6s: %s%n", name(r), r.getParams().getParam("size"), series(b));
      }
    }
    System.out.println();
    System.out.println("| benchmark | functions | µs/op (± 99.9 %) | × baseline |");
    System.out.println("|---|---|---|---|");
    for (RunResult r : results) {
      double baseline = baseline(results, r.getParams().getParam("size"));
      double us = r.getPrimaryResult().getScore();
      System.out.printf(
          Locale.ROOT,
          "| %s | %s | %.1f ± %.1f | %.1f |%n",
          name(r),
          r.getParams().getParam("size"),
          us,
          r.getPrimaryResult().getScoreError(),
          us / baseline);
    }
  }

  private static String series(BenchmarkResult b) {
    List<String> out = new ArrayList<>();
    for (IterationResult i : b.getIterationResults()) {
      out.add(String.format(Locale.ROOT, "%.1f", i.getPrimaryResult().getScore()));
    }
    return String.join(" ", out);
  }

  private static String name(RunResult r) {
    return r.getParams().getBenchmark().replaceAll(".*\\.", "");
  }

  private static double baseline(Collection<RunResult> results, String size) {
    return results.stream()
        .filter(r -> name(r).equals("baselineTouchEverything"))
        .filter(r -> r.getParams().getParam("size").equals(size))
        .mapToDouble(r -> r.getPrimaryResult().getScore())
        .findFirst()
        .orElse(Double.NaN);
  }

  /** The operations in thread CPU time per operation, warm-up series shown. */
  static final class CpuTimes {

    private static final java.lang.management.ThreadMXBean MX =
        java.lang.management.ManagementFactory.getThreadMXBean();

    private CpuTimes() {}

    static void run(String[] sizes) {
      Blackhole bh =
          new Blackhole(
              "Today's password is swordfish. I understand instantiating Blackholes directly is"
                  + " dangerous.");
      List<String> rows = new ArrayList<>();
      for (String size : sizes) {
        EngineBenchmark b = new EngineBenchmark();
        b.size = Integer.parseInt(size);
        b.setUp();
        double base = measure("baselineTouchEverything", size, () -> b.baselineTouchEverything(bh));
        for (String name :
            List.of("wholeHost", "afterOwnerChange", "editAndReevaluate", "variantsAfterEdit")) {
          Runnable op =
              switch (name) {
                case "wholeHost" -> () -> b.wholeHost(bh);
                case "afterOwnerChange" -> () -> b.afterOwnerChange(bh);
                case "variantsAfterEdit" -> () -> b.variantsAfterEdit(bh);
                default -> () -> b.editAndReevaluate(bh);
              };
          double us = measure(name, size, op);
          rows.add(
              String.format(Locale.ROOT, "| %s | %s | %.1f | %.1f |", name, size, us, us / base));
        }
        rows.add(
            String.format(
                Locale.ROOT, "| baselineTouchEverything | %s | %.1f | 1.0 |", size, base));
      }
      System.out.println();
      System.out.println("| benchmark | functions | CPU µs/op (median of 5 × 1 s) | × baseline |");
      System.out.println("|---|---|---|---|");
      rows.forEach(System.out::println);
    }

    /** 8 × 1 s warm-up, then the median of 5 × 1 s, each in CPU µs per operation. */
    private static double measure(String name, String size, Runnable op) {
      List<String> series = new ArrayList<>();
      double[] measured = new double[5];
      for (int i = 0; i < 13; i++) {
        long wallEnd = System.nanoTime() + 1_000_000_000L;
        long cpu0 = MX.getCurrentThreadCpuTime();
        long ops = 0;
        do {
          op.run();
          ops++;
        } while (System.nanoTime() < wallEnd);
        double us = (MX.getCurrentThreadCpuTime() - cpu0) / 1e3 / ops;
        series.add(String.format(Locale.ROOT, i == 8 ? "| %.1f" : "%.1f", us));
        if (i >= 8) {
          measured[i - 8] = us;
        }
      }
      System.out.printf(Locale.ROOT, "  %-24s %6s: %s%n", name, size, String.join(" ", series));
      java.util.Arrays.sort(measured);
      return measured[2];
    }
  }
}
