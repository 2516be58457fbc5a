package org.vfioworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one-line captures of issue 15 that ended {@code scan}, {@code capture} and {@code evaluate}
 * with an internal error: each names something no kernel writes (a group id beyond an int, a
 * negative group, {@code 3} and {@code 03} as two fds). Each is now a scan problem naming the path,
 * and every command finishes normally.
 */
class HostileCapturesTest {

  private static final String BASE =
      "{\"format\":\"vfio-workbench-capture\",\"version\":1,"
          + "\"entries\":{\"/sys/bus/pci/devices\":{\"dir\":[]},\"/proc\":{\"dir\":[]},";
  private static final String ONE_PROCESS =
      BASE.replace("\"/proc\":{\"dir\":[]}", "\"/proc\":{\"dir\":[\"7\"]}");
  private static final String ONE_FUNCTION =
      ONE_PROCESS.replace(
          "\"/sys/bus/pci/devices\":{\"dir\":[]}",
          "\"/sys/bus/pci/devices\":{\"dir\":[\"0000:00:01.0\"]},"
              + "\"/sys/bus/pci/devices/0000:00:01.0\":"
              + "{\"link\":\"../../../devices/pci0000:00/0000:00:01.0\"}");
  private static final String FN = "/sys/devices/pci0000:00/0000:00:01.0";

  @TempDir Path dir;

  static Stream<Arguments> reproducers() {
    return Stream.of(
        Arguments.of(
            "group node beyond int",
            BASE + "\"/dev/vfio\":{\"dir\":[\"99999999999\"]}}}",
            "/dev/vfio/99999999999"),
        Arguments.of(
            "pid beyond int",
            BASE.replace("\"/proc\":{\"dir\":[]}", "\"/proc\":{\"dir\":[\"99999999999\",\"1\"]}")
                + "\"/dev/vfio\":{\"dir\":[]}}}",
            "/proc/99999999999"),
        Arguments.of(
            "negative group directory",
            BASE
                + "\"/sys/kernel/iommu_groups\":{\"dir\":[\"-5\"]},"
                + "\"/sys/kernel/iommu_groups/-5\":{\"dir\":[\"devices\"]},"
                + "\"/sys/kernel/iommu_groups/-5/devices\":{\"dir\":[]}}}",
            "/sys/kernel/iommu_groups/-5"),
        Arguments.of(
            "fds 3 and 03",
            ONE_PROCESS
                + "\"/proc/7/fd\":{\"dir\":[\"3\",\"03\"]},"
                + "\"/proc/7/fd/3\":{\"link\":\"/dev/vfio/vfio\"},"
                + "\"/proc/7/fd/03\":{\"link\":\"/dev/vfio/vfio\"},"
                + "\"/proc/7/comm\":{\"text\":\"qemu\\n\"}}}",
            "/proc/7/fd/03"),
        Arguments.of(
            "fd link to a group beyond int",
            ONE_PROCESS
                + "\"/proc/7/fd\":{\"dir\":[\"3\"]},"
                + "\"/proc/7/fd/3\":{\"link\":\"/dev/vfio/99999999999\"}}}",
            "/proc/7/fd/3"),
        Arguments.of(
            "fd named beyond int",
            ONE_PROCESS
                + "\"/proc/7/fd\":{\"dir\":[\"99999999999\"]},"
                + "\"/proc/7/fd/99999999999\":{\"link\":\"/dev/vfio/vfio\"}}}",
            "/proc/7/fd/99999999999"),
        Arguments.of(
            "virtfn index beyond int",
            ONE_FUNCTION
                + "\""
                + FN
                + "\":{\"dir\":[\"class\",\"virtfn99999999999\"]},"
                + "\""
                + FN
                + "/class\":{\"text\":\"0x020000\\n\"},"
                + "\""
                + FN
                + "/virtfn99999999999\":{\"link\":\"../0000:00:01.1\"}}}",
            FN + "/virtfn99999999999"),
        Arguments.of(
            "iommu_group link to group -1",
            ONE_FUNCTION
                + "\""
                + FN
                + "\":{\"dir\":[\"class\",\"iommu_group\"]},"
                + "\""
                + FN
                + "/class\":{\"text\":\"0x020000\\n\"},"
                + "\""
                + FN
                + "/iommu_group\":"
                + "{\"link\":\"../../../kernel/iommu_groups/-1\"}}}",
            FN + "/iommu_group"));
  }

  private Path write(String json) throws IOException {
    Path f = dir.resolve("hostile.json");
    Files.writeString(f, json, StandardCharsets.UTF_8);
    return f;
  }

  private static void assertNoCrash(CliRun r) {
    assertThat(r.err())
        .doesNotContain("internal error")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
    assertThat(r.out()).doesNotContain("Exception");
    assertThat(r.exit()).isNotEqualTo(ExitCodes.INTERNAL);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("reproducers")
  void scanReportsTheOddNameAsAProblem(String what, String json, String path) throws Exception {
    CliRun r = CliRun.of("scan", "--root", write(json).toString());
    assertNoCrash(r);
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("Could not read").contains(path);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("reproducers")
  void scanJsonListsTheProblem(String what, String json, String path) throws Exception {
    CliRun r = CliRun.of("scan", "--json", "--root", write(json).toString());
    assertNoCrash(r);
    assertThat(r.exit()).isZero();
    assertThat(r.json().get("problems").toString()).contains(path);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("reproducers")
  void captureWritesTheFile(String what, String json, String path) throws Exception {
    Path out = dir.resolve("again.json");
    CliRun r = CliRun.of("capture", "--root", write(json).toString(), "-o", out.toString());
    assertNoCrash(r);
    assertThat(r.exit()).isZero();
    assertThat(out).exists();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("reproducers")
  void evaluateRuns(String what, String json, String path) throws Exception {
    CliRun r = CliRun.of("evaluate", write(json).toString());
    assertNoCrash(r);
    assertThat(r.exit()).isZero();
  }
}
