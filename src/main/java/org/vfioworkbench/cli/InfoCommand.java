package org.vfioworkbench.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import org.vfioworkbench.engine.Profile;
import org.vfioworkbench.scenario.CallRunner;
import org.vfioworkbench.scenario.CallerSpec;
import org.vfioworkbench.scenario.ExpectedCall;
import org.vfioworkbench.scenario.LoadedScenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code info FILE --device BDF [--argsz N]}: one {@code VFIO_DEVICE_GET_PCI_HOT_RESET_INFO}. */
@Command(
    name = "info",
    mixinStandardHelpOptions = true,
    description =
        "Call VFIO_DEVICE_GET_PCI_HOT_RESET_INFO on a device fd and show the reply and its trace.")
final class InfoCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin CommonOptions common;

  @Mixin CallerTarget target;

  @Option(
      names = "--argsz",
      paramLabel = "N",
      description = "The header's argsz (default: large enough for every entry; 12 = header only).")
  Long argsz;

  @Override
  public Integer call() {
    CallerTarget.Resolved resolved = target.resolve(common);
    LoadedScenario loaded = resolved.loaded();
    CallerSpec spec = resolved.spec();
    if (argsz != null && (argsz < 0 || argsz > 0xFFFF_FFFFL)) {
      throw new BadInputException("--argsz " + argsz + " is not a u32 (0..4294967295)");
    }
    Profile profile = resolved.profile();
    ExpectedCall.Info call =
        new ExpectedCall.Info(spec, argsz == null ? OptionalLong.empty() : OptionalLong.of(argsz));
    CallRunner.InfoRan ran = (CallRunner.InfoRan) ScenarioFiles.run(loaded, profile, call);
    PrintWriter out = this.spec.commandLine().getOut();
    if (common.json) {
      ObjectNode o = JsonResults.info(ran.result());
      o.set("caller", JsonResults.caller(ran.caller(), null));
      o.put("profile", profile.id());
      out.println(JsonResults.print(o));
    } else {
      out.println(
          "INFO on "
              + ran.caller()
              + " ("
              + spec
              + "), argsz "
              + ran.argsz()
              + ", profile "
              + profile.id());
      out.println("  result: " + TextResults.infoSummary(ran.result()));
      TextResults.entries(out, ran.result(), "    ");
      out.println("  decided by " + TextResults.decidingStep(ran.result()));
      out.println("  trace:");
      TextResults.trace(out, ran.result().trace(), "    ");
    }
    return ExitCodes.OK;
  }
}
