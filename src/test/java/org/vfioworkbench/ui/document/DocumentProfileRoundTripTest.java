package org.vfioworkbench.ui.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.vfioworkbench.engine.Analysis;
import org.vfioworkbench.engine.Profile;
import org.vfioworkbench.scenario.ExpectationChecker;
import org.vfioworkbench.scenario.ExpectationOutcome;
import org.vfioworkbench.scenario.Scenario;
import org.vfioworkbench.scenario.ScenarioException;
import org.vfioworkbench.scenario.ScenarioLoader;
import org.vfioworkbench.scenario.ScenarioWriter;
import org.vfioworkbench.ui.state.WorkbenchState;
import org.vfioworkbench.ui.task.TaskExecutor;

/**
 * Every sample, switched to every other profile the kernel accepts its open files under, written as
 * Save writes it and read back: the file names the new profile, gives the same answers, and its
 * expectations still hold (they keep the profile they were written for).
 */
class DocumentProfileRoundTripTest {

  @Test
  void savingUnderAnotherProfileThanTheFileHadReopensWithTheSameAnswers() throws Exception {
    int roundTrips = 0;
    List<String> refused = new ArrayList<>();
    for (Path file : samples()) {
      Scenario original = ScenarioLoader.load(file);
      for (Profile p : Profile.values()) {
        if (p == original.profileOrDefault()) {
          continue;
        }
        WorkbenchState state = new WorkbenchState(TaskExecutor.currentThread());
        state.open(Document.of(file.getFileName().toString(), original, file));
        assertThat(state.setProfile(p)).isTrue();
        assertThat(state.isDirty()).as("a profile switch is unsaved work").isTrue();
        String json = ScenarioWriter.toJson(state.document().scenario());
        Scenario reopened;
        try {
          reopened = ScenarioLoader.parse(json, file + " under " + p.id());
        } catch (ScenarioException e) {
          refused.add(file.getFileName() + " under " + p.id());
          continue;
        }
        assertThat(reopened.profileOrDefault()).isEqualTo(p);
        assertThat(passed(reopened))
            .as("%s's expectations under %s", file.getFileName(), p.id())
            .isEqualTo(passed(original));
        assertThat(Answers.of(Analysis.of(reopened.topology(), p)))
            .as("%s under %s", file.getFileName(), p.id())
            .isEqualTo(Answers.of(state.results().analysis()));
        roundTrips++;
      }
    }
    assertThat(roundTrips).isGreaterThan(20);
    assertThat(refused).as("cdev samples cannot be written under linux-5.15").isNotEmpty();
  }

  private static List<Boolean> passed(Scenario s) {
    return ExpectationChecker.check(s, java.util.Optional.empty()).stream()
        .map(ExpectationOutcome::passed)
        .toList();
  }

  private static List<Path> samples() throws IOException {
    try (Stream<Path> s = Files.list(Path.of("sample-topologies"))) {
      return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
  }
}
