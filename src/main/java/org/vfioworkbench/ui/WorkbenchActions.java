package org.vfioworkbench.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextInputDialog;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.ui.files.Sample;
import org.vfioworkbench.ui.graph.PngExport;
import org.vfioworkbench.ui.graph.SvgExport;
import org.vfioworkbench.ui.kernel.DropTarget;
import org.vfioworkbench.ui.state.WorkbenchState;

/** What the menus and toolbar do; each action is one method. */
final class WorkbenchActions {

  private final WorkbenchState state;
  private final WorkbenchViews views;
  private final Window owner;
  private final StatusBar status;

  WorkbenchActions(WorkbenchState state, WorkbenchViews views, Window owner, StatusBar status) {
    this.state = state;
    this.views = views;
    this.owner = owner;
    this.status = status;
  }

  void openSample(Sample s) {
    if (!confirmDiscard()) {
      return;
    }
    state.open(s.name(), s.topology().get(), null);
    status.say("Opened sample: " + s.description());
    views.graph.fit();
  }

  void newDocument() {
    if (!confirmDiscard()) {
      return;
    }
    state.open("Untitled", org.vfioworkbench.model.Topology.empty(), null);
  }

  /** Asks before unsaved edits are lost; true to go on. */
  boolean confirmDiscard() {
    if (!state.isDirty()) {
      return true;
    }
    Alert a = new Alert(Alert.AlertType.CONFIRMATION,
        "The topology has unsaved changes. Discard them?", ButtonType.YES, ButtonType.CANCEL);
    a.setHeaderText("Unsaved changes");
    a.initOwner(owner);
    return a.showAndWait().filter(b -> b == ButtonType.YES).isPresent();
  }

  void newHolder() {
    TextInputDialog d = new TextInputDialog(views.graphVm.suggestHolderName());
    d.setHeaderText("New holder (a process that opens VFIO files)");
    d.setContentText("Name:");
    d.initOwner(owner);
    d.showAndWait().ifPresent(views.graphVm::newHolder);
    status.say(views.graphVm.messageProperty().get());
  }

  void moveSelected(DropTarget target) {
    Optional<Bdf> f = views.graphVm.selectedFunction();
    if (f.isEmpty()) {
      status.say("Select a vfio function first");
      return;
    }
    views.graphVm.move(f.get(), target);
    status.say(views.graphVm.messageProperty().get());
  }

  void exportPng() {
    chooser("PNG image", "*.png", "topology.png").ifPresent(p -> {
      try {
        PngExport.write(views.graph.content(), p, 2);
        status.say("Exported " + p);
      } catch (IOException | RuntimeException e) {
        error("Could not write " + p, e);
      }
    });
  }

  void exportSvg() {
    chooser("SVG image", "*.svg", "topology.svg").ifPresent(p -> {
      try {
        Files.writeString(p, SvgExport.render(views.graphVm.modelProperty().get()));
        status.say("Exported " + p);
      } catch (IOException e) {
        error("Could not write " + p, e);
      }
    });
  }

  private Optional<Path> chooser(String what, String glob, String name) {
    FileChooser fc = new FileChooser();
    fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(what, glob));
    fc.setInitialFileName(name);
    return Optional.ofNullable(fc.showSaveDialog(owner)).map(java.io.File::toPath);
  }

  private void error(String what, Exception e) {
    Alert a = new Alert(Alert.AlertType.ERROR, what + ": " + e.getMessage(), ButtonType.OK);
    a.initOwner(owner);
    a.showAndWait();
  }
}
