package org.vfioworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.vfioworkbench.io.Limit;

/**
 * Files that used to hang or exhaust the commands (issue 15): a FIFO, {@code /dev/zero}, files past
 * a limit, a file in UTF-16, and writes that fail. Each ends in exit 2 with words naming the file
 * and the problem, within seconds.
 */
class HostileFilesTest {

  private static final Duration QUICK = Duration.ofSeconds(20);

  @TempDir Path dir;

  private Path fifo(String name) throws Exception {
    Path f = dir.resolve(name);
    Files.createDirectories(f.getParent());
    assertThat(new ProcessBuilder("mkfifo", f.toString()).start().waitFor()).isZero();
    return f;
  }

  private static CliRun run(String... args) {
    return assertTimeoutPreemptively(QUICK, () -> CliRun.of(args));
  }

  private static void assertCleanFailure(CliRun r, String... words) {
    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCodes.BAD_INPUT);
    String all = r.out() + r.err();
    assertThat(all).doesNotContain("Exception").doesNotContain("internal error");
    for (String w : words) {
      assertThat(all).contains(w);
    }
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void aFifoAsAScenarioIsRefusedByTypeInCheckAndEvaluate() throws Exception {
    Path f = fifo("s.json");
    assertCleanFailure(run("check", f.toString()), "s.json", "FIFO");
    assertCleanFailure(run("evaluate", f.toString()), "s.json", "FIFO");
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void devZeroIsRefusedWithoutReadingIt() {
    assertCleanFailure(run("check", "/dev/zero"), "/dev/zero", "character device");
    assertCleanFailure(run("evaluate", "/dev/zero"), "/dev/zero", "character device");
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void aFifoAsAClassFileOfARootTreeIsAScanProblemNotAHang() throws Exception {
    Path root = dir.resolve("root");
    Path fn = root.resolve("sys/devices/pci0000:00/0000:00:01.0");
    Files.createDirectories(fn);
    Files.createDirectories(root.resolve("sys/bus/pci/devices"));
    Files.createSymbolicLink(
        root.resolve("sys/bus/pci/devices/0000:00:01.0"),
        Path.of("../../../devices/pci0000:00/0000:00:01.0"));
    fifo("root/sys/devices/pci0000:00/0000:00:01.0/class");
    Files.createDirectories(root.resolve("proc"));
    CliRun scan = run("scan", "--root", root.toString());
    assertThat(scan.exit()).isZero();
    assertThat(scan.out())
        .contains("/sys/devices/pci0000:00/0000:00:01.0/class")
        .contains("not a regular file");
    Path out = dir.resolve("c.json");
    CliRun capture = run("capture", "--root", root.toString(), "-o", out.toString());
    assertThat(capture.exit()).isZero();
    assertThat(out).exists();
  }

  @Test
  void aUtf16ScenarioIsRefusedNamingTheEncoding() throws Exception {
    Path f = dir.resolve("s.json");
    Files.writeString(f, "{\"format\": 1}", Charset.forName("UTF-16LE"));
    assertCleanFailure(run("check", f.toString()), "UTF-16", "UTF-8");
    Files.writeString(f, "{\"format\": 1}", Charset.forName("UTF-16"));
    assertCleanFailure(run("check", f.toString()), "UTF-16", "UTF-8");
  }

  @Test
  void aScenarioPastTheExpectationLimitNamesTheLimitAndHowToRaiseIt() throws Exception {
    Path f = dir.resolve("s.json");
    StringBuilder expect = new StringBuilder();
    for (int i = 0; i < 3; i++) {
      expect
          .append(i == 0 ? "" : ",")
          .append(
              "{\"caller\": {\"device\": \"0000:00:00.0\"},"
                  + " \"info\": {}, \"result\": {\"ret\": 0}}");
    }
    Files.writeString(
        f,
        "{\"format\": 1, \"buses\": [{\"bus\": \"0000:00\"}], \"functions\": ["
            + "{\"bdf\": \"0000:00:00.0\", \"driver\": \"vfio-pci\", \"group\": 1}],"
            + " \"expect\": ["
            + expect
            + "]}");
    String old = System.setProperty(Limit.EXPECTATIONS.property(), "2");
    try {
      assertCleanFailure(
          run("check", f.toString()),
          "$.expect",
          "more than 2 expectations",
          "-Dvfioworkbench.maxExpectations=N");
    } finally {
      restore(Limit.EXPECTATIONS, old);
    }
  }

  @Test
  void aScenarioPastTheSizeLimitIsRefusedByReading() throws Exception {
    Path f = dir.resolve("s.json");
    Files.writeString(f, "{\"format\": 1, \"name\": \"" + "x".repeat(200) + "\"}");
    String old = System.setProperty(Limit.FILE_BYTES.property(), "100");
    try {
      assertCleanFailure(
          run("check", f.toString()),
          "s.json",
          "more than 100 bytes",
          "-Dvfioworkbench.maxFileBytes=N");
    } finally {
      restore(Limit.FILE_BYTES, old);
    }
  }

  @Test
  void aCaptureWriteFailureExitsTwoWithWordsNotClassNames() throws IOException {
    Path missing = dir.resolve("no/such/dir/c.json");
    CliRun r =
        run("capture", "--root", ScanCommandTest.fixture("workstation"), "-o", missing.toString());
    assertCleanFailure(r, "cannot write", "no such directory " + dir.resolve("no/such/dir"));
    assertThat(r.err()).doesNotContain("java.");
  }

  @Test
  void aCaptureWriteIsDurableAndKeepsTheModeOfTheFileItReplaces() throws Exception {
    Path out = dir.resolve("c.json");
    Files.writeString(out, "old");
    Files.setPosixFilePermissions(
        out, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw-r--"));
    CliRun r =
        run("capture", "--root", ScanCommandTest.fixture("workstation"), "-o", out.toString());
    assertThat(r.exit()).isZero();
    assertThat(Files.readString(out)).contains("vfio-workbench-capture");
    assertThat(
            java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(out)))
        .isEqualTo("rw-rw-r--");
  }

  private static void restore(Limit limit, String old) {
    if (old == null) {
      System.clearProperty(limit.property());
    } else {
      System.setProperty(limit.property(), old);
    }
  }
}
