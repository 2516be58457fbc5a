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
import org.vfioworkbench.ui.CssAfterLayout;
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
   * New entries are in the table's rows in the pulse after the selection, and that pulse leaves no
   * node needing CSS after its layout: a table left to itself lays new rows out, measures a row
   * nobody sees and styles it after the CSS pass, so JavaFX runs one more pulse, and Prism, given
   * that frame with no dirty region, repaints the whole window. (The first time the table needs a
   * row or its placeholder it makes one during its layout; that is once per view, not watched.)
   */
  @Test
  void newEntriesAreInTheRowsWithNoCssLeftAfterLayout(FxRobot robot) throws Exception {
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(texts(robot)).doesNotContain("group 20");
    List<String> functions = List.of("0000:02:00.1", "0000:02:00.0", "0000:00:1c.0");
    // once round first: the table makes its rows and its placeholder the first time it needs them
    selectEach(robot, functions);
    CssAfterLayout[] watch = new CssAfterLayout[1];
    robot.interact(
        () ->
            watch[0] =
                CssAfterLayout.on(
                    view.getScene(), () -> String.valueOf(state.selectionProperty().get())));
    for (int round = 0; round < 2; round++) {
      selectEach(robot, functions);
    }
    robot.interact(() -> state.select(new ElementRef.FunctionRef(Bdf.parse("0000:02:00.1"))));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(texts(robot)).contains("group 20", "group 21");
    assertThat(watch[0].seen()).as("selections that left CSS to do after layout").isEmpty();
  }

  private void selectEach(FxRobot robot, List<String> functions) {
    for (String bdf : functions) {
      robot.interact(() -> state.select(new ElementRef.FunctionRef(Bdf.parse(bdf))));
      WaitForAsyncUtils.waitForFxEvents();
    }
  }

  private List<String> texts(FxRobot robot) {
    return robot.from(view).lookup(".table-cell").queryAll().stream()
        .filter(Node::isVisible)
        .map(n -> ((TableCell<?, ?>) n).getText())
        .filter(t -> t != null)
        .toList();
  }
}
