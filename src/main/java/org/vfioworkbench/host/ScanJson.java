package org.vfioworkbench.host;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.vfioworkbench.engine.DeviceVerdict;
import org.vfioworkbench.engine.InfoEntry;
import org.vfioworkbench.engine.TraceStep;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.CdevFile;
import org.vfioworkbench.model.Container;
import org.vfioworkbench.model.ContainerFile;
import org.vfioworkbench.model.DeviceFile;
import org.vfioworkbench.model.GroupFile;
import org.vfioworkbench.model.Holder;
import org.vfioworkbench.model.IommuGroup;
import org.vfioworkbench.model.IommufdContext;
import org.vfioworkbench.model.IommufdFile;
import org.vfioworkbench.model.OpenFile;
import org.vfioworkbench.model.PciBus;
import org.vfioworkbench.model.PciFunction;
import org.vfioworkbench.model.Quirk;
import org.vfioworkbench.model.Slot;
import org.vfioworkbench.model.Topology;

/**
 * The JSON form of a scan ({@code scan --json}): the topology, per-function host facts, holders
 * with their provenance and which facts were inferred, problems, notes and, when given, the
 * engine's verdict for every device fd.
 */
public final class ScanJson {

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ScanJson() {}

  public static String write(ScanResult scan, List<DeviceVerdict> verdicts) {
    try {
      return MAPPER.writeValueAsString(tree(scan, verdicts)) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("scan result not serializable", e);
    }
  }

  public static ObjectNode tree(ScanResult scan, List<DeviceVerdict> verdicts) {
    Topology t = scan.topology();
    ObjectNode root = MAPPER.createObjectNode();
    root.put("source", scan.source());
    ObjectNode opts = root.putObject("options");
    opts.put("noIommuMode", t.options().noIommuMode());
    opts.put("cdevSupported", t.options().cdevSupported());
    ArrayNode buses = root.putArray("buses");
    for (PciBus b : t.buses()) {
      ObjectNode n = buses.addObject();
      n.put("bus", b.address().toString());
      n.put("bridge", b.bridge().map(Bdf::toString).orElse(null));
    }
    ArrayNode slots = root.putArray("slots");
    for (Slot s : t.slots()) {
      ObjectNode n = slots.addObject();
      n.put("name", s.name());
      n.put("bus", s.bus().toString());
      n.put("device", String.format("%02x", s.device()));
      n.put("resetSupported", s.resetSupported());
      n.put("resetSupportInferred", true);
    }
    ArrayNode fns = root.putArray("functions");
    for (PciFunction f : t.functions()) {
      fns.add(function(f, Optional.ofNullable(scan.functions().get(f.bdf()))));
    }
    ArrayNode groups = root.putArray("groups");
    for (IommuGroup g : t.groups()) {
      ObjectNode n = groups.addObject();
      n.put("id", g.id());
      n.put("kind", g.kind().name());
      n.put("node", g.devicePath());
      ArrayNode members = n.putArray("functions");
      t.functions().stream()
          .filter(f -> f.iommuGroup().isPresent() && f.iommuGroup().getAsInt() == g.id())
          .forEach(f -> members.add(f.bdf().toString()));
    }
    ArrayNode containers = root.putArray("containers");
    for (Container c : t.containers()) {
      containers
          .addObject()
          .put("id", c.id())
          .put("type", c.type().name())
          .put("typeInferred", true);
    }
    ArrayNode iommufds = root.putArray("iommufds");
    for (IommufdContext c : t.iommufds()) {
      iommufds.addObject().put("id", c.id());
    }
    ArrayNode holders = root.putArray("holders");
    for (Holder h : t.holders()) {
      holders.add(holder(h, scan.provenance(h.name())));
    }
    ArrayNode nodes = root.putArray("vfioNodes");
    scan.vfioNodes().forEach(nodes::add);
    if (verdicts != null) {
      ArrayNode v = root.putArray("verdicts");
      verdicts.forEach(d -> v.add(verdict(d)));
    }
    ArrayNode problems = root.putArray("problems");
    for (ScanProblem p : scan.problems()) {
      problems.addObject().put("path", p.path()).put("what", p.what()).put("error", p.error());
    }
    ArrayNode notes = root.putArray("notes");
    scan.notes().forEach(notes::add);
    return root;
  }

