package org.vfioworkbench.ui.graph.skin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.paint.Color;
import javafx.scene.paint.ImagePattern;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.Shape;
import javafx.scene.shape.StrokeType;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.FdRef;
import org.vfioworkbench.ui.FxTestBase;
import org.vfioworkbench.ui.WorkbenchWindow;
import org.vfioworkbench.ui.graph.Box;
import org.vfioworkbench.ui.graph.GraphModel.FdEdge;
import org.vfioworkbench.ui.graph.GraphModel.FdKind;
import org.vfioworkbench.ui.graph.GraphModel.GroupHull;
import org.vfioworkbench.ui.graph.GraphModel.Point;
import org.vfioworkbench.ui.graph.GraphModel.ScopeOutline;
import org.vfioworkbench.ui.graph.TopologyGraphView;

/**
 * The graph's thin shapes as the workbench's style sheets leave them: reset scopes' dashed borders
 * stroked, never filled; fd edges' legs filled strips, never stroked. A shape with both a fill
 * (even a transparent one) and a stroke is painted twice at every repaint, and Prism counts it as
 * having overlapping contents: a faded fd edge's leg was painted into an offscreen image of its own
 * and blended back, about 900 images per selection on the 2,000-function host.
 */
@ExtendWith(ApplicationExtension.class)
class OutlineStyleTest extends FxTestBase {

  private final Group root = new Group();

  @Start
  void start(Stage stage) {
    Scene scene = new Scene(root, 400, 300);
    scene
        .getStylesheets()
        .addAll(
            WorkbenchWindow.class.getResource("workbench.css").toExternalForm(),
            TopologyGraphView.class.getResource("graph.css").toExternalForm());
    stage.setScene(scene);
    stage.show();
  }

  private static FdEdge edge(FdKind kind) {
    return new FdEdge(
        new FdRef("qemu", 9),
        kind,
        List.of(new Point(300, 10), new Point(300, 40), new Point(20, 40), new Point(20, 200)),
        Optional.of(Bdf.parse("0000:02:00.0")),
        OptionalInt.empty());
  }

  @Test
  void legsAreFilledOnlySoAFadedLegIsNotPaintedOffscreen(FxRobot robot) {
    List<FdEdgeSkin> skins =
        List.of(new FdEdgeSkin(edge(FdKind.DEVICE)), new FdEdgeSkin(edge(FdKind.GROUP)));
    BundleSkin bundled = new BundleSkin(new EdgeBundle("qemu", List.of(edge(FdKind.CDEV))));
    robot.interact(
        () -> {
          root.getChildren().setAll(skins);
          root.getChildren().add(bundled);
          skins.forEach(s -> s.fade(0.25));
          bundled.fade(fd -> false, 0.25, false);
          root.applyCss();
        });

    for (javafx.scene.Group s : List.<javafx.scene.Group>of(skins.get(0), skins.get(1), bundled)) {
      assertThat(s.getChildren()).isNotEmpty().allMatch(n -> n instanceof EdgeLeg);
      for (var leg : s.getChildren()) {
        EdgeLeg l = (EdgeLeg) leg;
        assertThat(l.getFill()).as("filled").isNotNull();
        assertThat(l.getStroke()).as("no stroke on " + l.getStyleClass()).isNull();
      }
    }
  }

  @Test
  void theStyleSheetsGiveEachKindOfLegItsThicknessColourAndDashesAndALitLegItsOwn(FxRobot robot) {
    FdEdgeSkin device = new FdEdgeSkin(edge(FdKind.DEVICE));
    BundleSkin bundled = new BundleSkin(new EdgeBundle("qemu", List.of(edge(FdKind.CDEV))));
    FdEdgeSkin group = new FdEdgeSkin(edge(FdKind.GROUP));
    robot.interact(
        () -> {
          root.getChildren().setAll(device, bundled, group);
          root.applyCss();
        });

    assertThat(legs(device))
        .allMatch(l -> l.legWidth() == 1.8)
        .allMatch(l -> l.getFill().equals(Color.web("#2563eb")));
    assertThat(legs(bundled))
        .allMatch(l -> l.legWidth() == 1.1)
        .allMatch(l -> ((Color) l.getFill()).getOpacity() < 0.5);
    assertThat(legs(group))
        .allMatch(l -> l.legDashes().equals(List.of(5.0, 4.0)))
        .allMatch(l -> l.getFill() instanceof ImagePattern);
    assertThat(legs(group).get(0).getFill()).isNotSameAs(legs(group).get(1).getFill());
    assertThat(legs(group).get(0).getFill()).isSameAs(legs(group).get(2).getFill());

    robot.interact(
        () -> {
          device.setLit(true);
          bundled.setLit(true);
          group.setLit(true);
          root.applyCss();
        });

    Color lit = Color.web("#db2777");
    assertThat(legs(device)).allMatch(l -> l.legWidth() == 3.5 && l.getFill().equals(lit));
    assertThat(legs(bundled)).allMatch(l -> l.legWidth() == 3.5 && l.getFill().equals(lit));
    assertThat(legs(group))
        .allMatch(l -> l.legColor().equals(lit))
        .allMatch(l -> l.getFill() instanceof ImagePattern);
    assertThat(legs(device).get(1).getHeight())
        .as("a lit leg's strip is placed again")
        .isEqualTo(3.5);
  }

