package org.vfioworkbench.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vfioworkbench.engine.Profile;

/** The checker compares field by field, reports what differs, and cannot pass a wrong claim. */
class ExpectationCheckerTest {

  private static final String SEED = ScenarioLoaderTest.SEED;

  @Test
  void aTrueClaimHolds() throws Exception {
    List<ExpectationOutcome> out = check(SEED);
    assertThat(out).singleElement().satisfies(o -> assertThat(o.passed()).isTrue());
  }

  @Test
  void everyWrongFieldIsReportedWithExpectedAndActual() throws Exception {
    String wrong =
        SEED.replace(
            "\"result\": {\"flags\": [\"DEV_ID\"]}",
            "\"result\": {\"errno\": \"EPERM\", \"flags\": [\"DEV_ID\", \"DEV_ID_OWNED\"],"
                + " \"count\": 3, \"devices\": [{\"bdf\": \"0000:02:00.0\", \"devid\": 1},"
                + " {\"bdf\": \"0000:02:00.1\", \"devid\": \"OWNED\"}], \"decidedBy\":"
                + " \"vfio_pci_fill_devs\"}");
    ExpectationOutcome o = check(wrong).get(0);
    assertThat(o.passed()).isFalse();
    assertThat(o.mismatches())
        .extracting(Mismatch::toString)
        .containsExactly(
            "errno: expected EPERM, got none (ret 0)",
            "decidedBy: expected vfio_pci_fill_devs, got vfio_pci_ioctl_get_pci_hot_reset_info",
            "flags: expected DEV_ID|DEV_ID_OWNED, got DEV_ID",
            "count: expected 3, got 2",
            "devices[0000:02:00.1]: expected OWNED, got NOT_OWNED");
  }

  @Test
  void missingAndExtraEntriesAreReported() throws Exception {
    String wrong =
        SEED.replace(
            "\"result\": {\"flags\": [\"DEV_ID\"]}",
            "\"result\": {\"devices\": [{\"bdf\": \"0000:02:00.0\", \"devid\": 1}, {\"bdf\":"
                + " \"0000:02:00.2\", \"devid\": 2}]}");
    assertThat(check(wrong).get(0).mismatches())
        .extracting(Mismatch::toString)
        .containsExactly(
            "devices[0000:02:00.2]: expected devid 2, got no entry",
            "devices[0000:02:00.1]: expected no entry, got NOT_OWNED");
  }

  @Test
  void resetListsCompareAsSets() throws Exception {
    String reset =
        SEED.replace(
            "\"info\": {}, \"result\": {\"flags\": [\"DEV_ID\"]}",
            "\"reset\": {\"empty\": true}, \"result\": {\"failed\": true, \"reset\":"
                + " [\"0000:02:00.1\"]}");
    assertThat(check(reset).get(0).mismatches())
        .extracting(Mismatch::toString)
        .containsExactly("reset: expected [0000:02:00.1], got []");
  }

  @Test
  void theExpectationsProfileWinsOverTheOverride() throws Exception {
    String sixSix =
        SEED.replace("{\"caller\"", "{\"profile\": \"linux-6.6\", \"caller\"")
            .replace(
                "\"info\": {}, \"result\": {\"flags\": [\"DEV_ID\"]}",
                "\"info\": {\"argsz\": 12}, \"result\": {\"errno\": \"ENOSPC\", \"flags\":"
                    + " [\"DEV_ID\", \"DEV_ID_OWNED\"]}");
    Scenario s = ScenarioLoader.parse(sixSix, "s.json");
    assertThat(ExpectationChecker.check(s, Optional.of(Profile.LINUX_6_10)).get(0).passed())
        .isTrue();
    assertThat(ExpectationChecker.check(s, Optional.of(Profile.LINUX_6_10)).get(0).profile())
        .isEqualTo(Profile.LINUX_6_6);
  }

  @Test
  void theOverrideWinsOverTheScenariosProfile() throws Exception {
    Scenario s = ScenarioLoader.parse(SEED, "s.json");
    ExpectationOutcome o = ExpectationChecker.check(s, Optional.of(Profile.LINUX_5_15)).get(0);
    assertThat(o.profile()).isEqualTo(Profile.LINUX_5_15);
    assertThat(o.passed()).as("a cdev fd cannot exist before v6.6").isFalse();
  }

  @Test
  void aCallThatCannotBeMadeIsNotEvaluatedAndSaysWhy() throws Exception {
    String notOpen =
        SEED.replace(
            "\"caller\": {\"device\": \"0000:02:00.0\"}",
            "\"caller\": {\"device\": \"0000:00:1c.0\"}");
    ExpectationOutcome o = check(notOpen).get(0);
    assertThat(o.evaluated()).isFalse();
    assertThat(o.passed()).isFalse();
    assertThat(((CallRunner.NotRun) o.ran()).reason())
        .isEqualTo("no holder has 0000:00:1c.0 open (neither a device fd nor its cdev)");
    String groupNotHeld =
        SEED.replace(
            "\"info\": {}, \"result\": {\"flags\": [\"DEV_ID\"]}",
            "\"reset\": {\"groups\": [20]}, \"result\": {\"errno\": \"EINVAL\"}");
    assertThat(((CallRunner.NotRun) check(groupNotHeld).get(0).ran()).reason())
        .startsWith("qemu-cdev holds no file for group 20");
    String noHolder =
        SEED.replace(
            "{\"caller\": {\"device\": \"0000:02:00.0\"}, \"info\": {}, \"result\": {\"flags\":"
                + " [\"DEV_ID\"]}}",
            "{\"holder\": \"ghost\", \"open\": {\"fd\": 9, \"group\": 20}, \"result\": {\"ret\":"
                + " 0}}");
    assertThat(((CallRunner.NotRun) check(noHolder).get(0).ran()).reason())
        .isEqualTo("no holder is named \"ghost\"");
  }

  @Test
  void openExpectationsUseTheKernelsRules() throws Exception {
    String open =
        SEED.replace(
            "{\"caller\": {\"device\": \"0000:02:00.0\"}, \"info\": {}, \"result\": {\"flags\":"
                + " [\"DEV_ID\"]}}",
            "{\"holder\": \"qemu-legacy\", \"open\": {\"fd\": 9, \"group\": 20}, \"result\":"
                + " {\"ret\": 0}}");
    assertThat(check(open).get(0).mismatches())
        .extracting(Mismatch::toString)
        .containsExactly("ret: expected 0, got -16");
  }

  private static List<ExpectationOutcome> check(String json) throws ScenarioException {
    return ExpectationChecker.check(ScenarioLoader.parse(json, "s.json"), Optional.empty());
  }
}
