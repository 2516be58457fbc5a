package org.vfioworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vfioworkbench.engine.diagnostics.Diagnostic;
import org.vfioworkbench.engine.diagnostics.Subject;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.FdRef;

/** Diagnostics written one at a time are byte for byte the array written as one tree. */
class JsonDiagnosticsStreamTest {

  private static Diagnostic of(Diagnostic.Kind kind, String message, Subject subject) {
    return new Diagnostic(kind.severity(), kind, message, subject);
  }

  private static String written(boolean streamed, List<Diagnostic> list) throws IOException {
    StringWriter out = new StringWriter();
    JsonGenerator g = JsonResults.MAPPER.getFactory().createGenerator(out);
    g.useDefaultPrettyPrinter();
    g.writeStartObject();
    g.writeFieldName("diagnostics");
    if (streamed) {
      JsonResults.writeDiagnostics(list, g);
    } else {
      g.writeTree(JsonResults.diagnostics(list));
    }
    g.writeEndObject();
    g.flush();
    return out.toString();
  }

  @Test
  void streamedDiagnosticsAreTheTreesBytes() throws IOException {
    List<Diagnostic> list =
        List.of(
            of(
                Diagnostic.Kind.HOST_UNREADABLE,
                "open files of pid 77: permission denied",
                new Subject.HostPath("/proc/77/fd")),
            of(
                Diagnostic.Kind.HOST_FACT_INFERRED,
                "a function",
                new Subject.Function(Bdf.parse("0000:03:00.0"))),
            of(Diagnostic.Kind.HOST_FACT_INFERRED, "a group", new Subject.Group(12)),
            of(
                Diagnostic.Kind.HOST_FACT_INFERRED,
                "a file",
                new Subject.File(new FdRef("qemu", 7))));
    assertThat(written(true, list))
        .isEqualTo(written(false, list))
        .contains("\"holder\" : \"qemu\"");
    assertThat(written(true, List.of())).isEqualTo(written(false, List.of()));
  }
}
