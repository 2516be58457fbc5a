package org.vfioworkbench.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.vfioworkbench.engine.Analysis;
import org.vfioworkbench.engine.DeviceState;
import org.vfioworkbench.engine.DeviceVerdict;
import org.vfioworkbench.engine.InfoResult;
import org.vfioworkbench.engine.KernelCalls;
import org.vfioworkbench.engine.Profile;
import org.vfioworkbench.engine.Refusal;
import org.vfioworkbench.engine.ResetResult;
import org.vfioworkbench.engine.ResetVariant;
import org.vfioworkbench.engine.diagnostics.Diagnostic;
import org.vfioworkbench.engine.diagnostics.Diagnostics;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.CdevFile;
import org.vfioworkbench.model.DeviceFile;
import org.vfioworkbench.model.FdRef;
import org.vfioworkbench.model.OpenFile;
import org.vfioworkbench.model.PciFunction;
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
    Analysis analysis = Analysis.of(topology, profile);
    List<Row> rows = new ArrayList<>();
    for (DeviceVerdict v : DeviceVerdict.all(analysis)) {
      OpenFile f = topology.file(v.fd()).orElseThrow();
      rows.add(new Row(v.fd(), v.device(), pathOf(f, analysis), v.info(), v.natural(), v.reset()));
    }
    List<Refusal> refusals =
        profile.equals(loaded.scenario().profileOrDefault())
            ? List.of()
            : KernelCalls.validate(topology, profile);
    List<Diagnostic> diagnostics = Diagnostics.of(analysis);
    PrintWriter out = spec.commandLine().getOut();
    if (common.json) {
      ObjectNode root = json(loaded, profile, rows, analysis, refusals);
      root.set("diagnostics", JsonResults.diagnostics(diagnostics));
      out.println(JsonResults.print(root));
    } else {
      text(out, loaded, profile, rows, analysis, refusals);
      out.println();
      // the refusals were listed above in the kernel's words
      TextResults.diagnostics(
          out,
          refusals.isEmpty()
              ? diagnostics
              : diagnostics.stream()
                  .filter(d -> d.kind() != Diagnostic.Kind.KERNEL_REFUSAL)
                  .toList(),
          "");
    }
    return ExitCodes.OK;
  }

  private void text(
      PrintWriter out,
      LoadedScenario loaded,
      Profile profile,
      List<Row> rows,
      Analysis analysis,
      List<Refusal> refusals) {
    out.println(
        "Scenario  "
            + (loaded.scenario().name().isEmpty() ? loaded.source() : loaded.scenario().name()));
    out.println("File      " + loaded.source());
    out.println("Profile   " + profile.id() + " (" + profile.label() + ")");
    out.println();
    if (rows.isEmpty()) {
      out.println("No holder has a vfio device open.");
    } else {
      TextTable table =
          new TextTable("FD", "DEVICE", "OPENED VIA", "INFO", "NATURAL RESET", "RESULT");
      for (Row r : rows) {
        table.row(
            r.fd().toString(),
            r.device().toString(),
            r.path(),
            TextResults.infoShort(r.info()),
            arrayShort(r.fd(), r.natural(), analysis.topology()),
            r.reset().succeeded()
                ? "0, " + r.reset().reset().size() + " reset"
                : r.reset().retLabel());
      }
      table.print(out);
    }
    for (Row r : rows) {
      out.println();
      details(out, r, analysis);
    }
    unopened(out, analysis);
    if (!refusals.isEmpty()) {
      out.println();
      out.println("Under " + profile.id() + " the kernel would refuse some of the holders' files:");
      refusals.forEach(x -> out.println("  " + x));
    }
  }

  private void details(PrintWriter out, Row r, Analysis analysis) {
    Topology topology = analysis.topology();
    String name =
        topology
            .function(r.device())
            .map(PciFunction::description)
            .filter(d -> !d.isEmpty())
            .map(d -> " (" + d + ")")
            .orElse("");
    out.println(r.fd() + "  " + r.device() + name + ", opened via " + r.path());
    out.println("  INFO: " + TextResults.infoSummary(r.info()));
    TextResults.entries(out, r.info(), "    ");
    if (!r.info().succeeded() || fullTrace) {
      out.println("    decided by " + TextResults.decidingStep(r.info()));
      out.println("    trace:");
      TextResults.trace(out, r.info().trace(), "      ");
    }
    String how =
        r.natural().kind() == ResetVariant.Kind.EMPTY_ARRAY
            ? "what a cdev-opened caller sends"
            : r.natural().description();
    out.println(
        "  Natural reset: "
            + arrayShort(r.fd(), r.natural(), topology)
            + " ("
            + how
            + ") → "
            + TextResults.resetSummary(r.reset()));
    out.println("    decided by " + TextResults.decidingStep(r.reset()));
    QemuLines.text(analysis, r.fd(), "  ").forEach(out::println);
    if (!r.reset().succeeded() || fullTrace) {
      out.println("    trace:");
      TextResults.trace(out, r.reset().trace(), "      ");
    }
  }

  private static void unopened(PrintWriter out, Analysis analysis) {
    List<String> lines = new ArrayList<>();
    for (Map.Entry<Bdf, DeviceState> e : analysis.devices().entrySet()) {
      if (!e.getValue().isOpen()) {
        lines.add(
            "  "
                + e.getKey()
                + "  "
                + analysis.topology().function(e.getKey()).map(f -> f.driver().label()).orElse("?")
                + ", dev_set "
                + analysis.devSet(e.getKey()).map(d -> d.key().toString()).orElse("none"));
      }
    }
    if (!lines.isEmpty()) {
      out.println();
      out.println("vfio devices nobody has open:");
      lines.forEach(out::println);
    }
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

  /** "zero-length array", "[G21]", "[G20, fd 9]": the array as the reference writes it. */
  static String arrayShort(FdRef caller, ResetVariant v, Topology topology) {
    if (v.request().fds().isEmpty()) {
      return v.kind() == ResetVariant.Kind.EMPTY_ARRAY
          ? "zero-length array"
          : "[] (no group to pass)";
    }
    List<String> items = new ArrayList<>();
    for (int fd : v.request().fds()) {
      items.add(
          topology
              .file(new FdRef(caller.holder(), fd))
              .filter(f -> f instanceof org.vfioworkbench.model.GroupFile)
              .map(f -> "G" + ((org.vfioworkbench.model.GroupFile) f).group())
              .orElse("fd " + fd));
    }
    return "[" + String.join(", ", items) + "]";
  }

  static Bdf deviceOf(OpenFile f) {
    return f.openedDevice().orElseThrow();
  }

  /** "cdev, iommufd A", "cdev, unbound", "group 21, container c1" or "group 21, iommufd A". */
  static String pathOf(OpenFile f, Analysis analysis) {
    if (f instanceof CdevFile c) {
      return "cdev, " + c.boundTo().map(i -> "iommufd " + i).orElse("unbound");
    }
    Bdf device = ((DeviceFile) f).device();
    return analysis
        .topology()
        .function(device)
        .filter(fn -> fn.iommuGroup().isPresent())
        .map(
            fn -> {
              int group = fn.iommuGroup().getAsInt();
              return "group "
                  + group
                  + analysis
                      .groupOpen(group)
                      .flatMap(o -> o.file().attachedTo())
                      .map(c -> ", " + c)
                      .orElse("");
            })
        .orElse("group fd");
  }
}
