package org.vfioworkbench.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.vfioworkbench.engine.Analysis;
import org.vfioworkbench.engine.diagnostics.Diagnostic;
import org.vfioworkbench.engine.diagnostics.Diagnostics;
import org.vfioworkbench.scenario.CallRunner;
import org.vfioworkbench.scenario.ExpectationChecker;
import org.vfioworkbench.scenario.ExpectationOutcome;
import org.vfioworkbench.scenario.LoadedScenario;
import org.vfioworkbench.scenario.Mismatch;
import org.vfioworkbench.scenario.ScenarioException;
import org.vfioworkbench.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code check FILE...}: evaluates every file's {@code expect} blocks and prints each mismatch,
 * then the engine's diagnostics of the file's state (which do not change the exit status). Exit 1
 * when an expectation fails, 2 when a file cannot be read (which wins).
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = "Verify the expect blocks of scenario files; print every field that differs.")
final class CheckCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin CommonOptions common;

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "Scenario files.")
  List<Path> files;

  @Option(
      names = {"-v", "--verbose"},
      description = "List passing expectations too.")
  boolean verbose;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ObjectNode root = JsonResults.object();
    ArrayNode results = root.putArray("files");
    int passed = 0;
    int failed = 0;
    int notRun = 0;
    int unreadable = 0;
    for (Path file : files) {
      ObjectNode fileNode = results.addObject();
      fileNode.put("file", file.toString());
      LoadedScenario loaded;
      try {
        loaded = ScenarioLoader.read(file);
      } catch (ScenarioException e) {
        unreadable++;
        fileNode.put("error", e.getMessage());
        if (!common.json) {
          err.println(e.getMessage());
        }
        continue;
      }
      List<ExpectationOutcome> outcomes =
          ExpectationChecker.check(loaded.scenario(), common.profile());
      ArrayNode expectations = fileNode.putArray("expectations");
      int filePassed = 0;
      int fileNotRun = 0;
      for (ExpectationOutcome o : outcomes) {
        expectations.add(json(o, loaded));
        if (o.passed()) {
          filePassed++;
        } else if (!o.evaluated()) {
          fileNotRun++;
        }
      }
      List<Diagnostic> diagnostics =
          Diagnostics.of(
              Analysis.of(
                  loaded.scenario().topology(),
                  common.profile().orElse(loaded.scenario().profileOrDefault())));
      fileNode.set("diagnostics", JsonResults.diagnostics(diagnostics));
      passed += filePassed;
      notRun += fileNotRun;
      failed += outcomes.size() - filePassed - fileNotRun;
      if (!common.json) {
        text(out, loaded, outcomes, filePassed);
        if (!diagnostics.isEmpty()) {
          TextResults.diagnostics(out, diagnostics, "  ");
        }
      }
    }
    root.put("passed", passed);
    root.put("failed", failed);
    root.put("notEvaluated", notRun);
    root.put("unreadable", unreadable);
    if (common.json) {
      out.println(JsonResults.print(root));
    } else {
      out.println();
      out.println(
          files.size()
              + " file"
              + (files.size() == 1 ? "" : "s")
              + ": "
              + passed
              + " expectation"
              + (passed == 1 ? "" : "s")
              + " hold, "
              + failed
              + " differ"
              + (failed == 1 ? "s" : "")
              + (notRun > 0 ? ", " + notRun + " cannot be evaluated" : "")
              + (unreadable > 0
                  ? ", " + unreadable + " file" + (unreadable == 1 ? "" : "s") + " unreadable"
                  : ""));
    }
    if (unreadable > 0 || notRun > 0) {
      return ExitCodes.BAD_INPUT;
    }
    return failed > 0 ? ExitCodes.DIFFERS : ExitCodes.OK;
  }

  private void text(
      PrintWriter out, LoadedScenario loaded, List<ExpectationOutcome> outcomes, int passed) {
    int total = outcomes.size();
    String status =
        total == 0
            ? "no expectations"
            : passed == total
                ? total + " expectation" + (total == 1 ? "" : "s") + " hold"
                : (total - passed) + " of " + total + " expectations differ or cannot be evaluated";
    out.println(loaded.source() + ": " + status);
    for (ExpectationOutcome o : outcomes) {
      if (o.passed() && !verbose) {
        continue;
      }
      int line = loaded.lineOf(o.index());
      String verdict = o.passed() ? "ok " : o.evaluated() ? "DIFFERS " : "CANNOT EVALUATE ";
      out.println(
          "  "
              + verdict
              + "expect["
              + o.index()
              + "]"
              + (line > 0 ? " (line " + line + ")" : "")
              + " "
              + o.expectation().label()
              + (o.expectation().about().isEmpty() ? "" : ": " + o.expectation().about()));
      for (Mismatch m : o.mismatches()) {
        out.println("      " + m);
      }
      if (o.ran() instanceof CallRunner.NotRun n) {
        out.println("      " + n.reason());
      } else if (!o.passed()) {
        out.println("      decided by " + decidingStep(o.ran()));
      }
    }
  }

  private static String decidingStep(CallRunner.Ran ran) {
    if (ran instanceof CallRunner.InfoRan i) {
      return TextResults.decidingStep(i.result());
    }
    if (ran instanceof CallRunner.ResetRan r) {
      return TextResults.decidingStep(r.result());
    }
    if (ran instanceof CallRunner.OpenRan o) {
      return o.attempt().refusal().map(Object::toString).orElse("the kernel allowed the open");
    }
    return "nothing: the call was not made";
  }

  private static ObjectNode json(ExpectationOutcome o, LoadedScenario loaded) {
    ObjectNode n = JsonResults.object();
    n.put("index", o.index());
    n.put("line", loaded.lineOf(o.index()));
    o.expectation().row().ifPresent(r -> n.put("row", r));
    n.put("call", o.expectation().call().describe());
    n.put("about", o.expectation().about());
    n.put("profile", o.profile().id());
    n.put("passed", o.passed());
    n.put("evaluated", o.evaluated());
    if (o.ran() instanceof CallRunner.NotRun notRun) {
      n.put("notEvaluatedBecause", notRun.reason());
    }
    ArrayNode mismatches = n.putArray("mismatches");
    for (Mismatch m : o.mismatches()) {
      ObjectNode x = mismatches.addObject();
      x.put("field", m.field());
      x.put("expected", m.expected());
      x.put("actual", m.actual());
    }
    return n;
  }
}
