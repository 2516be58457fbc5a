package org.vfioworkbench.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.vfioworkbench.engine.Analysis;
import org.vfioworkbench.engine.Profile;
import org.vfioworkbench.engine.remedy.Blocker;
import org.vfioworkbench.engine.remedy.Explainer;
import org.vfioworkbench.engine.remedy.Explanation;
import org.vfioworkbench.engine.remedy.HolderInfo;
import org.vfioworkbench.engine.remedy.Refused;
import org.vfioworkbench.engine.remedy.Remedy;
import org.vfioworkbench.model.FdRef;
import org.vfioworkbench.scenario.CallerSpec;
import org.vfioworkbench.scenario.LoadedScenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code explain FILE [--device BDF | --caller H:FD]}: why natural resets fail, who holds what is
 * in the way, and the remedies the engine verified. Exit 0 when every reset explained succeeds, 1
 * when one fails, 2 on bad input.
 */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description = "Explain failing hot resets: what blocks them, who holds it, and verified fixes.")
final class ExplainCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin CommonOptions common;

  @Parameters(paramLabel = "FILE", description = "A scenario file, or a host capture.")
  Path file;

  @Option(names = "--device", paramLabel = "BDF", description = "Only this device's fd.")
  String device;

  @Option(names = "--caller", paramLabel = "HOLDER:FD", description = "Only this fd.")
  String caller;

  @Option(names = "--refused", description = "Also list the fixes considered and not offered.")
  boolean showRefused;

  @Override
  public Integer call() {
    LoadedScenario loaded = ScenarioFiles.load(file);
    Profile profile = common.profile().orElse(loaded.scenario().profileOrDefault());
    Analysis a = Analysis.of(loaded.scenario().topology(), profile);
    List<Explanation> explanations;
    if (device == null && caller == null) {
      explanations = Explainer.explainFailures(a);
    } else {
      CallerSpec s = ScenarioFiles.caller(device, caller);
      FdRef fd = ScenarioFiles.resolve(loaded, s);
      explanations = List.of(Explainer.explain(a, fd));
    }
    PrintWriter out = spec.commandLine().getOut();
    if (common.json) {
      out.println(JsonResults.print(json(loaded, profile, explanations)));
    } else {
      text(out, loaded, profile, explanations);
    }
    return explanations.stream().allMatch(e -> e.result().succeeded())
        ? ExitCodes.OK
        : ExitCodes.DIFFERS;
  }

  private void text(
      PrintWriter out, LoadedScenario loaded, Profile profile, List<Explanation> list) {
    out.println("File      " + loaded.source());
    out.println("Profile   " + profile.id());
    if (list.isEmpty()) {
      out.println();
      out.println("Every natural reset succeeds: nothing to explain.");
      return;
    }
    for (Explanation e : list) {
      out.println();
      out.println(e.caller() + "  " + e.device() + "  held by " + e.holder().describe());
      out.println(
          "  natural reset: "
              + e.natural().description()
              + " → "
              + TextResults.resetSummary(e.result()));
      if (e.result().succeeded()) {
        continue;
      }
      out.println("    decided by " + TextResults.decidingStep(e.result()));
      for (String line : e.qemu().printed()) {
        out.println("  QEMU would print: " + line);
      }
      if (!e.blockers().isEmpty()) {
        out.println("  in the way:");
        for (Blocker b : e.blockers()) {
          out.println(
              "    "
                  + b.function()
                  + " (group "
                  + (b.group().isPresent() ? String.valueOf(b.group().getAsInt()) : "none")
                  + ", "
                  + b.driver()
                  + "): "
                  + String.join("; ", b.reasons()));
        }
      }
      if (e.remedies().isEmpty()) {
        e.noRemedy().ifPresent(n -> out.println("  no remedy: " + n.reason()));
      } else {
        out.println("  remedies (verified: the kernel allows each, and the reset then succeeds):");
        int i = 1;
        for (Remedy r : e.remedies()) {
          out.println("    " + i++ + ". " + r.title());
          out.println(
              "       cost: "
                  + (r.cost().isEmpty() ? "nothing from anyone" : String.join("; ", r.cost())));
        }
      }
      if (showRefused && !e.refused().isEmpty()) {
        out.println("  considered, not offered:");
        for (Refused r : e.refused()) {
          out.println("    - " + r.title() + ": " + r.why());
        }
      }
    }
  }

  private static ObjectNode json(LoadedScenario loaded, Profile profile, List<Explanation> list) {
    ObjectNode root = JsonResults.object();
    root.put("file", loaded.source());
    root.put("profile", profile.id());
    root.put("allSucceed", list.stream().allMatch(e -> e.result().succeeded()));
    ArrayNode arr = root.putArray("explanations");
    for (Explanation e : list) {
      ObjectNode o = JsonResults.caller(e.caller(), e.device());
      o.set("holder", holder(e.holder()));
      ObjectNode n = JsonResults.request(e.natural().request(), e.natural().description());
      n.put("kind", e.natural().kind().name());
      n.set("result", JsonResults.reset(e.result()));
      o.set("naturalReset", n);
      o.set("qemu", QemuLines.json(e.qemu()));
      ArrayNode blockers = o.putArray("blockers");
      for (Blocker b : e.blockers()) {
        ObjectNode x = blockers.addObject();
        x.put("bdf", b.function().toString());
        if (b.group().isPresent()) {
          x.put("group", b.group().getAsInt());
        } else {
          x.putNull("group");
        }
        x.put("driver", b.driver());
        ArrayNode reasons = x.putArray("reasons");
        b.reasons().forEach(reasons::add);
        ArrayNode holders = x.putArray("holders");
        b.holders().forEach(h -> holders.add(holder(h)));
      }
      ArrayNode remedies = o.putArray("remedies");
      for (Remedy r : e.remedies()) {
        ObjectNode x = remedies.addObject();
        x.put("title", r.title());
        x.put("edit", r.edit().describe());
        ArrayNode cost = x.putArray("cost");
        r.cost().forEach(cost::add);
        x.set("result", JsonResults.reset(r.result()));
      }
      ArrayNode refused = o.putArray("refused");
      for (Refused r : e.refused()) {
        ObjectNode x = refused.addObject();
        x.put("title", r.title());
        x.put("why", r.why());
      }
      if (e.noRemedy().isPresent()) {
        ObjectNode x = o.putObject("noRemedy");
        x.put("kind", e.noRemedy().get().kind().name());
        x.put("reason", e.noRemedy().get().reason());
      } else {
        o.putNull("noRemedy");
      }
      arr.add(o);
    }
    return root;
  }

  private static ObjectNode holder(HolderInfo h) {
    ObjectNode o = JsonResults.object();
    o.put("name", h.name());
    o.put("pid", h.pid());
    o.put("consumer", h.consumer().id());
    if (h.vmName().isPresent()) {
      o.put("vm", h.vmName().get());
    } else {
      o.putNull("vm");
    }
    return o;
  }
}
