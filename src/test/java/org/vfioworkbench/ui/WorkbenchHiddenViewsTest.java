package org.vfioworkbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.ui.docking.ViewId;
import org.vfioworkbench.ui.explain.ExplainViewModel;
import org.vfioworkbench.ui.state.ElementRef;
import org.vfioworkbench.ui.task.TaskExecutor;
import org.vfioworkbench.ui.trace.TraceRow;
import org.vfioworkbench.ui.trace.TraceViewModel;

/**
 * Trace and "Why not" sit behind INFO in the default layout: selections made while they are hidden
 * show up in them, right, as soon as their tab is brought to the front.
 */
@ExtendWith(ApplicationExtension.class)
class WorkbenchHiddenViewsTest extends FxTestBase {

  @TempDir static Path config;

  private WorkbenchWindow window;

  @Start
  void start(Stage stage) {
    window = new WorkbenchWindow(stage, config, TaskExecutor.currentThread());
    window.openFile(Path.of("sample-topologies/s19-seed-cdev-and-type1-group.json"));
    stage.setWidth(1600);
    stage.setHeight(1000);
    stage.show();
  }

  @Test
  void hiddenTabsShowTheLatestSelectionWhenBroughtToTheFront(FxRobot robot) {
    assertThat(window.views().view(ViewId.TRACE).getScene()).isNull();
    assertThat(window.views().view(ViewId.EXPLAIN).getScene()).isNull();
    for (String bdf : new String[] {"0000:02:00.1", "0000:00:1c.0", "0000:02:00.0"}) {
      robot.interact(() -> window.state().select(new ElementRef.FunctionRef(Bdf.parse(bdf))));
    }
    WaitForAsyncUtils.waitForFxEvents();

    robot.interact(() -> window.showView(ViewId.TRACE));
    WaitForAsyncUtils.waitForFxEvents();

    TraceViewModel expected = new TraceViewModel(window.state());
    @SuppressWarnings("unchecked")
    TableView<TraceRow> steps =
        (TableView<TraceRow>) window.scene().getRoot().lookup("#trace-steps");
    assertThat(steps.getItems()).containsExactlyElementsOf(expected.rows()).isNotEmpty();

    robot.interact(() -> window.showView(ViewId.EXPLAIN));
    WaitForAsyncUtils.waitForFxEvents();

    String caller = ((Label) window.scene().getRoot().lookup("#explain-caller")).getText();
    assertThat(caller)
        .isEqualTo(new ExplainViewModel(window.state()).reportProperty().get().caller())
        .contains("0000:02:00.0");
  }
}
