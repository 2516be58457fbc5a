package org.vfioworkbench.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.vfioworkbench.engine.Profile;
import org.vfioworkbench.engine.ProfileDifference;
import org.vfioworkbench.engine.report.ReportFormat;
import org.vfioworkbench.engine.report.ReviewReport;
import org.vfioworkbench.scenario.LoadedScenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code compare FILE --profile A --profile B}: every call of {@code evaluate} (and a header-only
 * INFO and every reset variant) under two profiles, listing each field that differs. Exit 1 when
 * something differs.
 */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = "Evaluate a scenario under two profiles and list every result that differs.")
final class CompareCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "A scenario file.")
  Path file;

  @Option(
      names = "--profile",
      paramLabel = "PROFILE",
      converter = ProfileConverter.class,
      required = true,
      description =
          "Give twice: the two profiles to compare (linux-6.10, linux-6.6, linux-5.15, "
              + "review-devfd-proof, review-info-strict).")
  List<Profile> profiles;

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      converter = ReportFormatConverter.class,
      description =
          "Print the whole review report under the first profile with the differences the second"
              + " makes, as markdown or text, instead of the differences alone.")
  ReportFormat format;

  @Override
  public Integer call() {
    if (profiles.size() != 2) {
      throw new BadInputException(
          "compare needs exactly two --profile options, got " + profiles.size());
    }
    if (format != null && json) {
      throw new BadInputException("give --format or --json, not both");
    }
    LoadedScenario loaded = ScenarioFiles.load(file);
    Profile a = profiles.get(0);
    Profile b = profiles.get(1);
    ReviewReport report = ReviewReport.compared(EvaluateCommand.subject(loaded), a, b);
    List<ProfileDifference> diffs = report.differences();
    PrintWriter out = spec.commandLine().getOut();
    if (format != null) {
      out.print(report.render(format));
    } else if (json) {
      ObjectNode root = JsonResults.object();
      root.put("file", loaded.source());
      root.put("first", a.id());
      root.put("second", b.id());
      ArrayNode list = root.putArray("differences");
      for (ProfileDifference d : diffs) {
        ObjectNode o = list.addObject();
        o.put("call", d.call());
        o.put("field", d.field());
        o.put("first", d.first());
        o.put("second", d.second());
      }
      out.println(JsonResults.print(root));
    } else {
      report.comparison().forEach(out::println);
    }
    return diffs.isEmpty() ? ExitCodes.OK : ExitCodes.DIFFERS;
  }
}
