package org.vfioworkbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.vfioworkbench.engine.Analysis;
import org.vfioworkbench.engine.Edit;
import org.vfioworkbench.engine.KernelCalls;
import org.vfioworkbench.engine.Profile;
import org.vfioworkbench.host.LiveHostSession;
import org.vfioworkbench.host.ScanDiff;
import org.vfioworkbench.host.ScanResult;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.Topology;
import org.vfioworkbench.scenario.Scenario;
import org.vfioworkbench.scenario.ScenarioLoader;
import org.vfioworkbench.ui.document.Answers;
import org.vfioworkbench.ui.document.Document;
import org.vfioworkbench.ui.files.BuiltInSamples;
import org.vfioworkbench.ui.livehost.LiveHostView;
import org.vfioworkbench.ui.state.ElementRef;
import org.vfioworkbench.ui.state.WorkbenchState;
import org.vfioworkbench.ui.task.BackgroundTask;
import org.vfioworkbench.ui.task.TaskExecutor;

/**
 * The document as a user meets it in the window: profile switches that are saved, re-scans that
 * keep what the user was looking at, Quit that closes, failures that are said.
 */
@ExtendWith(ApplicationExtension.class)
class DocumentWorkflowTest extends FxTestBase {

  private static final Path S37 = Path.of("sample-topologies/s37-linux-5-15-group-only.json");
  private static final Bdf GPU = Bdf.parse("0000:02:00.0");
  private static final Bdf HDA = Bdf.parse("0000:02:00.1");

  @TempDir Path dir;

  private Stage stage;
  private WorkbenchWindow window;
  private WorkbenchState state;
  private final Deque<Topology> scans = new ArrayDeque<>();
  private final Deque<UnsavedChangesQuestion.Answer> answers = new ArrayDeque<>();
  private Runnable duringScan = () -> {};

  @Start
  void start(Stage stage) throws Exception {
    this.stage = stage;
    window =
        new WorkbenchWindow(
            stage,
            Files.createTempDirectory("wb-config"),
            TaskExecutor.currentThread(),
            this::fakeHost,
            name -> answers.isEmpty() ? UnsavedChangesQuestion.Answer.CANCEL : answers.pop());
    state = window.state();
    stage.setWidth(1200);
    stage.setHeight(800);
    stage.show();
  }

  /** A host whose successive scans are the topologies queued in {@link #scans}. */
  private LiveHostView.HostWatch fakeHost() {
    ScanResult[] last = {null};
    return listener -> {
      duringScan.run();
      ScanResult now =
          new ScanResult("fake", scans.pop(), List.of(), List.of(), Map.of(), List.of(), List.of());
      Optional<ScanResult> before = Optional.ofNullable(last[0]);
      last[0] = now;
      return new LiveHostSession.Refresh(
          before, now, before.map(b -> ScanDiff.between(b, now)).orElse(new ScanDiff(List.of())));
    };
  }

  @Test
  void s37SavedAfterAProfileSwitchSaysTheNewProfileReopensAndGivesTheSameAnswers(FxRobot robot)
      throws Exception {
    Path saved = dir.resolve("s37-on-6.10.json");
    robot.interact(
        () -> {
          window.openFile(S37);
          assertThat(state.profileProperty().get()).isEqualTo(Profile.LINUX_5_15);
          state.setProfile(Profile.LINUX_6_10);
          assertThat(state.execute(new Edit.MoveToCdev("qemu", GPU)).orElseThrow().succeeded())
              .isTrue();
          assertThat(window.actions().saveTo(saved)).isTrue();
        });
    List<String> before = Answers.of(state.results().analysis());

    Scenario reopened = ScenarioLoader.load(saved);
    assertThat(Files.readString(saved)).contains("\"profile\": \"linux-6.10\"");
    assertThat(reopened.profileOrDefault()).isEqualTo(Profile.LINUX_6_10);
    assertThat(reopened.expectations().get(0).profile())
        .as("an expectation written for the file's old profile keeps it")
        .contains(Profile.LINUX_5_15);
    assertThat(Answers.of(Analysis.of(reopened.topology(), reopened.profileOrDefault())))
        .isEqualTo(before);

    robot.interact(() -> window.openFile(saved));
    assertThat(state.isDirty()).isFalse();
    assertThat(state.profileProperty().get()).isEqualTo(Profile.LINUX_6_10);
    assertThat(Answers.of(state.results().analysis())).isEqualTo(before);
  }

  @Test
  @SuppressWarnings("unchecked")
  void theToolbarsProfileSwitchIsAnUndoableEditAndFollowsUndo(FxRobot robot) {
    robot.interact(() -> state.open("seed", BuiltInSamples.seedCase(), null));
    javafx.scene.control.ComboBox<Profile> box =
        robot.lookup("#profile-switcher").queryAs(javafx.scene.control.ComboBox.class);
    robot.interact(() -> box.setValue(Profile.LINUX_6_6));
    assertThat(state.profileProperty().get()).isEqualTo(Profile.LINUX_6_6);
    assertThat(state.isDirty()).isTrue();
    assertThat(stage.getTitle()).startsWith("*");
    robot.interact(state::undo);
    assertThat(box.getValue()).isEqualTo(Profile.DEFAULT);
    assertThat(state.isDirty()).isFalse();
  }

