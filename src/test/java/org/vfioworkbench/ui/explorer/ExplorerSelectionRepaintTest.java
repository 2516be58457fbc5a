package org.vfioworkbench.ui.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.PciFunction;
import org.vfioworkbench.ui.CssAfterLayout;
import org.vfioworkbench.ui.FxTestBase;
import org.vfioworkbench.ui.files.BuiltInSamples;
import org.vfioworkbench.ui.state.ElementRef;
import org.vfioworkbench.ui.state.WorkbenchState;
import org.vfioworkbench.ui.task.TaskExecutor;

/**
 * A selection that moves to a row the Explorer shows changes that row and nothing else: the tree
 * does not measure a row again with a spare cell, so no node is left needing CSS after the pulse's
 * layout (which makes JavaFX run one more pulse that repaints the whole window). The rows keep the
 * height the tree draws them at.
 */
@ExtendWith(ApplicationExtension.class)
class ExplorerSelectionRepaintTest extends FxTestBase {

  /** A host whose Explorer has more rows than it shows. */
  private static final org.vfioworkbench.model.Topology HOST = BuiltInSamples.largeHost(2000);

  private WorkbenchState state;
  private TreeView<String> plain;
  private ExplorerView view;
  private Scene scene;
  private CssAfterLayout cssAfterLayout;

  @Start
  void start(Stage stage) {
    state = new WorkbenchState(TaskExecutor.currentThread());
    state.open("generated", HOST, null);
    view = new ExplorerView(new ExplorerViewModel(state, GraphSubtrees.NONE));
    // the same rows in a tree left as JavaFX makes it, for the height rows are drawn at
    TreeItem<String> root = new TreeItem<>("segment 0000");
    root.getChildren().add(new TreeItem<>("00:1c.0 PCI bridge [pcieport]"));
    root.setExpanded(true);
    plain = new TreeView<>(root);
    VBox box = new VBox(view, plain);
    // narrow, as the workbench's Explorer is: its rows are wider than the tree
    scene = new Scene(box, 290, 700);

    stage.setScene(scene);
    stage.show();
  }

  @Test
  void selectingRowsOnScreenLeavesNothingForCssAfterLayoutAndKeepsTheRowHeight(FxRobot robot)
      throws Exception {
    TreeView<?> tree = (TreeView<?>) view.lookup(".tree-view");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(tree.getFixedCellSize()).as("the Explorer's rows are fixed").isPositive();
    assertThat(tree.getFixedCellSize())
        .as("at the height a tree draws them")
        .isEqualTo(rowHeight(plain));

    robot.interact(
        () ->
            cssAfterLayout =
                CssAfterLayout.on(scene, () -> String.valueOf(state.selectionProperty().get())));
    // the root bus's first functions: their rows are on screen once the bus is open
    List<Bdf> shown =
        HOST.functions().stream()
            .map(PciFunction::bdf)
            .filter(b -> b.segment() == 0 && b.bus() == 0)
            .limit(6)
            .toList();
    for (int round = 0; round < 2; round++) {
      for (Bdf bdf : shown) {
        robot.interact(() -> state.select(new ElementRef.FunctionRef(bdf)));
        WaitForAsyncUtils.waitForFxEvents();
      }
    }
    assertThat(cssAfterLayout.seen()).as("selections that left CSS to do after layout").isEmpty();
  }

  private static double rowHeight(TreeView<?> tree) {
    return tree.lookupAll(".tree-cell").stream()
        .filter(n -> n instanceof IndexedCell<?> c && !c.isEmpty())
        .mapToDouble(n -> ((IndexedCell<?>) n).getHeight())
        .findFirst()
        .orElseThrow();
  }
}
