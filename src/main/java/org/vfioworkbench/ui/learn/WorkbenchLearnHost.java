package org.vfioworkbench.ui.learn;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.vfioworkbench.engine.Profile;
import org.vfioworkbench.model.Topology;
import org.vfioworkbench.scenario.Scenario;
import org.vfioworkbench.scenario.lesson.Highlight;
import org.vfioworkbench.ui.WorkbenchWindow;
import org.vfioworkbench.ui.docking.ViewId;
import org.vfioworkbench.ui.files.Sample;
import org.vfioworkbench.ui.state.ElementRef;

/**
 * The workbench window as a {@link LearnHost}: lessons open like samples (the window asks before
 * discarding unsaved edits), highlights select the first element they name and bring their views to
 * the front.
 */
public final class WorkbenchLearnHost implements LearnHost {

  private final WorkbenchWindow window;
  private final Consumer<ViewId> showView;

  /**
   * @param window the workbench
   * @param showView brings a docked view to the front
   */
  public WorkbenchLearnHost(WorkbenchWindow window, Consumer<ViewId> showView) {
    this.window = Objects.requireNonNull(window, "window");
    this.showView = Objects.requireNonNull(showView, "showView");
  }

  /** Opens a lesson's document, with compare mode off: a lesson explains one profile's answer. */
  @Override
  public boolean open(String title, Topology topology, Profile profile) {
    window.state().compareProfileProperty().set(null);
    Scenario lesson = new Scenario(title, "", Optional.of(profile), topology, List.of());
    return openSample(new Sample(title, title, () -> lesson));
  }

  @Override
  public boolean openSample(Sample sample) {
    Topology before = window.state().topology();
    window.openSample(sample);
    return window.state().topology() != before;
  }

  @Override
  public void onDocumentReplaced(Runnable listener) {
    window.state().opensProperty().addListener((o, a, b) -> listener.run());
  }

  @Override
  public Topology topology() {
    return window.state().topology();
  }

  @Override
  public void highlight(Highlight h) {
    first(h).ifPresent(window.state()::select);
    for (String id : h.views()) {
      for (ViewId v : ViewId.values()) {
        if (v.id().equals(id)) {
          showView.accept(v);
        }
      }
    }
  }

  /** The element a step is mostly about: its first function, else holder, group or bus. */
  static Optional<ElementRef> first(Highlight h) {
    if (!h.functions().isEmpty()) {
      return Optional.of(new ElementRef.FunctionRef(h.functions().get(0)));
    }
    if (!h.holders().isEmpty()) {
      return Optional.of(new ElementRef.HolderRef(h.holders().get(0)));
    }
    if (!h.groups().isEmpty()) {
      return Optional.of(new ElementRef.GroupRef(h.groups().get(0)));
    }
    if (!h.buses().isEmpty()) {
      return Optional.of(new ElementRef.BusRef(h.buses().get(0)));
    }
    return Optional.empty();
  }
}