  @Test
  void aDocumentTheLoaderWouldRefuseIsNotSaved(FxRobot robot) {
    Path target = dir.resolve("refused.json");
    robot.interact(
        () -> {
          state.open(Document.of("seed", Scenario.of(BuiltInSamples.seedCase()), null));
          state.setProfile(Profile.LINUX_5_15);
          assertThat(window.actions().saveTo(target)).isFalse();
        });
    assertThat(target).doesNotExist();
    assertThat(window.statusMessage())
        .startsWith("Not saved: " + target)
        .contains("would not reopen under linux-5.15");
    assertThat(state.isDirty()).isTrue();
  }

  @Test
  void aReScanKeepsTheSelectionAndTheUndoHistoryAndSaysWhatChanged(FxRobot robot) {
    Topology first = BuiltInSamples.seedCase();
    Topology second = KernelCalls.release(first, HDA).orElseThrow();
    scans.add(first);
    scans.add(second);
    ElementRef gpu = new ElementRef.FunctionRef(Bdf.parse("0000:02:00.0"));
    Profile[] hostsOwn = new Profile[1];
    Profile[] other = new Profile[1];
    robot.interact(
        () -> {
          window.actions().attachToHost();
          assertThat(state.document().origin()).isEqualTo(Document.Origin.LIVE_HOST);
          hostsOwn[0] = state.profileProperty().get();
          other[0] = hostsOwn[0] == Profile.LINUX_6_6 ? Profile.LINUX_6_10 : Profile.LINUX_6_6;
          state.setProfile(other[0]);
          state.select(gpu);
          window.actions().refreshHost();
        });
    assertThat(state.topology()).isEqualTo(second);
    assertThat(state.selectionProperty().get()).isEqualTo(gpu);
    assertThat(state.commands().undoLabelProperty().get()).isEqualTo("Re-scan");
    assertThat(window.statusMessage()).startsWith("Re-scanned: ").contains("change(s)");
    robot.interact(state::undo);
    assertThat(state.topology()).isEqualTo(first);
    assertThat(state.commands().undoLabelProperty().get()).isEqualTo("Profile " + other[0].id());
    robot.interact(state::undo);
    assertThat(state.profileProperty().get()).isEqualTo(hostsOwn[0]);
  }

  @Test
  void theTimedReScanStopsWhenAnotherDocumentIsOpenedAndNeverReplacesIt(FxRobot robot) {
    scans.add(BuiltInSamples.seedCase());
    scans.add(BuiltInSamples.seedCase());
    LiveHostView host = window.actions().liveHost();
    robot.interact(
        () -> {
          window.actions().attachToHost();
          window.actions().refreshHostEvery(true);
        });
    assertThat(host.refreshingProperty().get()).isTrue();

    robot.interact(() -> window.openSample(BuiltInSamples.all().get(1)));
    assertThat(host.refreshingProperty().get()).isFalse();
    assertThat(host.attached()).isFalse();
    Topology opened = state.topology();
    robot.interact(() -> window.actions().refreshHost());
    assertThat(state.topology()).isSameAs(opened);
    assertThat(window.statusMessage()).startsWith("Not attached");
  }

  @Test
  void aReScanFinishingAfterAnotherDocumentWasOpenedDoesNotReplaceIt(FxRobot robot) {
    scans.add(BuiltInSamples.seedCase());
    scans.add(BuiltInSamples.workstation());
    Topology other = BuiltInSamples.workstation().withHolders(List.of());
    robot.interact(() -> window.actions().attachToHost());
    duringScan = () -> state.open("opened meanwhile", other, null);
    robot.interact(() -> window.actions().refreshHost());
    assertThat(state.topology()).isEqualTo(other);
    assertThat(state.documentNameProperty().get()).isEqualTo("opened meanwhile");
    assertThat(window.actions().liveHost().attached()).isFalse();
  }

  @Test
  void quitThenDiscardClosesTheWindowAndCancelKeepsIt(FxRobot robot) {
    robot.interact(
        () -> {
          state.open("seed", BuiltInSamples.seedCase(), null);
          state.setProfile(Profile.LINUX_5_15);
        });
    assertThat(state.isDirty()).isTrue();
    answers.add(UnsavedChangesQuestion.Answer.CANCEL);
    robot.interact(window::close);
    assertThat(stage.isShowing()).isTrue();
    answers.add(UnsavedChangesQuestion.Answer.DISCARD);
    robot.interact(window::close);
    assertThat(stage.isShowing()).isFalse();
  }

  @Test
  void aFailingBackgroundTaskIsSaidInTheStatusBar(FxRobot robot) {
    robot.interact(
        () ->
            state
                .executor()
                .execute(
                    BackgroundTask.of(
                        "Laying out the graph",
                        progress -> {
                          throw new IllegalStateException("no room for 3 lanes");
                        })));
    assertThat(window.statusMessage())
        .isEqualTo("Laying out the graph failed: no room for 3 lanes");
    robot.interact(
        () ->
            state
                .derivation("Working out the outcomes")
                .request(
                    (r, progress) -> {
                      throw new ArithmeticException("/ by zero");
                    },
                    v -> {}));
    assertThat(window.statusMessage()).isEqualTo("Working out the outcomes failed: / by zero");
  }

  @Test
  void aBrokenFileIsReportedAndChangesNothing(FxRobot robot) throws Exception {
    Path broken = dir.resolve("broken.json");
    Files.writeString(broken, "{\"format\": 1, \"functions\": [");
    robot.interact(() -> state.open("seed", BuiltInSamples.seedCase(), null));
    Topology before = state.topology();
    robot.interact(() -> window.openFile(broken));
    assertThat(state.topology()).isSameAs(before);
    assertThat(window.statusMessage()).startsWith("Could not open " + broken);
  }
}