  private static ObjectNode function(PciFunction f, Optional<HostFunctionFacts> facts) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("bdf", f.bdf().toString());
    n.put("class", String.format("0x%06x", f.classCode()));
    n.put("vendor", String.format("0x%04x", f.vendorId()));
    n.put("device", String.format("0x%04x", f.deviceId()));
    n.put("description", f.description());
    n.put("header", f.headerType().name());
    n.put("driver", f.driver().name().isEmpty() ? null : f.driver().name());
    n.put("driverKind", f.driver().kind().name());
    if (f.iommuGroup().isPresent()) {
      n.put("iommuGroup", f.iommuGroup().getAsInt());
    } else {
      n.putNull("iommuGroup");
    }
    n.put("physfn", f.physfn().map(Bdf::toString).orElse(null));
    ArrayNode q = n.putArray("quirks");
    for (Quirk quirk : f.quirks()) {
      q.addObject()
          .put("quirk", quirk.name())
          .put("inferred", true)
          .put("basis", "vendor/device id in the kernel's quirk list");
    }
    facts.ifPresent(
        h -> {
          ObjectNode names = n.putObject("names");
          names.put("class", h.names().className());
          names.put("vendor", h.names().vendor());
          names.put("device", h.names().device());
          names.put("subsystemVendor", h.names().subsystemVendor());
          names.put("subsystem", h.names().subsystem());
          names.put("source", h.names().source());
          n.put("sysfsPath", h.sysfsPath());
          n.put("driverOverride", h.driverOverride().orElse(null));
          if (h.resetMethod().isPresent()) {
            ArrayNode r = n.putArray("resetMethods");
            h.resetMethod().get().forEach(r::add);
          } else {
            n.putNull("resetMethods");
          }
          n.put("vfioCdev", h.vfioCdev().orElse(null));
          ArrayNode vfs = n.putArray("virtfns");
          h.virtfns().forEach(v -> vfs.add(v.toString()));
          n.put("slot", h.slot().orElse(null));
        });
    return n;
  }

  private static ObjectNode holder(Holder h, Optional<HolderProvenance> prov) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("name", h.name());
    n.put("pid", h.pid());
    n.put("capSysRawio", h.capSysRawio());
    prov.ifPresent(
        p -> {
          n.put("comm", p.comm());
          ArrayNode c = n.putArray("cmdline");
          p.cmdline().forEach(c::add);
          if (p.uid().isPresent()) {
            n.put("uid", p.uid().getAsInt());
          } else {
            n.putNull("uid");
          }
        });
    ArrayNode files = n.putArray("files");
    for (OpenFile f : h.files()) {
      ObjectNode fn = files.addObject();
      fn.put("fd", f.fd());
      fn.put("kind", kind(f));
      fn.put("describe", f.describe());
      if (f instanceof GroupFile g) {
        fn.put("group", g.group());
        if (g.attachedTo().isPresent()) {
          fn.putObject("attachedTo")
              .put("kind", g.attachedTo().get().kind().name().toLowerCase())
              .put("id", g.attachedTo().get().id());
        } else {
          fn.putNull("attachedTo");
        }
      } else if (f instanceof CdevFile c) {
        fn.put("device", c.device().toString());
        fn.put("boundTo", c.boundTo().orElse(null));
      } else if (f instanceof DeviceFile d) {
        fn.put("device", d.device().toString());
      } else if (f instanceof ContainerFile c) {
        fn.put("container", c.container());
      } else if (f instanceof IommufdFile i) {
        fn.put("iommufd", i.iommufd());
      }
      Optional<InferredFact> inf = prov.flatMap(p -> p.inferredFor(f.fd()));
      fn.put("inferred", inf.isPresent());
      inf.ifPresent(
          i ->
              fn.putObject("inference")
                  .put("fact", i.fact())
                  .put("basis", i.basis())
                  .put("ambiguous", i.ambiguous()));
    }
    return n;
  }

  private static String kind(OpenFile f) {
    if (f instanceof ContainerFile) {
      return "container";
    }
    if (f instanceof IommufdFile) {
      return "iommufd";
    }
    if (f instanceof GroupFile) {
      return "group";
    }
    if (f instanceof CdevFile) {
      return "cdev";
    }
    return f instanceof DeviceFile ? "device" : "other";
  }

  private static ObjectNode verdict(DeviceVerdict d) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("holder", d.fd().holder());
    n.put("fd", d.fd().fd());
    n.put("device", d.device().toString());
    ObjectNode info = n.putObject("info");
    info.put("ret", d.info().retLabel());
    ArrayNode flags = info.putArray("flags");
    d.info().flags().forEach(f -> flags.add(f.name()));
    ArrayNode entries = info.putArray("entries");
    for (InfoEntry e : d.info().entries()) {
      entries.addObject().put("bdf", e.bdf().toString()).put("id", e.idLabel());
    }
    info.put("decidedBy", last(d.info().trace()));
    ObjectNode reset = n.putObject("hotReset");
    reset.put("variant", d.natural().kind().label());
    reset.put("request", d.natural().description());
    reset.put("ret", d.reset().retLabel());
    ArrayNode resetFns = reset.putArray("reset");
    d.reset().reset().forEach(b -> resetFns.add(b.toString()));
    reset.put("decidedBy", last(d.reset().trace()));
    return n;
  }

  private static String last(List<TraceStep> trace) {
    return trace.isEmpty() ? "" : trace.get(trace.size() - 1).toString();
  }
}
