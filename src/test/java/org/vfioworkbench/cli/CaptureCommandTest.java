package org.vfioworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vfioworkbench.host.capture.Capture;
import org.vfioworkbench.host.capture.CaptureCodec;
import picocli.CommandLine;

/** Runs {@code capture} in-process: re-capturing a capture gives the same entries. */
class CaptureCommandTest {

  @TempDir Path dir;

  @Test
  void capturingACaptureReproducesItsEntriesAndScansTheSame() throws Exception {
    String source = ScanCommandTest.fixture("sriov-server");
    Path out = dir.resolve("again.json.gz");
    StringWriter o = new StringWriter();
    CommandLine cl = new CommandLine(new CaptureCommand());
    cl.setOut(new PrintWriter(o));
    assertThat(cl.execute("--root", source, "-o", out.toString())).isZero();
    assertThat(o.toString()).contains("Wrote " + out).contains("12 PCI functions, 2 holders");

    Capture original = CaptureCodec.read(Path.of(source));
    Capture again = CaptureCodec.read(out);
    // The fixture also holds hostname and kernel release, which capture reads too.
    assertThat(again.entries()).isEqualTo(original.entries());
    assertThat(again.info().source()).isEqualTo("capture sriov-server.json");

    StringWriter a = new StringWriter();
    StringWriter b = new StringWriter();
    CommandLine s1 = new CommandLine(new ScanCommand());
    s1.setOut(new PrintWriter(a));
    s1.execute("--root", source, "--json");
    CommandLine s2 = new CommandLine(new ScanCommand());
    s2.setOut(new PrintWriter(b));
    s2.execute("--root", out.toString(), "--json");
    assertThat(b.toString().replace("again.json.gz", "X"))
        .isEqualTo(a.toString().replace("sriov-server.json", "X"));
  }

  @Test
  void theOutputIsRequired() {
    StringWriter e = new StringWriter();
    CommandLine cl = new CommandLine(new CaptureCommand());
    cl.setErr(new PrintWriter(e));
    assertThat(cl.execute()).isEqualTo(2);
    assertThat(e.toString()).contains("--output");
  }
}
