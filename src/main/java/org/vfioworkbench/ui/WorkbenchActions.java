package org.vfioworkbench.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TextInputDialog;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.vfioworkbench.engine.Edit;
import org.vfioworkbench.engine.diagnostics.Diagnostic;
import org.vfioworkbench.host.HostKernel;
import org.vfioworkbench.host.HostSources;
import org.vfioworkbench.host.LiveHostSession;
import org.vfioworkbench.host.ScanResult;
import org.vfioworkbench.host.fs.LiveFs;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.scenario.Scenario;
import org.vfioworkbench.scenario.ScenarioException;
import org.vfioworkbench.scenario.ScenarioLoader;
import org.vfioworkbench.scenario.ScenarioWriter;
import org.vfioworkbench.ui.actions.FocusedCopy;
import org.vfioworkbench.ui.actions.WorkbenchActionSet;
import org.vfioworkbench.ui.docking.WorkbenchDocking;
import org.vfioworkbench.ui.document.Document;
import org.vfioworkbench.ui.files.RecentFiles;
import org.vfioworkbench.ui.files.Sample;
import org.vfioworkbench.ui.graph.PngExport;
import org.vfioworkbench.ui.graph.SvgExport;
import org.vfioworkbench.ui.help.AboutDialog;
import org.vfioworkbench.ui.help.AboutInfo;
import org.vfioworkbench.ui.help.DocsDialog;
import org.vfioworkbench.ui.help.KeyboardShortcuts;
import org.vfioworkbench.ui.help.ShortcutsDialog;
import org.vfioworkbench.ui.kernel.DropTarget;
import org.vfioworkbench.ui.lab.LabVerdicts;
import org.vfioworkbench.ui.lab.VerifyOnKernelDialog;
import org.vfioworkbench.ui.livehost.LiveHostView;
import org.vfioworkbench.ui.state.ElementRef;
import org.vfioworkbench.ui.state.WorkbenchState;
import org.vfioworkbench.ui.task.BackgroundTask;
import org.vfioworkbench.ui.task.TaskHandle;
import org.vfioworkbench.ui.task.TaskProgress;
import org.vfioworkbench.ui.task.TaskProgressDialog;

/** What the menus and toolbar do; each action is one method. */
final class WorkbenchActions {

  private static final String LIVE_TITLE = "This host (live, read-only)";

  private final WorkbenchState state;
  private final WorkbenchViews views;
  private final Window owner;
  private final StatusBar status;
  private final RecentFiles recent;
  private final UnsavedChangesQuestion unsaved;
  private final LiveHostView liveHost;
  private final WorkbenchActionSet set;
  private final WorkbenchDocking docking;
  private java.util.function.Consumer<String> browser;

  WorkbenchActions(
      WorkbenchState state,
      WorkbenchViews views,
      Window owner,
      StatusBar status,
      RecentFiles recent,
      UnsavedChangesQuestion unsaved,
      Supplier<LiveHostView.HostWatch> hosts,
      WorkbenchActionSet set,
      WorkbenchDocking docking) {
    this.set = set;
    this.docking = docking;
    this.recent = recent;
    this.state = state;
    this.views = views;
    this.owner = owner;
    this.status = status;
    this.unsaved = unsaved;
    this.liveHost =
        new LiveHostView(owner, state.executor(), hosts, this::hostScanned, status::say);
  }

  void openSample(Sample s) {
    if (!confirmDiscard()) {
      return;
    }
    try {
      Scenario sc = s.source().read();
      show(Document.of(sc.name().isBlank() ? s.name() : sc.name(), sc, null));
      String file = s.description().substring(s.description().lastIndexOf('/') + 1);
      status.say(
          "Opened sample: "
              + s.description()
              + LabVerdicts.forBundled(file).map(v -> " — " + v).orElse(""));
    } catch (ScenarioException e) {
      problem("Could not open the sample " + s.name(), e);
    }
  }

  /**
   * Opens {@code s} in the background (start-up: the window shows at once, the sample follows); a
   * broken sample is reported like a broken file.
   */
  TaskHandle openSampleInBackground(Sample s) {
    status.say("Opening " + s.name() + "…");
    return state
        .executor()
        .execute(
            BackgroundTask.of(
                    "Opening " + s.name(),
                    progress -> {
                      progress.update("Reading " + s.name(), -1);
                      return s.source().read();
                    })
                .onSuccess(
                    sc -> {
                      show(Document.of(sc.name().isBlank() ? s.name() : sc.name(), sc, null));
                      status.say("Opened sample: " + s.description());
                    })
                .onFailure(e -> problem("Could not open the sample " + s.name(), e)));
  }

