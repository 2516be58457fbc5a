package org.vfioworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Terminal escape bytes from outside data never reach the terminal (issue 15): a process that holds
 * a VFIO fd sets its own {@code comm}, and a scenario's author its name. Text output shows them
 * escaped; JSON output keeps the exact value.
 */
class ControlCharactersTest {

  private static final String ESC = "\u001b";
  private static final String HOSTILE_COMM = ESC + "]0;owned" + "\u0007" + ESC + "[2J\rfake\u009b";

  @TempDir Path dir;

  private Path capture() throws Exception {
    String comm =
        HOSTILE_COMM
            .replace(ESC, "\\u001b")
            .replace("\u0007", "\\u0007")
            .replace("\r", "\\r")
            .replace("\u009b", "\\u009b");
    Path f = dir.resolve("c.json");
    Files.writeString(
        f,
        "{\"format\":\"vfio-workbench-capture\",\"version\":1,\"entries\":{"
            + "\"/sys/bus/pci/devices\":{\"dir\":[]},\"/proc\":{\"dir\":[\"7\"]},"
            + "\"/proc/7/fd\":{\"dir\":[\"3\"]},\"/proc/7/fd/3\":{\"link\":\"/dev/vfio/vfio\"},"
            + "\"/proc/7/comm\":{\"text\":\""
            + comm
            + "\\n\"},"
            + "\"/proc/7/cmdline\":{\"text\":\"qemu\\u0000-name\\u0000"
            + comm
            + "\\u0000\"}}}");
    return f;
  }

  private static void assertNoControls(String s) {
    assertThat(s.chars().filter(c -> c < 0x20 && c != '\n' && c != '\t' || c >= 0x7f && c <= 0x9f))
        .as(s)
        .isEmpty();
  }

  @Test
  void scanTextEscapesAProcessNameAndCommandLine() throws Exception {
    CliRun r = CliRun.of("scan", "--root", capture().toString());
    assertThat(r.exit()).isZero();
    assertNoControls(r.out());
    assertNoControls(r.err());
    assertThat(r.out()).contains("\\u001b]0;owned\\u0007\\u001b[2J\\u000dfake\\u009b[7]");
  }

  @Test
  void scanJsonKeepsTheExactValue() throws Exception {
    CliRun r = CliRun.of("scan", "--json", "--root", capture().toString());
    assertThat(r.exit()).isZero();
    assertNoControls(r.out());
    assertThat(r.json().get("holders").get(0).get("comm").asText()).isEqualTo(HOSTILE_COMM);
  }

  @Test
  void checkAndEvaluateEscapeAScenarioNameAndFileName() throws Exception {
    Path f = dir.resolve("evil" + "\u001b" + "[31m.json");
    Files.writeString(
        f,
        "{\"format\": 1, \"name\": \"\\u001b]0;title\\u0007x\","
            + " \"buses\": [{\"bus\": \"0000:00\"}], \"functions\": ["
            + "{\"bdf\": \"0000:00:00.0\", \"driver\": \"vfio-pci\", \"group\": 1}],"
            + " \"holders\": [{\"name\": \"q\\u001b[1m\", \"files\": [{\"fd\": 3, \"container\": \"c\"},"
            + " {\"fd\": 4, \"group\": 1, \"container\": \"c\"},"
            + " {\"fd\": 5, \"device\": \"0000:00:00.0\"}]}]}");
    for (String cmd : new String[] {"check", "evaluate"}) {
      CliRun r = CliRun.of(cmd, f.toString());
      assertNoControls(r.out());
      assertNoControls(r.err());
      assertThat(r.out() + r.err()).contains("\\u001b");
    }
  }
}