  @Test
  void zoomedOutToColoursOnlyADashedLegIsAPlainStripAtItsDashesShareOfItsColour(FxRobot robot) {
    // What the graph's content looks like to the style sheets: its id, and the pseudo-class the
    // view sets below the zoom where chips show colours only.
    Group content = new Group();
    content.setId("graph-content");
    FdEdgeSkin group = new FdEdgeSkin(edge(FdKind.GROUP));
    FdEdgeSkin device = new FdEdgeSkin(edge(FdKind.DEVICE));
    FdEdgeSkin outside = new FdEdgeSkin(edge(FdKind.GROUP));
    content.getChildren().setAll(group, device);
    javafx.css.PseudoClass coloursOnly = javafx.css.PseudoClass.getPseudoClass("colours-only");
    robot.interact(
        () -> {
          root.getChildren().setAll(content, outside);
          content.pseudoClassStateChanged(coloursOnly, true);
          root.applyCss();
        });

    Color blue = Color.web("#0369a1");
    assertThat(legs(group))
        .allMatch(EdgeLeg::legDashesMerged)
        .allMatch(l -> l.legDashes().equals(List.of(5.0, 4.0)))
        .allMatch(l -> l.getFill().equals(blue.deriveColor(0, 1, 1, 5.0 / 9)));
    assertThat(legs(device)).allMatch(l -> l.getFill().equals(Color.web("#2563eb")));
    assertThat(legs(outside))
        .as("a leg outside the graph's content (the legend's) keeps its dashes")
        .allMatch(l -> l.getFill() instanceof ImagePattern);

    // Lit while merged: the lit colour at the same share.
    robot.interact(
        () -> {
          group.setLit(true);
          root.applyCss();
        });
    assertThat(legs(group))
        .allMatch(l -> l.getFill().equals(Color.web("#db2777").deriveColor(0, 1, 1, 5.0 / 9)));

    // Zoomed back in, the dashes come back.
    robot.interact(
        () -> {
          group.setLit(false);
          content.pseudoClassStateChanged(coloursOnly, false);
          root.applyCss();
        });
    assertThat(legs(group))
        .noneMatch(EdgeLeg::legDashesMerged)
        .allMatch(l -> l.getFill() instanceof ImagePattern);
  }

  @Test
  void hullsAndCollapsedSubtreesAreStrokedCentredWithTheOutlineOutsideTheirBox(FxRobot robot) {
    Box box = new Box(40, 30, 120, 50);
    GroupHullSkin viable = new GroupHullSkin(new GroupHull(7, List.of(box), true, "", box));
    GroupHullSkin notViable = new GroupHullSkin(new GroupHull(8, List.of(box), false, "", box));
    FunctionChipSkin collapsed = new FunctionChipSkin(CollapsedChips.summary(box, "bus 02"));
    robot.interact(
        () -> {
          root.getChildren().setAll(viable, notViable, collapsed);
          root.applyCss();
        });

    for (var skin : List.of(viable, notViable, collapsed)) {
      Shape outline = (Shape) skin.getChildren().get(0);
      assertThat(outline.getStrokeType())
          .as("an outside stroke is area arithmetic at every paint: " + outline.getStyleClass())
          .isEqualTo(StrokeType.CENTERED);
      Rectangle r = (Rectangle) outline;
      double half = r.getStrokeWidth() / 2;
      assertThat(r.getX() + half).as("inner edge of " + r.getStyleClass()).isEqualTo(box.x());
      assertThat(r.getWidth() - 2 * half).isEqualTo(box.w());
    }
    assertThat(((Shape) notViable.getChildren().get(0)).getStrokeWidth()).isEqualTo(2.5);
  }

  private static List<EdgeLeg> legs(javafx.scene.Parent s) {
    return s.getChildrenUnmodifiable().stream().map(EdgeLeg.class::cast).toList();
  }

  @Test
  void aScopesBorderIsStrokedOnlyAndItsHoverBandIsPickedButNeverPainted(FxRobot robot) {
    ScopeOutline o =
        new ScopeOutline(
            "bus 02",
            new Box(20, 20, 300, 200),
            new Box(30, 24, 60, 14),
            "bus 02: a secondary bus reset",
            true,
            List.of(Bdf.parse("0000:02:00.0")));
    ScopeOutlineSkin s = new ScopeOutlineSkin(o);
    robot.interact(
        () -> {
          root.getChildren().setAll(s);
          root.applyCss();
        });

    List<Rectangle> rects =
        s.getChildren().stream()
            .filter(n -> n instanceof Rectangle)
            .map(Rectangle.class::cast)
            .toList();
    assertThat(rects).hasSize(2);
    Rectangle border = rects.get(0);
    assertThat(border.getStyleClass()).contains("scope-outline", "scope-blocked");
    assertThat(border.getStroke()).isNotNull();
    assertThat(border.getFill()).as("the dashed border is not filled").isNull();
    Rectangle band = rects.get(1);
    assertThat(band.getOpacity()).as("never painted").isZero();
    assertThat(band.contains(20, 120)).as("picked on the border").isTrue();
    assertThat(band.contains(170, 120)).as("not inside the scope").isFalse();
  }
}