  /** What reading a file produced: the document and a line for the status bar. */
  private record Opened(Document document, String message, List<Diagnostic> scanFacts) {
    Opened(Document document, String message) {
      this(document, message, List.of());
    }
  }

  /**
   * Opens a scenario file or a host capture as a background task with a progress dialog; a broken
   * file is reported with its name and line, and nothing changes.
   */
  TaskHandle openFile(Path file) {
    BackgroundTask<Opened> task =
        BackgroundTask.of(
                "Opening " + file.getFileName(),
                progress ->
                    HostSources.isCapture(file)
                        ? readCapture(file, progress)
                        : readScenario(file, progress))
            .onSuccess(
                o -> {
                  show(o.document(), o.scanFacts());
                  recent.add(file);
                  status.say(o.message());
                })
            .onFailure(e -> problem("Could not open " + file, e))
            .onCancelled(() -> status.say("Opening " + file + " was cancelled; nothing changed"));
    TaskHandle h = state.executor().execute(task);
    TaskProgressDialog.show(owner, h, "Open", "Opening " + file);
    return h;
  }

  private static Opened readScenario(Path file, TaskProgress progress) throws ScenarioException {
    progress.update("Reading and checking " + file.getFileName(), -1);
    Scenario sc = ScenarioLoader.read(file, progress::isCancelled).scenario();
    String title = sc.name().isBlank() ? file.getFileName().toString() : sc.name();
    return new Opened(
        Document.of(title, sc, file),
        "Opened " + file + LabVerdicts.forFile(file).map(v -> " — " + v).orElse(""));
  }

  /**
   * A host capture: the scan becomes a read-only untitled document (the capture itself is never
   * written; Save asks where to write a scenario).
   */
  private static Opened readCapture(Path file, TaskProgress progress) throws IOException {
    HostSources.HostScan host = HostSources.scanWithKernel(file, LiveHostView.listener(progress));
    if (progress.isCancelled()) {
      throw new java.util.concurrent.CancellationException();
    }
    ScanResult scan = host.result();
    String title = "Capture " + file.getFileName();
    return new Opened(
        Document.host(
            title,
            "Host capture " + file,
            scan.topology(),
            Document.Origin.CAPTURE,
            Optional.of(host.kernel().profile())),
        "Opened capture "
            + file
            + ": "
            + summary(scan)
            + "; judged under "
            + host.kernel().reason()
            + " (read-only; File › Save As… makes it an editable scenario)",
        scan.diagnostics());
  }

  void open() {
    if (!confirmDiscard()) {
      return;
    }
    FileChooser fc = scenarioChooser();
    Optional.ofNullable(fc.showOpenDialog(owner))
        .map(java.io.File::toPath)
        .ifPresent(this::openFile);
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
    fc.setInitialFileName(
        state.documentNameProperty().get().endsWith(".json")
            ? state.documentNameProperty().get()
            : "scenario.json");
    return Optional.ofNullable(fc.showSaveDialog(owner))
        .map(java.io.File::toPath)
        .map(this::saveTo)
        .orElse(false);
  }

  /**
   * Writes the document (its scenario, with the profile it is analysed under) to {@code file}. A
   * document the loader would refuse to reopen is not written: the reason is shown instead.
   */
  boolean saveTo(Path file) {
    Scenario sc = state.document().scenario();
    try {
      ScenarioLoader.parse(ScenarioWriter.toJson(sc), file.toString());
    } catch (ScenarioException e) {
      problem("Not saved: " + file + " would not reopen under " + sc.profileOrDefault().id(), e);
      return false;
    }
    try {
      ScenarioWriter.save(sc, file);
      boolean wasReadOnly = state.document().readOnly();
      state.markSaved(file);
      if (wasReadOnly) {
        liveHost.detach();
      }
      recent.add(file);
      status.say("Saved " + file + (wasReadOnly ? ": an editable scenario now" : ""));
      return true;
    } catch (ScenarioException e) {
      problem("Could not save " + file, e);
      return false;
    }
  }

  /** Makes {@code d} the document; any other document than the live host's stops re-scans. */
  private void show(Document d) {
    show(d, List.of());
  }

  private void show(Document d, List<Diagnostic> scanFacts) {
    if (d.origin() != Document.Origin.LIVE_HOST) {
      liveHost.detach();
    }
    state.open(d, scanFacts);
    views.graph.fit();
  }

