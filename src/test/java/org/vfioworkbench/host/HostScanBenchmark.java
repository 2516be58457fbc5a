package org.vfioworkbench.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
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
import org.openjdk.jmh.annotations.Timeout;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.vfioworkbench.host.capture.Capture;
import org.vfioworkbench.host.capture.CaptureCodec;
import org.vfioworkbench.host.capture.CaptureFs;
import org.vfioworkbench.host.fs.LiveFs;

/**
 * The host-scan benchmark: a generated host of 10,000 PCI functions and 2,000 processes, scanned
 * from an in-memory capture, from its capture file, and from the directory tree itself, beside
 * {@code lspci -tv} reading the same sysfs tree ({@code -A linux-sysfs -O sysfs.path=...}).
 *
 * <p>Run: {@code mvn -B -Pbench test-compile exec:exec -Dbench.args=HostScanBenchmark}, or this
 * class's {@code main} (which also prints the ratios to lspci). The tree is generated into {@code
 * target/bench-host} (or the {@code dir} parameter) on first use.
 *
 * <p>Eight warm-up iterations: the scan of the tree still gets faster through the first four or
 * five (JIT, page cache); JMH prints every iteration, so the series shows where it settles. An
 * iteration that takes over 120 s (a stalled lspci, a scan that hangs) fails the benchmark instead
 * of hanging it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 5, time = 2)
@Timeout(time = 120)
@Fork(
    value = 1,
    jvmArgs = {"-Xmx2g"})
public class HostScanBenchmark {

  static final int FUNCTIONS = 10_000;
  static final int PROCESSES = 2_000;

  @Param("target/bench-host")
  public String dir;

  private Capture capture;
  private Path tree;
  private Path captureFile;

  @Setup(Level.Trial)
  public void load() throws IOException {
    ensure(Path.of(dir).toAbsolutePath());
    tree = Path.of(dir, "tree");
    captureFile = Path.of(dir, "capture.json.gz");
    capture = CaptureCodec.read(captureFile);
  }

  /** The target: a scan of the 10k/2k host replayed from memory. */
  @Benchmark
  public ScanResult scanCapture() {
    return new HostScanner(new CaptureFs(capture, "bench")).scan();
  }

  /** Reading the gzip-compressed capture file and scanning it. */
  @Benchmark
  public ScanResult loadAndScanCaptureFile() throws IOException {
    return new HostScanner(new CaptureFs(CaptureCodec.read(captureFile), "bench")).scan();
  }

  /** Scanning the directory tree through the live filesystem code path. */
  @Benchmark
  public ScanResult scanTree() {
    return new HostScanner(new LiveFs(tree)).scan();
  }

  /** {@code lspci -tv} on the same sysfs tree. */
  @Benchmark
  public int lspciTree() throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(
                "lspci",
                "-A",
                "linux-sysfs",
                "-O",
                "sysfs.path=" + tree.resolve("sys/bus/pci").toAbsolutePath(),
                "-tv")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException("lspci did not finish within 120 s");
    }
    return p.exitValue();
  }

  /**
   * Generates the host (once) and its capture, then runs the benchmarks and prints ratios. With
   * {@code --generate-only [DIR]} it only generates (for the whole-process comparison in {@code
   * .ci/benchmarks.sh}, which runs the command line and lspci on {@code DIR/tree}).
   */
  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("--generate-only")) {
      ensure(Path.of(args.length > 1 ? args[1] : "target/bench-host").toAbsolutePath());
      return;
    }
    if (args.length > 0 && args[0].equals("--live-data")) {
      System.out.println(liveDataMib(Path.of(args.length > 1 ? args[1] : "target/bench-host")));
      return;
    }
    Path base = Path.of(args.length > 0 ? args[0] : "target/bench-host").toAbsolutePath();
    ensure(base);
    ScanResult check =
        new HostScanner(new CaptureFs(CaptureCodec.read(base.resolve("capture.json.gz")), "bench"))
            .scan();
    System.out.printf(
        "capture holds %d functions, %d buses, %d holders, %d problems%n",
        check.topology().functions().size(),
        check.topology().buses().size(),
        check.topology().holders().size(),
        check.problems().size());
    Collection<RunResult> results =
        new Runner(
                new OptionsBuilder()
                    .include(HostScanBenchmark.class.getName())
                    .param("dir", base.toString())
                    .build())
            .run();
    List<String> rows = new ArrayList<>();
    double lspci = score(results, "lspciTree");
    for (RunResult r : results) {
      String name = r.getParams().getBenchmark().replaceAll(".*\\.", "");
      double ms = r.getPrimaryResult().getScore();
      rows.add(
          String.format(
              "| %s | %.1f ± %.1f | %.2f |",
              name, ms, r.getPrimaryResult().getScoreError(), ms / lspci));
    }
    System.out.println("| benchmark | ms/op | × lspci -tv |");
    System.out.println("|---|---|---|");
    rows.forEach(System.out::println);
  }

  /**
   * The live data of a scan of the tree, in MiB: the heap still used after full collections while
   * the scan result and the engine's verdicts are held (what {@code scan} needs to keep; the rest
   * of its peak is garbage and the JVM itself).
   */
  static String liveDataMib(Path base) {
    Runtime rt = Runtime.getRuntime();
    long before = settledUse(rt);
    ScanResult scan = new HostScanner(new LiveFs(base.resolve("tree"))).scan();
    List<org.vfioworkbench.engine.DeviceVerdict> verdicts =
        org.vfioworkbench.engine.DeviceVerdict.all(
            org.vfioworkbench.engine.Analysis.of(
                scan.topology(), org.vfioworkbench.engine.Profile.DEFAULT));
    long after = settledUse(rt);
    long held = scan.topology().functions().size() + verdicts.size();
    return String.format(
        "%.0f MiB (%d functions and verdicts held)", (after - before) / 1048576.0, held);
  }

  private static long settledUse(Runtime rt) {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return rt.totalMemory() - rt.freeMemory();
  }

  /** Generates the tree and its capture under {@code base} unless they are there already. */
  static synchronized void ensure(Path base) throws IOException {
    if (Files.exists(base.resolve("capture.json.gz"))) {
      return;
    }
    Path tree = base.resolve("tree");
    long t0 = System.nanoTime();
    // The tree is about 145,000 small files: written once, marked complete, then reused.
    Path complete = base.resolve("tree.complete");
    int n = FUNCTIONS;
    if (!Files.exists(complete)) {
      n = LargeHostTree.write(tree, FUNCTIONS, PROCESSES);
      Files.writeString(complete, FUNCTIONS + " functions, " + PROCESSES + " processes\n");
    }
    HostScanner.Captured c =
        new HostScanner(new LiveFs(tree)).capture(ScanListener.NONE, "vfio-workbench benchmark");
    CaptureCodec.write(c.capture(), base.resolve("capture.json.gz"));
    System.out.printf(
        "generated %d functions, %d holders, %d capture entries in %.1f s%n",
        n,
        c.result().topology().holders().size(),
        c.capture().size(),
        (System.nanoTime() - t0) / 1e9);
  }

  private static double score(Collection<RunResult> results, String name) {
    return results.stream()
        .filter(r -> r.getParams().getBenchmark().endsWith("." + name))
        .mapToDouble(r -> r.getPrimaryResult().getScore())
        .findFirst()
        .orElse(Double.NaN);
  }
}
