package org.vfioworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes and output shapes of the commands, run in-process. */
class WorkbenchCliTest {

  static final String SEED = "sample-topologies/s19-seed-cdev-and-type1-group.json";
  static final String LEGACY = "sample-topologies/s01-legacy-groups-as-proof.json";
  static final String ENOSPC = "sample-topologies/s15-cdev-group-mate-unopened.json";

  @TempDir Path dir;

  @Test
  void evaluateShowsTheSeedCaseAsAKernelDeveloperWouldWriteIt() {
    CliRun r = CliRun.of("evaluate", SEED);
    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .containsPattern(
            "qemu-cdev:4 +0000:02:00.0 +cdev, iommufd A +0, 0x1, \\[1, NOT_OWNED] +zero-length"
                + " array +-EINVAL")
        .containsPattern(
            "qemu-legacy:5 +0000:02:00.1 +group 21, container c1 +0, 0x0, \\[G20, G21] +\\[G21]"
                + " +-EINVAL")
        .contains("INFO: 0, DEV_ID mode, flags 0x1 DEV_ID (DEV_ID_OWNED clear), count 2")
        .contains("    0000:02:00.1  NOT_OWNED")
        .contains("decided by vfio_pci_dev_set_hot_reset: member 0000:02:00.1 not owned")
        .contains("FAIL    vfio_pci_dev_set_hot_reset: member 0000:02:00.0 not owned")
        .contains("INFO: 0, group-id mode, flags 0x0, count 2");
  }

  @Test
  void evaluateJsonCarriesInfoAndTheNaturalResetPerDeviceFd() {
    JsonNode root = CliRun.of("evaluate", SEED, "--json").json();
    assertThat(root.get("profile").asText()).isEqualTo("linux-6.10");
    JsonNode fn0 = root.get("devices").get(0);
    assertThat(fn0.get("bdf").asText()).isEqualTo("0000:02:00.0");
    assertThat(fn0.at("/info/flags").toString()).isEqualTo("[\"DEV_ID\"]");
    assertThat(fn0.at("/info/devices/1/devid").asLong()).isEqualTo(4294967295L);
    assertThat(fn0.at("/naturalReset/kind").asText()).isEqualTo("EMPTY_ARRAY");
    assertThat(fn0.at("/naturalReset/result/ret").asInt()).isEqualTo(-22);
    assertThat(fn0.at("/naturalReset/result/errno").asText()).isEqualTo("EINVAL");
    assertThat(fn0.at("/naturalReset/result/trace")).isNotEmpty();
    JsonNode fn1 = root.get("devices").get(1);
    assertThat(fn1.at("/info/flags")).isEmpty();
    assertThat(fn1.at("/info/devices/0/groupId").asInt()).isEqualTo(20);
    assertThat(fn1.at("/info/devices/1/groupId").asInt()).isEqualTo(21);
    assertThat(fn1.at("/naturalReset/fds").toString()).isEqualTo("[4]");
    assertThat(fn1.at("/naturalReset/result/errno").asText()).isEqualTo("EINVAL");
  }

  @Test
  void infoJsonHasTheAgreedShape() {
    JsonNode info = CliRun.of("info", SEED, "--device", "0000:02:00.1", "--json").json();
    assertThat(fieldNames(info)).contains("ret", "errno", "flags", "count", "devices", "trace");
    assertThat(info.get("ret").asInt()).isZero();
    assertThat(info.get("errno").isNull()).isTrue();
    JsonNode entry = info.get("devices").get(1);
    assertThat(entry.get("bdf").asText()).isEqualTo("0000:02:00.1");
    assertThat(entry.get("segment").asInt()).isZero();
    assertThat(entry.get("bus").asInt()).isEqualTo(2);
    assertThat(entry.get("devfn").asInt()).isEqualTo(1);
    assertThat(entry.get("groupId").asInt()).isEqualTo(21);
    assertThat(info.at("/trace/0")).isNotNull();
    assertThat(fieldNames(info.at("/trace/0"))).contains("function", "fact", "verdict");
  }

