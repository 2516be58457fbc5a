package org.vfioworkbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The training run a class-data-sharing archive is dumped from ({@code -XX:ArchiveClassesAtExit} at
 * package time): the commands people run most, {@code evaluate}, {@code check} and {@code scan}, in
 * text and JSON, on the scenario files given and on a tiny host laid out as sysfs and procfs show
 * one ({@link TrainingHost}), and the usage of every command, with their output thrown away. Every
 * class they load is then mapped from the archive instead of being loaded and verified at each
 * start.
 */
public final class StartupTraining {

  private StartupTraining() {}

  /** The bundled sample the training evaluates when it is given no file. */
  static final String DEFAULT_SAMPLE = "/sample-topologies/s19-seed-cdev-and-type1-group.json";

  /**
   * Runs the training commands on {@code scenarios} (the bundled seed-case sample when empty);
   * returns the number of commands that ended in bad input or an internal error (0 when the
   * training covered what it should).
   */
  public static int run(List<Path> scenarios) throws IOException {
    Path root = Files.createTempDirectory("vfio-workbench-training");
    Path sample = root.resolve("sample.json");
    try {
      if (scenarios.isEmpty()) {
        try (java.io.InputStream in = StartupTraining.class.getResourceAsStream(DEFAULT_SAMPLE)) {
          if (in == null) {
            throw new IOException(DEFAULT_SAMPLE + " is not in the class path");
          }
          Files.copy(in, sample);
        }
        scenarios = List.of(sample);
      }
      List<String[]> runs = new ArrayList<>();
      for (Path s : scenarios) {
        runs.add(new String[] {"evaluate", s.toString()});
        runs.add(new String[] {"evaluate", s.toString(), "--json"});
        runs.add(new String[] {"check", s.toString()});
      }
      // Usage builds every command's model and converters and renders help: every subcommand's
      // command-line side then comes from the archive too.
      runs.add(new String[] {"--help"});
      runs.add(new String[] {"evaluate", "--help"});
      Path host = root.resolve("host");
      TrainingHost.write(host);
      runs.add(new String[] {"scan", "--root", host.toString()});
      runs.add(new String[] {"scan", "--root", host.toString(), "--json"});
      int failed = 0;
      for (String[] args : runs) {
        PrintWriter sink = new PrintWriter(Writer.nullWriter());
        int code = WorkbenchCli.run(args, sink, sink);
        if (code >= ExitCodes.BAD_INPUT) {
          failed++;
        }
      }
      return failed;
    } finally {
      TrainingHost.delete(root.resolve("host"));
      Files.deleteIfExists(sample);
      Files.deleteIfExists(root);
    }
  }
}
