package org.vfioworkbench.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.vfioworkbench.engine.Analysis;
import org.vfioworkbench.engine.Profile;
import org.vfioworkbench.engine.plan.GraphExport;
import org.vfioworkbench.engine.plan.HostGraph;
import org.vfioworkbench.scenario.LoadedScenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code export --format dot|graphml FILE [--output OUT]}: the host graph (functions, groups,
 * dev-sets, holders, fds) for Graphviz or any GraphML reader; standard output without {@code
 * --output}.
 */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = "Write the host graph as Graphviz DOT or GraphML.")
final class ExportCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin CommonOptions common;

  @Parameters(paramLabel = "FILE", description = "A scenario file, or a host capture.")
  Path file;

  @Option(
      names = "--format",
      required = true,
      paramLabel = "dot|graphml",
      description = "dot or graphml.")
  String format;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "OUT",
      description = "Write here, not to stdout.")
  Path output;

  @Override
  public Integer call() {
    GraphExport.Format f =
        switch (format.toLowerCase(java.util.Locale.ROOT)) {
          case "dot" -> GraphExport.Format.DOT;
          case "graphml" -> GraphExport.Format.GRAPHML;
          default ->
              throw new BadInputException("--format: '" + format + "' is not dot or graphml");
        };
    LoadedScenario loaded = ScenarioFiles.load(file);
    Profile profile = common.profile().orElse(loaded.scenario().profileOrDefault());
    HostGraph graph = HostGraph.of(Analysis.of(loaded.scenario().topology(), profile));
    if (output == null) {
      PrintWriter out = spec.commandLine().getOut();
      GraphExport.write(graph, f, out);
      out.flush();
      return ExitCodes.OK;
    }
    try (Writer w = new OutputStreamWriter(Files.newOutputStream(output), StandardCharsets.UTF_8)) {
      GraphExport.write(graph, f, w);
    } catch (IOException e) {
      throw new BadInputException(output + ": " + e.getMessage());
    }
    return ExitCodes.OK;
  }
}