  @Test
  void infoWithASmallBufferReportsEnospcAndTheCount() {
    JsonNode info =
        CliRun.of("info", ENOSPC, "--device", "0000:02:00.0", "--argsz", "12", "--json").json();
    assertThat(info.get("ret").asInt()).isEqualTo(-28);
    assertThat(info.get("errno").asText()).isEqualTo("ENOSPC");
    assertThat(info.get("count").asInt()).isEqualTo(2);
    JsonNode sixSix =
        CliRun.of(
                "info",
                ENOSPC,
                "--device",
                "0000:02:00.0",
                "--argsz",
                "12",
                "--json",
                "--profile",
                "linux-6.6")
            .json();
    assertThat(sixSix.get("flags").toString()).isEqualTo("[\"DEV_ID\",\"DEV_ID_OWNED\"]");
  }

  @Test
  void resetJsonHasTheAgreedShape() {
    JsonNode ok =
        CliRun.of("reset", LEGACY, "--device", "0000:02:00.0", "--groups", "20,21", "--json")
            .json();
    assertThat(fieldNames(ok)).contains("ret", "errno", "reset", "trace");
    assertThat(ok.get("ret").asInt()).isZero();
    assertThat(ok.get("reset").toString()).isEqualTo("[\"0000:02:00.0\",\"0000:02:00.1\"]");
    assertThat(ok.at("/request/fds").toString()).isEqualTo("[5,6]");
    JsonNode badf =
        CliRun.of("reset", LEGACY, "--device", "0000:02:00.0", "--fds", "5,57", "--json").json();
    assertThat(badf.get("errno").asText()).isEqualTo("EBADF");
    assertThat(badf.get("reset")).isEmpty();
    JsonNode empty =
        CliRun.of("reset", SEED, "--device", "0000:02:00.0", "--empty", "--json").json();
    assertThat(empty.get("ret").asInt()).isEqualTo(-22);
  }

  @Test
  void resetTextShowsTheArrayResultAndTrace() {
    CliRun r = CliRun.of("reset", SEED, "--device", "0000:02:00.1", "--natural");
    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .contains("HOT_RESET on qemu-legacy:5")
        .contains("result: -EINVAL")
        .contains("trace:");
  }

  @Test
  void checkPassesOnEverySample() throws Exception {
    List<String> args = new ArrayList<>(List.of("check"));
    try (Stream<Path> s = Files.list(Path.of("sample-topologies"))) {
      s.filter(p -> p.toString().endsWith(".json")).sorted().forEach(p -> args.add(p.toString()));
    }
    CliRun r = CliRun.of(args.toArray(String[]::new));
    assertThat(r.err()).isEmpty();
    assertThat(r.exit()).as(r.out()).isZero();
    assertThat(r.out()).containsPattern("\\d+ files: \\d+ expectations hold, 0 differ");
  }

  @Test
  void checkExitsOneAndPrintsEachMismatch() throws Exception {
    Path wrong = dir.resolve("wrong.json");
    Files.writeString(
        wrong,
        Files.readString(Path.of(SEED))
            .replace("\"result\": {\"errno\": \"EBUSY\"}", "\"result\": {\"ret\": 0}"));
    CliRun r = CliRun.of("check", wrong.toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.DIFFERS);
    assertThat(r.out())
        .contains("DIFFERS expect[4]")
        .contains("ret: expected 0, got -16")
        .contains("decided by qemu-legacy fd 6: open(/dev/vfio/20) → -EBUSY");
    JsonNode json = CliRun.of("check", wrong.toString(), "--json").json();
    assertThat(json.get("failed").asInt()).isEqualTo(1);
    assertThat(json.at("/files/0/expectations/4/mismatches/0/field").asText()).isEqualTo("ret");
  }

