package org.vfioworkbench.ui.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Scene;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.vfioworkbench.engine.Edit;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.ui.FxTestBase;
import org.vfioworkbench.ui.files.BuiltInSamples;
import org.vfioworkbench.ui.state.WorkbenchState;
import org.vfioworkbench.ui.task.TaskExecutor;

/**
 * An edit changes a few of the Explorer's rows: the others stay the same rows, so what the user
 * opened or folded stays so, and the changed rows show the new state.
 */
@ExtendWith(ApplicationExtension.class)
class ExplorerKeepsRowsTest extends FxTestBase {

  private WorkbenchState state;

  @Start
  void start(Stage stage) {
    state = new WorkbenchState(TaskExecutor.currentThread());
    state.open("seed", BuiltInSamples.seedCase(), null);
    ExplorerView view = new ExplorerView(new ExplorerViewModel(state, GraphSubtrees.NONE));
    stage.setScene(new Scene(view, 400, 600));
    stage.show();
  }

  @Test
  void anEditKeepsTheRowsItDidNotChangeAndWhatTheUserFolded(FxRobot robot) {
    TreeView<?> tree = robot.lookup(".tree-view").queryAs(TreeView.class);
    TreeItem<?> bus = ExplorerRows.find(tree.getRoot(), "bus 0000:02");
    TreeItem<?> rootPort = ExplorerRows.find(tree.getRoot(), "00:1c.0");
    TreeItem<?> fn0 = ExplorerRows.find(tree.getRoot(), "02:00.0");
    String before = ((TreeEntry) fn0.getValue()).detail();
    assertThat(bus.isExpanded()).isTrue();
    robot.interact(() -> bus.setExpanded(false));

    robot.interact(() -> state.execute(new Edit.Release(Bdf.parse("0000:02:00.0"))));

    assertThat(ExplorerRows.find(tree.getRoot(), "bus 0000:02")).isSameAs(bus);
    assertThat(bus.isExpanded()).as("folded by the user, still folded").isFalse();
    assertThat(ExplorerRows.find(tree.getRoot(), "00:1c.0")).isSameAs(rootPort);
    assertThat(ExplorerRows.find(tree.getRoot(), "02:00.0")).isSameAs(fn0);
    assertThat(((TreeEntry) fn0.getValue()).detail())
        .as("the released function's row shows it released")
        .isNotEqualTo(before)
        .doesNotContain("open");
  }
}
