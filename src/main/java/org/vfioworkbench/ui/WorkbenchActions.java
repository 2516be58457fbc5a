package org.vfioworkbench.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextInputDialog;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.scenario.Scenario;
import org.vfioworkbench.scenario.ScenarioException;
import org.vfioworkbench.scenario.ScenarioLoader;
import org.vfioworkbench.scenario.ScenarioWriter;
import org.vfioworkbench.ui.files.RecentFiles;
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
  private final RecentFiles recent;
  private Scenario document = Scenario.of(org.vfioworkbench.model.Topology.empty());
  private final org.vfioworkbench.ui.livehost.LiveHostView liveHost;

  WorkbenchActions(WorkbenchState state, WorkbenchViews views, Window owner, StatusBar status,
      RecentFiles recent) {
    this.recent = recent;
    this.state = state;
    this.views = views;
    this.owner = owner;
    this.status = status;
    this.liveHost = new org.vfioworkbench.ui.livehost.LiveHostView(owner, this::hostScanned, status::say);
  }

  void openSample(Sample s) {
    if (!confirmDiscard()) {
      return;
    }
    try {
      show(s.source().read(), s.name(), null);
      String file = s.description().substring(s.description().lastIndexOf('/') + 1);
      status.say("Opened sample: " + s.description()
          + org.vfioworkbench.ui.lab.LabVerdicts.forBundled(file).map(v -> " — " + v).orElse(""));
    } catch (ScenarioException e) {
      problem("Could not open the sample " + s.name(), e);
    }
  }

  /** Opens a scenario file; a broken file is reported with its name and line, nothing changes. */
  void openFile(Path file) {
    if (org.vfioworkbench.host.HostSources.isCapture(file)) {
      openCapture(file);
      return;
    }
    try {
      Scenario sc = ScenarioLoader.load(file);
      show(sc, file.getFileName().toString(), file);
      recent.add(file);
      status.say("Opened " + file
          + org.vfioworkbench.ui.lab.LabVerdicts.forFile(file).map(v -> " — " + v).orElse(""));
    } catch (ScenarioException e) {
      problem("Could not open " + file, e);
    }
  }

  void open() {
    if (!confirmDiscard()) {
      return;
    }
    FileChooser fc = scenarioChooser();
    Optional.ofNullable(fc.showOpenDialog(owner)).map(java.io.File::toPath).ifPresent(this::openFile);
  }

  void openRecent(Path file) {
    if (confirmDiscard()) {
      openFile(file);
    }
  }

  List<Path> recentFiles() {
    return recent.list();
  }

  /** Saves to the document's file, or asks for one; true when saved. */
  boolean save() {
    Path file = state.fileProperty().get();
    return file == null ? saveAs() : saveTo(file);
  }

  boolean saveAs() {
    FileChooser fc = scenarioChooser();
    fc.setInitialFileName(state.documentNameProperty().get().endsWith(".json")
        ? state.documentNameProperty().get() : "scenario.json");
    return Optional.ofNullable(fc.showSaveDialog(owner)).map(java.io.File::toPath)
        .map(this::saveTo).orElse(false);
  }

  private boolean saveTo(Path file) {
    try {
      ScenarioWriter.save(document.withTopology(state.topology()), file);
      state.markSaved(file, file.getFileName().toString());
      boolean wasReadOnly = state.readOnlyProperty().get();
      state.readOnlyProperty().set(false);
      recent.add(file);
      status.say("Saved " + file + (wasReadOnly ? ": an editable scenario now" : ""));
      return true;
    } catch (ScenarioException e) {
      problem("Could not save " + file, e);
      return false;
    }
  }

  private void show(Scenario sc, String name, Path file) {
    document = sc;
    sc.profile().ifPresent(p -> state.profileProperty().set(p));
    state.open(sc.name().isBlank() ? name : sc.name(), sc.topology(), file);
    views.graph.fit();
  }

  private static FileChooser scenarioChooser() {
    FileChooser fc = new FileChooser();
    fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Scenario files and host captures", "*.json", "*.json.gz"),
        new FileChooser.ExtensionFilter("All files", "*"));
    return fc;
  }

  private void problem(String what, ScenarioException e) {
    Alert a = new Alert(Alert.AlertType.ERROR, e.getMessage(), ButtonType.OK);
    a.setHeaderText(what);
    a.initOwner(owner);
    a.show();
    status.say(what + ": " + e.getMessage());
  }

  /**
   * Opens a host capture: the scan becomes an untitled document (the capture itself is never
   * written; Save asks where to write a scenario).
   */
  private void openCapture(Path file) {
    try {
      org.vfioworkbench.host.ScanResult scan =
          org.vfioworkbench.host.HostSources.scan(file, org.vfioworkbench.host.ScanListener.NONE);
      show(new Scenario("Capture " + file.getFileName(), "Host capture " + file, Optional.empty(),
          scan.topology(), List.of()), "Capture " + file.getFileName(), null);
      state.readOnlyProperty().set(true);
      recent.add(file);
      status.say("Opened capture " + file + ": " + summary(scan)
          + " (read-only; File › Save As… makes it an editable scenario)");
    } catch (IOException | RuntimeException e) {
      status.say("Could not open the capture " + file + ": " + e.getMessage());
      Alert a = new Alert(Alert.AlertType.ERROR, file + ": " + e.getMessage(), ButtonType.OK);
      a.initOwner(owner);
      a.setHeaderText("Could not open the capture");
      a.show();
    }
  }

  void attachToHost() {
    if (confirmDiscard()) {
      liveHost.attach();
    }
  }

  void refreshHost() {
    liveHost.refresh();
  }

  void refreshHostEvery(boolean on) {
    liveHost.refreshEvery(10, on);
  }

  private void hostScanned(org.vfioworkbench.host.LiveHostSession.Refresh r, boolean first) {
    org.vfioworkbench.host.ScanResult scan = r.current();
    String name = "This host (live, read-only)";
    if (first) {
      show(new Scenario(name, "Live scan of this host", Optional.empty(), scan.topology(), List.of()), name, null);
      state.readOnlyProperty().set(true);
      status.say("Attached to this host: " + summary(scan) + ". The host is never modified; F5 re-scans");
      return;
    }
    state.open(name, scan.topology(), null);
    state.readOnlyProperty().set(true);
    if (r.changes().isEmpty()) {
      status.say("Re-scanned: nothing changed since the last scan");
      return;
    }
    status.say("Re-scanned: " + r.changes().changes().size() + " change(s) since the last scan: "
        + r.changes().changes().stream().limit(3).map(Object::toString)
            .collect(java.util.stream.Collectors.joining("; ")));
    r.changes().touchedFunctions().stream().sorted().findFirst()
        .ifPresent(b -> state.select(new org.vfioworkbench.ui.state.ElementRef.FunctionRef(b)));
  }

  private static String summary(org.vfioworkbench.host.ScanResult scan) {
    return scan.topology().functions().size() + " functions, " + scan.topology().groups().size()
        + " IOMMU groups, " + scan.topology().holders().size() + " holders"
        + (scan.problems().isEmpty() ? "" : ", " + scan.problems().size() + " item(s) could not be read");
  }

  /** Runs the open document, as it is now, on a real kernel in QEMU (kernel lab). */
  void verifyOnRealKernel() {
    org.vfioworkbench.ui.lab.VerifyOnKernelDialog.show(owner, state.documentNameProperty().get(),
        document.withTopology(state.topologyProperty().get()));
  }

  void newDocument() {
    if (!confirmDiscard()) {
      return;
    }
    document = Scenario.of(org.vfioworkbench.model.Topology.empty());
    state.open("Untitled", org.vfioworkbench.model.Topology.empty(), null);
  }

  /** Asks before unsaved edits are lost; true to go on. */
  boolean confirmDiscard() {
    if (!state.isDirty()) {
      return true;
    }
    ButtonType saveIt = new ButtonType("Save");
    ButtonType discard = new ButtonType("Discard");
    Alert a = new Alert(Alert.AlertType.CONFIRMATION,
        "The topology has unsaved changes.", saveIt, discard, ButtonType.CANCEL);
    a.setHeaderText("Save the changes to " + state.documentNameProperty().get() + "?");
    a.initOwner(owner);
    Optional<ButtonType> answer = a.showAndWait();
    if (answer.isEmpty() || answer.get() == ButtonType.CANCEL) {
      return false;
    }
    return answer.get() == discard || save();
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
        org.vfioworkbench.io.AtomicFiles.write(p, SvgExport.render(views.graphVm.modelProperty()
            .get()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
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