  @Test
  void checkExitsTwoOnABadFileNamingItsLocation() throws Exception {
    Path bad = dir.resolve("bad.json");
    Files.writeString(
        bad,
        "{\n  \"format\": 1,\n  \"functions\": [{\"bdf\": \"0000:02:00.0\", \"grup\": 20}]\n}\n");
    CliRun r = CliRun.of("check", SEED, bad.toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err())
        .isEqualTo(
            bad
                + ":3:41: $.functions[0].grup: unknown field \"grup\"; did you mean \"group\"?"
                + System.lineSeparator());
  }

  @Test
  void checkExitsTwoWhenAnExpectationCannotBeEvaluated() throws Exception {
    Path stale = dir.resolve("stale.json");
    Files.writeString(
        stale,
        Files.readString(Path.of(SEED))
            .replace(
                "{\"device\": \"0000:02:00.1\"}, \"info\"",
                "{\"device\": \"0000:00:1c.0\"}, \"info\""));
    CliRun r = CliRun.of("check", stale.toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.out())
        .contains("CANNOT EVALUATE expect[2]")
        .contains("no holder has 0000:00:1c.0 open");
  }

  @Test
  void compareExitsOneWhenProfilesDiffer() {
    CliRun r = CliRun.of("compare", ENOSPC, "--profile", "linux-6.10", "--profile", "linux-6.6");
    assertThat(r.exit()).isEqualTo(ExitCodes.DIFFERS);
    assertThat(r.out()).containsPattern("INFO qemu:4 argsz 12 +flags +0 +DEV_ID\\|DEV_ID_OWNED");
    JsonNode json =
        CliRun.of("compare", ENOSPC, "--profile", "linux-6.10", "--profile", "linux-6.6", "--json")
            .json();
    assertThat(json.get("differences")).isNotEmpty();
    assertThat(
            CliRun.of("compare", ENOSPC, "--profile", "linux-6.10", "--profile", "linux-6.10")
                .exit())
        .isZero();
  }

  @Test
  void badInputExitsTwoWithAMessage() {
    CliRun oneProfile = CliRun.of("compare", SEED, "--profile", "linux-6.10");
    assertThat(oneProfile.exit()).isEqualTo(2);
    assertThat(oneProfile.err()).contains("compare needs exactly two --profile options");
    CliRun unknownProfile = CliRun.of("evaluate", SEED, "--profile", "linux-9.9");
    assertThat(unknownProfile.exit()).isEqualTo(2);
    assertThat(unknownProfile.err())
        .contains("unknown profile 'linux-9.9'; known profiles: ")
        .contains("linux-6.10");
    CliRun notOpen = CliRun.of("info", SEED, "--device", "0000:00:1c.0");
    assertThat(notOpen.exit()).isEqualTo(2);
    assertThat(notOpen.err()).contains("no holder has 0000:00:1c.0 open");
    CliRun noArray = CliRun.of("reset", SEED, "--device", "0000:02:00.0");
    assertThat(noArray.exit()).isEqualTo(2);
    CliRun notHeld = CliRun.of("reset", SEED, "--device", "0000:02:00.1", "--groups", "20");
    assertThat(notHeld.exit()).isEqualTo(2);
    assertThat(notHeld.err())
        .contains("qemu-legacy holds no file for group 20 (it holds groups [21])");
    CliRun missing = CliRun.of("evaluate", "no-such-file.json");
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("no-such-file.json: no such file");
    assertThat(CliRun.of().exit()).isEqualTo(2);
    assertThat(CliRun.of("frobnicate").exit()).isEqualTo(2);
  }

  @Test
  void ambiguousDeviceAsksForTheFd() {
    CliRun r = CliRun.of("info", LEGACY, "--device", "0000:02:00.1");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err())
        .contains(
            "0000:02:00.1 is open through 2 fds (qemu:8, qemu:10); name the caller by holder and"
                + " fd");
    assertThat(CliRun.of("info", LEGACY, "--caller", "qemu:8").exit()).isZero();
  }

  private static List<String> fieldNames(JsonNode n) {
    List<String> names = new ArrayList<>();
    n.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
