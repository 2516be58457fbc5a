package org.vfioworkbench.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.vfioworkbench.engine.SyntheticHost;
import org.vfioworkbench.scenario.Scenario;
import org.vfioworkbench.scenario.ScenarioException;
import org.vfioworkbench.scenario.ScenarioWriter;

/**
 * Writes the engine benchmark's generated host of a given size as a scenario file, for the
 * whole-process {@code evaluate} of a big file in {@code .ci/benchmarks.sh}. Usage: {@code
 * SyntheticHostFile FUNCTIONS OUTPUT.json}; an existing file is kept (the host is reproducible).
 */
public final class SyntheticHostFile {

  private SyntheticHostFile() {}

  /** Writes the file unless it exists; exits 2 on a usage error. */
  public static void main(String[] args) throws ScenarioException {
    if (args.length != 2) {
      System.err.println("usage: SyntheticHostFile FUNCTIONS OUTPUT.json");
      System.exit(2);
    }
    int functions = Integer.parseInt(args[0]);
    Path out = Path.of(args[1]);
    if (out.toFile().isFile()) {
      return;
    }
    String name = "generated-" + functions;
    String description =
        "EngineBenchmark.spec(" + functions + "): the engine benchmark's host, written as a file";
    ScenarioWriter.save(
        new Scenario(
            name,
            description,
            Optional.empty(),
            SyntheticHost.generate(EngineBenchmark.spec(functions)),
            List.of()),
        out);
  }
}
