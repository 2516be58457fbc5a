package org.vfioworkbench.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.vfioworkbench.engine.Analysis;
import org.vfioworkbench.engine.Profile;
import org.vfioworkbench.engine.plan.HostGraph;
import org.vfioworkbench.engine.plan.HostUse;
import org.vfioworkbench.engine.plan.Plan;
import org.vfioworkbench.engine.plan.PlannedFunction;
import org.vfioworkbench.engine.plan.Planner;
import org.vfioworkbench.host.HostSources;
import org.vfioworkbench.host.usage.HostUseFacts;
import org.vfioworkbench.host.usage.HostUseReader;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.Topology;
import org.vfioworkbench.scenario.LoadedScenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code plan FILE BDF...}: what passing these functions to a VM drags along, what the host loses,
 * and the lines that would do it (nothing is applied). Exit 0 when the plan takes nothing from the
 * host and nobody else holds what it needs, 1 when it does, 2 on bad input.
 */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description =
        "Plan passing functions to a VM: what comes along, what the host loses, what to"
            + " type. Nothing is applied.")
final class PlanCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin CommonOptions common;

  @Parameters(index = "0", paramLabel = "FILE", description = "A scenario file, or a host capture.")
  Path file;

  @Parameters(
      index = "1..*",
      arity = "1..*",
      paramLabel = "BDF",
      description = "The functions to pass through.")
  List<String> functions;

  @Override
  public Integer call() {
    LoadedScenario loaded = ScenarioFiles.load(file);
    Profile profile = common.profile().orElse(loaded.scenario().profileOrDefault());
    List<Bdf> wanted = new ArrayList<>();
    for (String s : functions) {
      Bdf b;
      try {
        b = Bdf.parse(s);
      } catch (IllegalArgumentException e) {
        throw new BadInputException("'" + s + "' is not a PCI address: " + e.getMessage());
      }
      if (loaded.scenario().topology().function(b).isEmpty()) {
        throw new BadInputException(loaded.source() + ": " + b + " is not among the functions");
      }
      wanted.add(b);
    }
    Topology topology = loaded.scenario().topology();
    HostUseFacts facts = hostFacts(topology);
    Plan p =
        Planner.plan(
            HostGraph.of(Analysis.of(topology, profile)),
            wanted,
            facts == null ? HostUse.fromDrivers() : facts.toHostUse());
    PrintWriter out = spec.commandLine().getOut();
    if (common.json) {
      out.println(JsonResults.print(json(loaded, p, facts)));
    } else {
      text(out, loaded, p, facts);
    }
    boolean clean =
        p.takenFromHost().isEmpty() && p.functions().stream().allMatch(f -> f.heldBy().isEmpty());
    return clean ? ExitCodes.OK : ExitCodes.DIFFERS;
  }

  /**
   * What a host (a root directory or a capture) uses its functions for, read read-only; null for a
   * scenario file, which has no mounts, interfaces or boot display.
   */
  private HostUseFacts hostFacts(Topology topology) {
    if (!Files.isDirectory(file) && !HostSources.isCapture(file)) {
      return null;
    }
    if (!Files.isDirectory(file)) {
      return new HostUseFacts(
          "capture " + file.getFileName(),
          java.util.Map.of(),
          List.of(
              "whether the host mounts, networks over or boots its display from any of these"
                  + " functions: a capture does not record it; plan on the live host (plan /"
                  + " BDF...) to read it"));
    }
    try {
      return HostUseReader.read(HostSources.open(file), topology.functions());
    } catch (IOException e) {
      throw new BadInputException(HostSources.why(file, e));
    }
  }

  private static void text(PrintWriter out, LoadedScenario loaded, Plan p, HostUseFacts facts) {
    out.println("File      " + loaded.source());
    out.println("Pass      " + p.requested());
    out.println(
        "Host use  "
            + (facts == null
                ? "drivers and classes (a scenario file: no mounts, interfaces or boot display)"
                : "drivers and classes, and mounts, interfaces and boot display read from "
                    + facts.source()));
    out.println();
    TextTable t =
        new TextTable("FUNCTION", "NAME", "DRIVER", "GROUP", "DEV_SET", "WHY", "HOST USE");
    for (PlannedFunction f : p.functions()) {
      t.row(
          f.bdf().toString(),
          f.description(),
          f.driver(),
          f.group().isPresent() ? String.valueOf(f.group().getAsInt()) : "none",
          f.resetDomain().orElse("-"),
          f.bridge()
              ? "bridge (stays)"
              : String.join(
                  ", ",
                  f.roles().stream()
                      .map(r -> r.name().toLowerCase(java.util.Locale.ROOT))
                      .sorted()
                      .toList()),
          f.hostUse().isEmpty() ? "-" : String.join("; ", f.hostUse()));
    }
    t.print(out);
    out.println();
    if (p.takenFromHost().isEmpty()) {
      out.println("The host loses nothing it is using.");
    } else {
      out.println("Taken from the host:");
      p.takenFromHost()
          .forEach(
              f ->
                  out.println(
                      "  "
                          + f.bdf()
                          + " "
                          + f.description()
                          + ": "
                          + String.join("; ", f.hostUse())));
    }
    p.notes().forEach(n -> out.println("Note: " + n));
    out.println();
    out.println("Bind to vfio-pci (driverctl):");
    lines(out, p.driverctl(), "  (everything is on vfio-pci already)");
    out.println("Or through sysfs:");
    lines(out, p.sysfs(), "  (nothing to do)");
    out.println("QEMU, legacy backend:");
    out.println("  " + String.join(" ", p.qemuLegacy()));
    out.println("QEMU, iommufd backend:");
    out.println("  " + String.join(" ", p.qemuIommufd()));
    out.println("libvirt <hostdev> (inside <devices>):");
    p.libvirt().lines().forEach(l -> out.println("  " + l));
    out.println("libvirt <hostdev> with iommufd (libvirt releases that support it):");
    p.libvirtIommufd().lines().forEach(l -> out.println("  " + l));
  }

  private static void lines(PrintWriter out, List<String> lines, String none) {
    if (lines.isEmpty()) {
      out.println(none);
    }
    lines.forEach(l -> out.println("  " + l));
  }

  private static ObjectNode json(LoadedScenario loaded, Plan p, HostUseFacts facts) {
    ObjectNode root = JsonResults.object();
    root.put("file", loaded.source());
    ObjectNode hf = root.putObject("hostFacts");
    hf.put("read", facts != null);
    hf.put("source", facts == null ? null : facts.source());
    ArrayNode unknown = hf.putArray("unknown");
    if (facts != null) {
      facts.unknown().forEach(unknown::add);
    }
    ArrayNode req = root.putArray("requested");
    p.requested().forEach(b -> req.add(b.toString()));
    ArrayNode fs = root.putArray("functions");
    for (PlannedFunction f : p.functions()) {
      ObjectNode o = fs.addObject();
      o.put("bdf", f.bdf().toString());
      o.put("name", f.description());
      o.put("driver", f.driver());
      if (f.group().isPresent()) {
        o.put("group", f.group().getAsInt());
      } else {
        o.putNull("group");
      }
      o.put("devSet", f.resetDomain().orElse(null));
      ArrayNode roles = o.putArray("roles");
      f.roles().stream().map(Enum::name).sorted().forEach(roles::add);
      o.put("bridge", f.bridge());
      o.put("takenFromHost", f.takenFromHost());
      ArrayNode use = o.putArray("hostUse");
      f.hostUse().forEach(use::add);
      ArrayNode held = o.putArray("heldBy");
      f.heldBy().forEach(held::add);
    }
    ArrayNode pass = root.putArray("passthrough");
    p.passthrough().forEach(b -> pass.add(b.toString()));
    ArrayNode taken = root.putArray("takenFromHost");
    p.takenFromHost().forEach(f -> taken.add(f.bdf().toString()));
    root.set("driverctl", strings(p.driverctl()));
    root.set("sysfs", strings(p.sysfs()));
    root.set("qemuLegacy", strings(p.qemuLegacy()));
    root.set("qemuIommufd", strings(p.qemuIommufd()));
    root.put("libvirt", p.libvirt());
    root.put("libvirtIommufd", p.libvirtIommufd());
    root.set("notes", strings(p.notes()));
    return root;
  }

  private static ArrayNode strings(List<String> list) {
    ArrayNode a = JsonResults.array();
    list.forEach(a::add);
    return a;
  }
}
