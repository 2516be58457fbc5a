package org.vfioworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fuzz suite of issue 15: seeded mutations of the sample scenario files, the fixture captures
 * and host trees laid out from them, run through {@code check}, {@code evaluate}, {@code scan} and
 * {@code capture}. Every case must end with exit 0, 1 or 2 (never 3, an internal error), within its
 * time limit, and with no stack trace or Java exception name in the output.
 *
 * <p>The default run is a few thousand cases. {@code -Dvfioworkbench.fuzz.scale=N} runs N times as
 * many, {@code -Dvfioworkbench.fuzz.seed=S} another series; a failure names the seed of its case
 * and leaves the input in {@code target/fuzz-failures/}.
 */
class HostileInputFuzzTest {

  private static final int SCALE = Integer.getInteger("vfioworkbench.fuzz.scale", 1);
  private static final long SEED = Long.getLong("vfioworkbench.fuzz.seed", 15L);
  private static final Duration PER_CASE = Duration.ofSeconds(30);
  private static final String[] CAPTURES = {
    "workstation", "sriov-server", "noiommu-host", "mixed-qemu"
  };

  private static List<byte[]> scenarios;
  private static List<byte[]> captures;

  @TempDir Path dir;

  @BeforeAll
  static void readSeeds() throws IOException {
    scenarios = new ArrayList<>();
    try (Stream<Path> s = Files.list(Path.of("sample-topologies"))) {
      for (Path p : s.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        scenarios.add(Files.readAllBytes(p));
      }
    }
    captures = new ArrayList<>();
    for (String c : CAPTURES) {
      captures.add(Files.readAllBytes(Path.of(ScanCommandTest.fixture(c))));
    }
  }

  private static long seedOf(String series, int i) {
    return SEED * 1_000_003L + series.hashCode() * 7919L + i;
  }

  @Test
  void mutatedScenarioFiles() throws Exception {
    int cases = 700 * SCALE;
    for (int i = 0; i < cases; i++) {
      long seed = seedOf("scenario", i);
      FuzzMutators m = new FuzzMutators(seed);
      byte[] base = scenarios.get((int) Math.floorMod(seed, (long) scenarios.size()));
      byte[] input = i % 4 == 0 ? m.bytes(base) : m.json(base);
      Path f = dir.resolve("s.json");
      Files.write(f, input);
      check(seed, input, "check", f.toString());
      if (i % 3 == 0) {
        check(seed, input, "evaluate", "--json", f.toString());
      }
    }
  }

  @Test
  void mutatedCaptures() throws Exception {
    int cases = 700 * SCALE;
    for (int i = 0; i < cases; i++) {
      long seed = seedOf("capture", i);
      FuzzMutators m = new FuzzMutators(seed);
      byte[] base = captures.get((int) Math.floorMod(seed, (long) captures.size()));
      byte[] input =
          switch (i % 5) {
            case 0 -> m.bytes(base);
            case 1 -> m.json(base);
            default -> m.capture(base);
          };
      Path f = dir.resolve("c.json");
      Files.write(f, input);
      check(seed, input, "scan", "--json", "--root", f.toString());
      if (i % 4 == 0) {
        check(seed, input, "evaluate", f.toString());
      }
      if (i % 10 == 0) {
        check(seed, input, "scan", "--root", f.toString());
        check(
            seed,
            input,
            "capture",
            "--root",
            f.toString(),
            "-o",
            dir.resolve("again.json.gz").toString());
      }
    }
  }

  @Test
  void mutatedHostTrees() throws Exception {
    int cases = 10 * SCALE;
    for (int i = 0; i < cases; i++) {
      long seed = seedOf("tree", i);
      FuzzMutators m = new FuzzMutators(seed);
      byte[] base = captures.get((int) Math.floorMod(seed, (long) captures.size()));
      byte[] input = m.capture(m.capture(base));
      Path root = Files.createDirectories(dir.resolve("tree" + i));
      layOut(input, root);
      check(seed, input, "scan", "--root", root.toString());
      check(
          seed,
          input,
          "capture",
          "--root",
          root.toString(),
          "-o",
          dir.resolve("tree" + i + ".json").toString());
    }
  }

  /**
   * Lays a capture out as a directory tree: directories, files and symbolic links as recorded
   * (recorded failures are left out). Paths a tree cannot hold are skipped.
   */
  private static void layOut(byte[] capture, Path root) throws IOException {
    JsonNode entries;
    try {
      entries = new ObjectMapper().readTree(capture).get("entries");
    } catch (IOException e) {
      return;
    }
    if (entries == null || !entries.isObject()) {
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = entries.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      try {
        Path p = root.resolve(e.getKey().substring(1)).normalize();
        if (!p.startsWith(root) || p.equals(root)) {
          continue;
        }
        JsonNode v = e.getValue();
        Files.createDirectories(p.getParent());
        if (v.has("dir")) {
          Files.createDirectories(p);
        } else if (v.has("link") && v.get("link").isTextual()) {
          Files.createSymbolicLink(p, Path.of(v.get("link").asText()));
        } else if (v.has("text") && v.get("text").isTextual()) {
          Files.writeString(p, v.get("text").asText(), StandardCharsets.UTF_8);
        } else if (v.has("base64") && v.get("base64").isTextual()) {
          Files.write(p, Base64.getDecoder().decode(v.get("base64").asText()));
        }
      } catch (IOException | RuntimeException skipped) {
        // A path a directory tree cannot hold (a NUL, a file where a directory is): left out.
      }
    }
  }

  private void check(long seed, byte[] input, String... args) throws IOException {
    CliRun r;
    try {
      r = assertTimeoutPreemptively(PER_CASE, () -> CliRun.of(args));
    } catch (AssertionError timeout) {
      throw failure(seed, input, args, "did not finish within " + PER_CASE, timeout);
    }
    String all = r.out() + r.err();
    boolean crashed =
        r.exit() == ExitCodes.INTERNAL
            || r.exit() < 0
            || r.exit() > 2
            || all.contains("internal error")
            || all.contains("Exception")
            || all.contains("\tat ")
            || all.matches("(?s).*\\b[A-Za-z]+Error\\b.*");
    if (crashed) {
      throw failure(seed, input, args, "exit " + r.exit() + ":\n" + abbreviate(all), null);
    }
  }

  private static AssertionError failure(
      long seed, byte[] input, String[] args, String what, Throwable cause) throws IOException {
    Path keep = Path.of("target", "fuzz-failures");
    Files.createDirectories(keep);
    Path f = keep.resolve("seed-" + seed + ".input");
    Files.write(f, input);
    AssertionError e =
        new AssertionError(
            "fuzz case seed "
                + seed
                + " ("
                + String.join(" ", args)
                + ", input kept in "
                + f
                + "): "
                + what);
    if (cause != null) {
      e.initCause(cause);
    }
    return e;
  }

  private static String abbreviate(String s) {
    return s.length() < 3000 ? s : s.substring(0, 3000) + "...";
  }

  @Test
  void theMutatorsAreSeeded() {
    byte[] base =
        "{\"format\": 1, \"functions\": [{\"bdf\": \"0000:00:00.0\"}]}"
            .getBytes(StandardCharsets.UTF_8);
    assertThat(new FuzzMutators(7).json(base)).isEqualTo(new FuzzMutators(7).json(base));
    assertThat(new FuzzMutators(7).bytes(base)).isEqualTo(new FuzzMutators(7).bytes(base));
  }
}
