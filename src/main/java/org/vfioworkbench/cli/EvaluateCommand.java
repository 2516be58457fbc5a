package org.vfioworkbench.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.vfioworkbench.engine.Analysis;
import org.vfioworkbench.engine.DeviceVerdict;
import org.vfioworkbench.engine.InfoResult;
import org.vfioworkbench.engine.KernelCalls;
import org.vfioworkbench.engine.Profile;
import org.vfioworkbench.engine.Refusal;
import org.vfioworkbench.engine.ResetResult;
import org.vfioworkbench.engine.ResetVariant;
import org.vfioworkbench.engine.diagnostics.Diagnostics;
import org.vfioworkbench.engine.report.ReportFormat;
import org.vfioworkbench.engine.report.ReportSubject;
import org.vfioworkbench.engine.report.ResultText;
import org.vfioworkbench.engine.report.ReviewReport;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.FdRef;
import org.vfioworkbench.model.OpenFile;
import org.vfioworkbench.model.Topology;
import org.vfioworkbench.scenario.LoadedScenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code evaluate FILE}: for every vfio device fd, INFO with a large buffer and the reset its
 * holder would naturally attempt (the zero-length array from a cdev, else its group files INFO
 * listed), as a table and then per device, with the deciding trace step; then the engine's
 * diagnostics of the state.
 */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description = "Show INFO and the natural hot reset for every vfio device fd in a scenario.")
final class EvaluateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin CommonOptions common;

  @Parameters(paramLabel = "FILE", description = "A scenario file.")
  Path file;

  @Option(names = "--trace", description = "Show every trace step, not only those of failures.")
  boolean fullTrace;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      converter = ReportFormatConverter.class,
      description =
          "Print the whole review report (topology tree, groups, dev_sets, holders, every reset"
              + " variant) as markdown or text instead of the evaluation alone.")
  ReportFormat format;

  /** One device fd evaluated. */
  private record Row(
      FdRef fd,
      Bdf device,
      String path,
      InfoResult info,
      ResetVariant natural,
      ResetResult reset) {}

  @Override
  public Integer call() {
    LoadedScenario loaded = ScenarioFiles.load(file);
    Topology topology = loaded.scenario().topology();
    Profile profile = common.profile().orElse(loaded.scenario().profileOrDefault());
    if (format != null && common.json) {
      throw new BadInputException("give --format or --json, not both");
    }
    ReviewReport report = ReviewReport.of(subject(loaded), profile);
    PrintWriter out = spec.commandLine().getOut();
    if (format != null) {
      out.print(report.render(format, fullTrace));
    } else if (common.json) {
      Analysis analysis = report.analysis();
      List<Row> rows = new ArrayList<>();
      for (DeviceVerdict v : report.verdicts()) {
        OpenFile f = topology.file(v.fd()).orElseThrow();
        rows.add(
            new Row(
                v.fd(),
                v.device(),
                ResultText.pathOf(f, analysis),
                v.info(),
                v.natural(),
                v.reset()));
      }
      List<Refusal> refusals =
          profile.equals(loaded.scenario().profileOrDefault())
              ? List.of()
              : KernelCalls.validate(topology, profile);
      ObjectNode root = json(loaded, profile, rows, analysis, refusals);
      root.set("diagnostics", JsonResults.diagnostics(Diagnostics.of(analysis)));
      out.println(JsonResults.print(root));
    } else {
      report.evaluation(fullTrace).forEach(out::println);
    }
    return ExitCodes.OK;
  }

  /** The report's subject: the scenario's name, its file and its own profile. */
  static ReportSubject subject(LoadedScenario loaded) {
    return new ReportSubject(
        loaded.scenario().name(),
        loaded.source(),
        loaded.scenario().topology(),
        loaded.scenario().profileOrDefault());
  }

  private ObjectNode json(
      LoadedScenario loaded,
      Profile profile,
      List<Row> rows,
      Analysis analysis,
      List<Refusal> refusals) {
    ObjectNode root = JsonResults.object();
    ObjectNode s = root.putObject("scenario");
    s.put("file", loaded.source());
    s.put("name", loaded.scenario().name());
    root.put("profile", profile.id());
    ArrayNode devices = root.putArray("devices");
    for (Row r : rows) {
      ObjectNode d = JsonResults.caller(r.fd(), r.device());
      d.put("path", r.path());
      d.set("info", JsonResults.info(r.info()));
      ObjectNode natural = JsonResults.request(r.natural().request(), r.natural().description());
      natural.put("kind", r.natural().kind().name());
      natural.set("result", JsonResults.reset(r.reset()));
      d.set("qemu", QemuLines.json(analysis, r.fd()));
      d.set("naturalReset", natural);
      devices.add(d);
    }
    ArrayNode unopened = root.putArray("unopened");
    analysis
        .devices()
        .forEach(
            (bdf, state) -> {
              if (!state.isOpen()) {
                ObjectNode u = unopened.addObject();
                u.put("bdf", bdf.toString());
                u.put("devSet", analysis.devSet(bdf).map(x -> x.key().toString()).orElse(null));
              }
            });
    root.set("refusals", JsonResults.refusals(refusals));
    return root;
  }
}