  private static FileChooser scenarioChooser() {
    FileChooser fc = new FileChooser();
    fc.getExtensionFilters()
        .addAll(
            new FileChooser.ExtensionFilter(
                "Scenario files and host captures", "*.json", "*.json.gz"),
            new FileChooser.ExtensionFilter("All files", "*"));
    return fc;
  }

  private void problem(String what, Throwable e) {
    String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    status.say(what + ": " + detail);
    Alert a = new Alert(Alert.AlertType.ERROR, detail, ButtonType.OK);
    a.setHeaderText(what);
    a.initOwner(owner);
    a.show();
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

  LiveHostView liveHost() {
    return liveHost;
  }

  private void hostScanned(LiveHostSession.Refresh r, boolean first) {
    ScanResult scan = r.current();
    if (first) {
      HostKernel kernel = HostKernel.of(new LiveFs(Path.of("/")));
      show(
          Document.host(
              LIVE_TITLE,
              "Live scan of this host",
              scan.topology(),
              Document.Origin.LIVE_HOST,
              Optional.of(kernel.profile())),
          scan.diagnostics());
      status.say(
          "Attached to this host: "
              + summary(scan)
              + "; judged under "
              + kernel.reason()
              + ". The host is never modified; F5 re-scans");
      return;
    }
    if (state.document().origin() != Document.Origin.LIVE_HOST) {
      liveHost.detach();
      status.say(
          "Stopped re-scanning this host: " + state.documentNameProperty().get() + " is open now");
      return;
    }
    String summary =
        r.changes().isEmpty()
            ? "nothing changed since the last scan"
            : r.changes().changes().size()
                + " change(s) since the last scan: "
                + r.changes().changes().stream()
                    .limit(3)
                    .map(Object::toString)
                    .collect(Collectors.joining("; "));
    state.rescan(scan.topology(), summary, scan.diagnostics());
    if (state.selectionProperty().get() == null) {
      r.changes().touchedFunctions().stream()
          .sorted()
          .findFirst()
          .ifPresent(b -> state.select(new ElementRef.FunctionRef(b)));
    }
    status.say("Re-scanned: " + summary);
  }

  private static String summary(ScanResult scan) {
    return scan.topology().functions().size()
        + " functions, "
        + scan.topology().groups().size()
        + " IOMMU groups, "
        + scan.topology().holders().size()
        + " holders"
        + (scan.problems().isEmpty()
            ? ""
            : ", " + scan.problems().size() + " item(s) could not be read");
  }

  /** Runs the open document, as it is now, on a real kernel in QEMU (kernel lab). */
  void verifyOnRealKernel() {
    VerifyOnKernelDialog.show(
        owner, state.executor(), state.documentNameProperty().get(), state.document().scenario());
  }

  void newDocument() {
    if (confirmDiscard()) {
      show(Document.untitled());
    }
  }

  /** Asks before unsaved edits are lost; true to go on. */
  boolean confirmDiscard() {
    if (!state.isDirty()) {
      return true;
    }
    return switch (unsaved.ask(state.documentNameProperty().get())) {
      case DISCARD -> true;
      case SAVE -> save();
      case CANCEL -> false;
    };
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

  // ---- Edit › Copy and Delete ----

  /**
   * Edit › Copy: the focused text field's selection, else the selection of the focused view (the
   * first {@link Copyable} from the focused node up), as text on the clipboard.
   */
  void copy() {
    Node focus = owner.getScene() == null ? null : owner.getScene().getFocusOwner();
    if (focus instanceof TextInputControl t) {
      t.copy();
      return;
    }
    String text = FocusedCopy.textAt(focus);
    if (text.isEmpty()) {
      status.say("Nothing to copy: select something in a view first");
      return;
    }
    ClipboardContent c = new ClipboardContent();
    c.putString(text);
    Clipboard.getSystemClipboard().setContent(c);
    long lines = text.lines().count();
    status.say("Copied " + lines + (lines == 1 ? " line" : " lines"));
  }

  /**
   * What Delete would do with the selection: end a selected holder, close a selected fd; empty for
   * anything else and in a read-only document.
   */
  Optional<Edit> removal() {
    if (state.document().readOnly()) {
      return Optional.empty();
    }
    ElementRef sel = state.selectionProperty().get();
    if (sel == null || !sel.existsIn(state.topology())) {
      return Optional.empty();
    }
    if (sel instanceof ElementRef.HolderRef h) {
      return Optional.of(new Edit.RemoveHolder(h.holder()));
    }
    if (sel instanceof ElementRef.FileRef f) {
      return Optional.of(new Edit.Close(f.fd().holder(), f.fd().fd()));
    }
    return Optional.empty();
  }

  /** Edit › Delete: the selected holder or fd goes, as an undoable edit the kernel checks. */
  void deleteSelected() {
    Optional<Edit> e = removal();
    if (e.isEmpty()) {
      status.say("Select a holder or an fd to delete");
      return;
    }
    state
        .execute(e.get())
        .ifPresent(
            at ->
                status.say(
                    at.succeeded()
                        ? e.get().label()
                        : "Not deleted: "
                            + at.refusal().map(r -> r.headline()).orElse(e.get().label())));
  }

  // ---- Window and Help ----

  void resetPerspective() {
    docking.reset();
    status.say("Perspective reset: every view in its place, the splits as at first start");
  }

  void shortcuts() {
    ShortcutsDialog.show(owner, KeyboardShortcuts.of(set));
  }

  void documentation() {
    DocsDialog.show(owner, browser);
  }

  void about() {
    AboutDialog.show(owner, AboutInfo.collect(state.profileProperty().get()));
  }

  /** How pages are handed to the desktop's browser (HostServices); null when it cannot be. */
  void setBrowser(java.util.function.Consumer<String> browser) {
    this.browser = browser;
  }

  void exportPng() {
    saveAs("PNG image", "topology.png", p -> PngExport.write(views.graph.content(), p, 2));
  }

  void exportSvg() {
    saveAs(
        "SVG image",
        "topology.svg",
        p ->
            org.vfioworkbench.io.AtomicFiles.write(
                p,
                SvgExport.render(views.graphVm.modelProperty().get())
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  void exportReport() {
    FileChooser fc = new FileChooser();
    fc.getExtensionFilters()
        .addAll(
            new FileChooser.ExtensionFilter("Markdown report", "*.md"),
            new FileChooser.ExtensionFilter("Plain text report", "*.txt"));
    fc.setInitialFileName("hot-reset-review.md");
    Optional.ofNullable(fc.showSaveDialog(owner))
        .map(java.io.File::toPath)
        .ifPresent(
            p ->
                write(
                    p,
                    "the report to " + p,
                    q ->
                        org.vfioworkbench.ui.common.ReportExport.write(
                            state, q, org.vfioworkbench.ui.common.ReportExport.formatFor(q))));
  }

  /** The host graph (groups, dev-sets, holders, fds) as DOT or GraphML, written atomically. */
  void exportHostGraph(org.vfioworkbench.engine.plan.GraphExport.Format format) {
    WorkbenchState.Results r = state.results();
    if (r == null) {
      status.say("Nothing to export yet: the document is still being analysed.");
      return;
    }
    String ext = org.vfioworkbench.ui.hostgraph.HostGraphFiles.extension(format);
    saveAs(
        org.vfioworkbench.ui.hostgraph.HostGraphFiles.describe(format),
        "host-graph." + ext,
        p -> org.vfioworkbench.ui.hostgraph.HostGraphFiles.write(r.analysis(), format, p));
  }

  /**
   * Writes one exported file; true when it was written (a writer may decline, e.g. nothing to say).
   */
  @FunctionalInterface
  private interface ExportWriter {
    boolean write(Path to) throws IOException;
  }

  /** Writes one exported file that is always written. */
  @FunctionalInterface
  private interface AlwaysWriter {
    void write(Path to) throws IOException;
  }

  /** Asks where to save (one filter from the default name's extension), then writes and says so. */
  private void saveAs(String what, String defaultName, AlwaysWriter writer) {
    String glob = "*" + defaultName.substring(defaultName.lastIndexOf('.'));
    FileChooser fc = new FileChooser();
    fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(what, glob));
    fc.setInitialFileName(defaultName);
    Optional.ofNullable(fc.showSaveDialog(owner))
        .map(java.io.File::toPath)
        .ifPresent(
            p ->
                write(
                    p,
                    p.toString(),
                    q -> {
                      writer.write(q);
                      return true;
                    }));
  }

  private void write(Path p, String said, ExportWriter writer) {
    try {
      if (writer.write(p)) {
        status.say("Exported " + said);
      }
    } catch (IOException | RuntimeException e) {
      error("Could not write " + p, e);
    }
  }

  private void error(String what, Exception e) {
    Alert a = new Alert(Alert.AlertType.ERROR, what + ": " + e.getMessage(), ButtonType.OK);
    a.initOwner(owner);
    a.showAndWait();
  }
}
