package org.vfioworkbench.host;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
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
 * engine's verdict for every device fd. Written streaming through a {@link JsonGenerator}: nothing
 * but the output buffer grows with the host.
 */
public final class ScanJson {

  private ScanJson() {}

  /** The whole scan as one pretty-printed JSON object on {@code out}, streamed. */
  public static void write(ScanResult scan, List<DeviceVerdict> verdicts, Writer out)
      throws IOException {
    try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      writeFields(scan, verdicts, g);
      g.writeEndObject();
    }
  }

  /**
   * The scan's fields, written into the object {@code g} is in, one function, group and holder at a
   * time; the caller opens and closes the object (and may add its own fields after these).
   */
  public static void writeFields(ScanResult scan, List<DeviceVerdict> verdicts, JsonGenerator g)
      throws IOException {
    Topology t = scan.topology();
    g.writeStringField("source", scan.source());
    g.writeObjectFieldStart("options");
    g.writeBooleanField("noIommuMode", t.options().noIommuMode());
    g.writeBooleanField("cdevSupported", t.options().cdevSupported());
    g.writeEndObject();
    g.writeArrayFieldStart("buses");
    for (PciBus b : t.buses()) {
      g.writeStartObject();
      g.writeStringField("bus", b.address().toString());
      g.writeStringField("bridge", b.bridge().map(Bdf::toString).orElse(null));
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("slots");
    for (Slot s : t.slots()) {
      g.writeStartObject();
      g.writeStringField("name", s.name());
      g.writeStringField("bus", s.bus().toString());
      g.writeStringField("device", hex(s.device(), 2));
      g.writeBooleanField("resetSupported", s.resetSupported());
      g.writeBooleanField("resetSupportInferred", true);
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("functions");
    for (PciFunction f : t.functions()) {
      function(f, scan.functions().get(f.bdf()), g);
    }
    g.writeEndArray();
    GroupMembers members = new GroupMembers(t);
    g.writeArrayFieldStart("groups");
    for (IommuGroup grp : t.groups()) {
      g.writeStartObject();
      g.writeNumberField("id", grp.id());
      g.writeStringField("kind", grp.kind().name());
      g.writeStringField("node", grp.devicePath());
      g.writeBooleanField("nodePresent", scan.hasNode(grp));
      g.writeArrayFieldStart("functions");
      for (PciFunction f : members.of(grp.id())) {
        g.writeString(f.bdf().toString());
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("containers");
    for (Container c : t.containers()) {
      g.writeStartObject();
      g.writeStringField("id", c.id());
      g.writeStringField("type", c.type().name());
      g.writeBooleanField("typeInferred", true);
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("iommufds");
    for (IommufdContext c : t.iommufds()) {
      g.writeStartObject();
      g.writeStringField("id", c.id());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("holders");
    for (Holder h : t.holders()) {
      holder(h, scan.provenance(h.name()), g);
    }
    g.writeEndArray();
    g.writeArrayFieldStart("vfioNodes");
    for (String n : scan.vfioNodes()) {
      g.writeString(n);
    }
    g.writeEndArray();
    if (verdicts != null) {
      g.writeArrayFieldStart("verdicts");
      for (DeviceVerdict d : verdicts) {
        verdict(d, g);
      }
      g.writeEndArray();
    }
    g.writeArrayFieldStart("problems");
    for (ScanProblem p : scan.problems()) {
      g.writeStartObject();
      g.writeStringField("path", p.path());
      g.writeStringField("what", p.what());
      g.writeStringField("error", p.error());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("notes");
    for (String n : scan.notes()) {
      g.writeString(n);
    }
    g.writeEndArray();
  }

  private static void function(PciFunction f, HostFunctionFacts h, JsonGenerator g)
      throws IOException {
    g.writeStartObject();
    g.writeStringField("bdf", f.bdf().toString());
    g.writeStringField("class", "0x" + hex(f.classCode(), 6));
    g.writeStringField("vendor", "0x" + hex(f.vendorId(), 4));
    g.writeStringField("device", "0x" + hex(f.deviceId(), 4));
    g.writeStringField("description", f.description());
    g.writeStringField("header", f.headerType().name());
    g.writeStringField("driver", f.driver().name().isEmpty() ? null : f.driver().name());
    g.writeStringField("driverKind", f.driver().kind().name());
    g.writeFieldName("iommuGroup");
    if (f.iommuGroup().isPresent()) {
      g.writeNumber(f.iommuGroup().getAsInt());
    } else {
      g.writeNull();
    }
    g.writeStringField("physfn", f.physfn().map(Bdf::toString).orElse(null));
    g.writeArrayFieldStart("quirks");
    for (Quirk quirk : f.quirks()) {
      g.writeStartObject();
      g.writeStringField("quirk", quirk.name());
      g.writeBooleanField("inferred", true);
      g.writeStringField("basis", "vendor/device id in the kernel's quirk list");
      g.writeEndObject();
    }
    g.writeEndArray();
    if (h != null) {
      g.writeObjectFieldStart("names");
      g.writeStringField("class", h.names().className());
      g.writeStringField("vendor", h.names().vendor());
      g.writeStringField("device", h.names().device());
      g.writeStringField("subsystemVendor", h.names().subsystemVendor());
      g.writeStringField("subsystem", h.names().subsystem());
      g.writeStringField("source", h.names().source());
      g.writeEndObject();
      g.writeStringField("sysfsPath", h.sysfsPath());
      g.writeStringField("driverOverride", h.driverOverride().orElse(null));
      g.writeFieldName("resetMethods");
      if (h.resetMethod().isPresent()) {
        strings(h.resetMethod().get(), g);
      } else {
        g.writeNull();
      }
      g.writeStringField("vfioCdev", h.vfioCdev().orElse(null));
      g.writeArrayFieldStart("virtfns");
      for (Bdf v : h.virtfns()) {
        g.writeString(v.toString());
      }
      g.writeEndArray();
      g.writeStringField("slot", h.slot().orElse(null));
    }
    g.writeEndObject();
  }

  private static void holder(Holder h, Optional<HolderProvenance> prov, JsonGenerator g)
      throws IOException {
    g.writeStartObject();
    g.writeStringField("name", h.name());
    g.writeNumberField("pid", h.pid());
    g.writeBooleanField("capSysRawio", h.capSysRawio());
    if (prov.isPresent()) {
      HolderProvenance p = prov.get();
      g.writeStringField("comm", p.comm());
      g.writeFieldName("cmdline");
      strings(p.cmdline(), g);
      g.writeFieldName("uid");
      if (p.uid().isPresent()) {
        g.writeNumber(p.uid().getAsInt());
      } else {
        g.writeNull();
      }
    }
    g.writeArrayFieldStart("files");
    for (OpenFile f : h.files()) {
      g.writeStartObject();
      g.writeNumberField("fd", f.fd());
      g.writeStringField("kind", kind(f));
      g.writeStringField("describe", f.describe());
      if (f instanceof GroupFile gf) {
        g.writeNumberField("group", gf.group());
        g.writeFieldName("attachedTo");
        if (gf.attachedTo().isPresent()) {
          g.writeStartObject();
          g.writeStringField("kind", gf.attachedTo().get().kind().name().toLowerCase());
          g.writeStringField("id", gf.attachedTo().get().id());
          g.writeEndObject();
        } else {
          g.writeNull();
        }
      } else if (f instanceof CdevFile c) {
        g.writeStringField("device", c.device().toString());
        g.writeStringField("boundTo", c.boundTo().orElse(null));
      } else if (f instanceof DeviceFile d) {
        g.writeStringField("device", d.device().toString());
      } else if (f instanceof ContainerFile c) {
        g.writeStringField("container", c.container());
      } else if (f instanceof IommufdFile i) {
        g.writeStringField("iommufd", i.iommufd());
      }
      Optional<InferredFact> inf = prov.flatMap(p -> p.inferredFor(f.fd()));
      g.writeBooleanField("inferred", inf.isPresent());
      if (inf.isPresent()) {
        InferredFact i = inf.get();
        g.writeObjectFieldStart("inference");
        g.writeStringField("fact", i.fact());
        g.writeStringField("basis", i.basis());
        g.writeBooleanField("ambiguous", i.ambiguous());
        g.writeEndObject();
      }
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
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

  private static void verdict(DeviceVerdict d, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("holder", d.fd().holder());
    g.writeNumberField("fd", d.fd().fd());
    g.writeStringField("device", d.device().toString());
    g.writeObjectFieldStart("info");
    g.writeStringField("ret", d.info().retLabel());
    g.writeArrayFieldStart("flags");
    for (var f : d.info().flags()) {
      g.writeString(f.name());
    }
    g.writeEndArray();
    g.writeArrayFieldStart("entries");
    for (InfoEntry e : d.info().entries()) {
      g.writeStartObject();
      g.writeStringField("bdf", e.bdf().toString());
      g.writeStringField("id", e.idLabel());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeStringField("decidedBy", last(d.info().trace()));
    g.writeEndObject();
    g.writeObjectFieldStart("hotReset");
    g.writeStringField("variant", d.natural().kind().label());
    g.writeStringField("request", d.natural().description());
    g.writeStringField("ret", d.reset().retLabel());
    g.writeArrayFieldStart("reset");
    for (Bdf b : d.reset().reset()) {
      g.writeString(b.toString());
    }
    g.writeEndArray();
    g.writeStringField("decidedBy", last(d.reset().trace()));
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void strings(List<String> values, JsonGenerator g) throws IOException {
    g.writeStartArray();
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }

  /** {@code value} in lower-case hex, zero-padded to {@code digits}. */
  private static String hex(int value, int digits) {
    String h = Integer.toHexString(value);
    return h.length() >= digits ? h : "0".repeat(digits - h.length()) + h;
  }

  private static String last(List<TraceStep> trace) {
    return trace.isEmpty() ? "" : trace.get(trace.size() - 1).toString();
  }
}
