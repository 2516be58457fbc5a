package org.vfioworkbench.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import org.vfioworkbench.engine.InfoEntry;
import org.vfioworkbench.engine.InfoFlag;
import org.vfioworkbench.engine.InfoResult;
import org.vfioworkbench.engine.Outcome;
import org.vfioworkbench.engine.Refusal;
import org.vfioworkbench.engine.ResetRequest;
import org.vfioworkbench.engine.ResetResult;
import org.vfioworkbench.engine.TraceStep;
import org.vfioworkbench.engine.diagnostics.Diagnostic;
import org.vfioworkbench.engine.diagnostics.Subject;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.FdRef;
import org.vfioworkbench.scenario.ExpectationChecker;

/**
 * The JSON shapes of the command line's results. INFO: {@code {"ret", "errno", "flags", "count",
 * "devices": [{"bdf", "segment", "bus", "devfn", "groupId" | "devid"}], "trace"}}; HOT_RESET:
 * {@code {"ret", "errno", "reset", "trace"}}; plus a few extra fields.
 */
final class JsonResults {

  static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonResults() {}

  static ObjectNode object() {
    return NODES.objectNode();
  }

  static ArrayNode array() {
    return NODES.arrayNode();
  }

  /**
   * {@code [{"severity", "kind", "subject": {"function" | "group" | "holder", "fd"}, "message"}]}:
   * the engine's diagnostics, kind as its stable code.
   */
  static ArrayNode diagnostics(List<Diagnostic> list) {
    ArrayNode out = array();
    for (Diagnostic d : list) {
      out.add(diagnostic(d));
    }
    return out;
  }

  /**
   * The same array written to {@code g} one diagnostic at a time, byte for byte what {@code
   * g.writeTree(diagnostics(list))} writes, without holding the whole tree.
   */
  static void writeDiagnostics(List<Diagnostic> list, JsonGenerator g) throws IOException {
    g.writeStartArray(list, list.size());
    for (Diagnostic d : list) {
      g.writeTree(diagnostic(d));
    }
    g.writeEndArray();
  }

  private static ObjectNode diagnostic(Diagnostic d) {
    ObjectNode o = object();
    o.put("severity", d.severity().code());
    o.put("kind", d.kind().code());
    ObjectNode subject = o.putObject("subject");
    if (d.subject() instanceof Subject.Function f) {
      subject.put("function", f.bdf().toString());
    } else if (d.subject() instanceof Subject.Group g) {
      subject.put("group", g.group());
    } else if (d.subject() instanceof Subject.HostPath h) {
      subject.put("path", h.path());
    } else if (d.subject() instanceof Subject.File f) {
      subject.put("holder", f.fd().holder());
      subject.put("fd", f.fd().fd());
    }
    o.put("message", d.message());
    return o;
  }

  static ObjectNode info(InfoResult r) {
    ObjectNode o = outcome(r);
    ArrayNode flags = o.putArray("flags");
    for (InfoFlag f : InfoFlag.values()) {
      if (r.hasFlag(f)) {
        flags.add(f.name());
      }
    }
    o.put("flagsMask", r.flagsMask());
    o.put("count", r.count());
    o.put("argsz", r.argsz());
    o.put("headerWritten", r.headerWritten());
    ArrayNode devices = o.putArray("devices");
    for (InfoEntry e : r.entries()) {
      ObjectNode d = devices.addObject();
      d.put("bdf", e.bdf().toString());
      d.put("segment", e.bdf().segment());
      d.put("bus", e.bdf().bus());
      d.put("devfn", e.bdf().devfn());
      if (e.devIdMode()) {
        d.put("devid", e.id());
      } else {
        d.put("groupId", e.id());
      }
      d.put("label", e.idLabel());
    }
    o.set("trace", trace(r.trace()));
    return o;
  }

  static ObjectNode reset(ResetResult r) {
    ObjectNode o = outcome(r);
    ArrayNode reset = o.putArray("reset");
    r.reset().forEach(b -> reset.add(b.toString()));
    o.set("trace", trace(r.trace()));
    return o;
  }

  static ObjectNode request(ResetRequest r, String how) {
    ObjectNode o = object();
    o.put("how", how);
    o.put("argsz", r.argsz());
    o.put("flags", r.flags());
    o.put("count", r.count());
    ArrayNode fds = o.putArray("fds");
    r.fds().forEach(fds::add);
    return o;
  }

  static ObjectNode caller(FdRef ref, Bdf device) {
    ObjectNode o = object();
    o.put("holder", ref.holder());
    o.put("fd", ref.fd());
    if (device != null) {
      o.put("bdf", device.toString());
    }
    return o;
  }

  static ArrayNode refusals(List<Refusal> refusals) {
    ArrayNode a = array();
    for (Refusal r : refusals) {
      ObjectNode o = a.addObject();
      o.put("subject", r.subject());
      o.put("call", r.call());
      o.put("errno", r.errno().name());
      o.put("reason", r.reason());
    }
    return a;
  }

  private static ObjectNode outcome(Outcome r) {
    ObjectNode o = object();
    o.put("ret", r.ret());
    if (r.errno().isPresent()) {
      o.put("errno", r.errno().get().name());
    } else {
      o.putNull("errno");
    }
    o.put("decidedBy", ExpectationChecker.decidedBy(r.trace()));
    return o;
  }

  static ArrayNode trace(List<TraceStep> steps) {
    ArrayNode a = array();
    for (TraceStep s : steps) {
      ObjectNode o = a.addObject();
      o.put("function", s.function());
      o.put("fact", s.fact());
      o.put("verdict", s.verdict().name());
    }
    return a;
  }

  static String print(Object node) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }
}
