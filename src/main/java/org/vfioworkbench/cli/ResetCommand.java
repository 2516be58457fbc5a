package org.vfioworkbench.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import org.vfioworkbench.engine.Profile;
import org.vfioworkbench.scenario.CallRunner;
import org.vfioworkbench.scenario.CallerSpec;
import org.vfioworkbench.scenario.ExpectedCall;
import org.vfioworkbench.scenario.ExpectedCall.ResetArray;
import org.vfioworkbench.scenario.LoadedScenario;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code reset FILE --device BDF (--groups 20,21 | --fds 5,57 | --empty | --natural)}. */
@Command(
    name = "reset",
    mixinStandardHelpOptions = true,
    description =
        "Call VFIO_DEVICE_PCI_HOT_RESET on a device fd and show the result and its trace.")
final class ResetCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin CommonOptions common;

  @Mixin CallerTarget target;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Array array;

  @Option(names = "--argsz", paramLabel = "N", description = "Override the header's argsz.")
  Long argsz;

  @Option(
      names = "--flags",
      paramLabel = "N",
      description = "Override the header's flags (the kernel wants 0).")
  Long flags;

  /** The ways to build the fd array; exactly one. */
  static final class Array {
    @Option(
        names = "--groups",
        split = ",",
        paramLabel = "ID",
        description = "Pass the caller's holder's group files for these group ids.")
    List<Integer> groups;

    @Option(
        names = "--fds",
        split = ",",
        paramLabel = "FD",
        description = "Pass these fd numbers as they are.")
    List<Integer> fds;

    @Option(names = "--empty", description = "Pass the zero-length array.")
    boolean empty;

    @Option(names = "--natural", description = "Pass the array the holder would build itself.")
    boolean natural;

    ResetArray toArray() {
      if (groups != null) {
        return new ResetArray(ResetArray.Kind.GROUPS, groups);
      }
      if (fds != null) {
        return new ResetArray(ResetArray.Kind.FDS, fds);
      }
      return new ResetArray(empty ? ResetArray.Kind.EMPTY : ResetArray.Kind.NATURAL, List.of());
    }
  }

  @Override
  public Integer call() {
    CallerTarget.Resolved resolved = target.resolve(common);
    LoadedScenario loaded = resolved.loaded();
    CallerSpec spec = resolved.spec();
    checkU32("--argsz", argsz);
    checkU32("--flags", flags);
    Profile profile = resolved.profile();
    ExpectedCall.Reset call =
        new ExpectedCall.Reset(
            spec,
            array.toArray(),
            argsz == null ? OptionalLong.empty() : OptionalLong.of(argsz),
            flags == null ? 0 : flags);
    CallRunner.ResetRan ran = (CallRunner.ResetRan) ScenarioFiles.run(loaded, profile, call);
    PrintWriter out = this.spec.commandLine().getOut();
    if (common.json) {
      ObjectNode o = JsonResults.reset(ran.result());
      o.set("caller", JsonResults.caller(ran.caller(), null));
      o.set("request", JsonResults.request(ran.request(), ran.how()));
      o.put("profile", profile.id());
      out.println(JsonResults.print(o));
    } else {
      out.println("HOT_RESET on " + ran.caller() + " (" + spec + "), profile " + profile.id());
      out.println(
          "  array: "
              + ran.how()
              + "; header argsz "
              + ran.request().argsz()
              + ", flags "
              + ran.request().flags()
              + ", count "
              + ran.request().count());
      out.println("  result: " + TextResults.resetSummary(ran.result()));
      out.println("  decided by " + TextResults.decidingStep(ran.result()));
      QemuLines.text(
              org.vfioworkbench.engine.Analysis.of(loaded.scenario().topology(), profile),
              ran.caller(),
              "  ")
          .forEach(out::println);
      out.println("  trace:");
      TextResults.trace(out, ran.result().trace(), "    ");
    }
    return ExitCodes.OK;
  }

  private static void checkU32(String option, Long value) {
    if (value != null && (value < 0 || value > 0xFFFF_FFFFL)) {
      throw new BadInputException(option + " " + value + " is not a u32 (0..4294967295)");
    }
  }
}
