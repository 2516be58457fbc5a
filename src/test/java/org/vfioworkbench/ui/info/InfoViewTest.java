package org.vfioworkbench.ui.info;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.ui.FxTestBase;
import org.vfioworkbench.ui.files.BuiltInSamples;
import org.vfioworkbench.ui.state.ElementRef;
import org.vfioworkbench.ui.state.WorkbenchState;
import org.vfioworkbench.ui.task.TaskExecutor;

/** The INFO view's table of entries. */
@ExtendWith(ApplicationExtension.class)
class InfoViewTest extends FxTestBase {

  private WorkbenchState state;
  private InfoView view;

  @Start
  void start(Stage stage) {
    state = new WorkbenchState(TaskExecutor.currentThread());
    state.open("seed", BuiltInSamples.seedCase(), null);
    view = new InfoView(new InfoViewModel(state));
    stage.setScene(new Scene(view, 900, 500));
    stage.show();
  }

  /**
   * New entries are laid out into the table's rows at once, in the same pulse as the rest of the
   * selection: a table left to lay them out in the next pulse measures a row nobody sees there, and
   * Prism, given that frame with no visible dirty region, repaints the whole window.
   */
  @Test
  void newEntriesAreInTheRowsBeforeTheNextPulse(FxRobot robot) {
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(texts(robot)).doesNotContain("group 20");
    List<String>[] now = new List[1];
    robot.interact(
        () -> {
          state.select(new ElementRef.FunctionRef(Bdf.parse("0000:02:00.1")));
          now[0] = texts(robot); // no pulse has run since the selection
        });
    assertThat(now[0]).contains("group 20", "group 21");
  }

  private List<String> texts(FxRobot robot) {
    return robot.from(view).lookup(".table-cell").queryAll().stream()
        .filter(Node::isVisible)
        .map(n -> ((TableCell<?, ?>) n).getText())
        .filter(t -> t != null)
        .toList();
  }
}
