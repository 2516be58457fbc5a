package org.vfioworkbench.ui.learn;

import java.util.ArrayList;
import java.util.List;
import org.vfioworkbench.engine.Edit;
import org.vfioworkbench.engine.Profile;
import org.vfioworkbench.model.Topology;
import org.vfioworkbench.scenario.ScenarioException;
import org.vfioworkbench.scenario.lesson.Highlight;
import org.vfioworkbench.ui.files.Sample;

/** A workbench stand-in: holds one topology, records what the Learn perspective asked of it. */
final class FakeHost implements LearnHost {

  Topology topology = Topology.empty();
  Profile profile = Profile.DEFAULT;
  boolean declines;
  final List<String> opened = new ArrayList<>();
  final List<Highlight> highlights = new ArrayList<>();
  private final List<Runnable> replaced = new ArrayList<>();

  @Override
  public boolean open(String title, Topology t, Profile p) {
    if (declines) {
      return false;
    }
    opened.add(title);
    topology = t;
    profile = p;
    replaced.forEach(Runnable::run);
    return true;
  }

  @Override
  public boolean openSample(Sample sample) {
    try {
      return open(sample.name(), sample.source().read().topology(), Profile.DEFAULT);
    } catch (ScenarioException e) {
      return false;
    }
  }

  @Override
  public void onDocumentReplaced(Runnable listener) {
    replaced.add(listener);
  }

  /** What File › Open does in the workbench: another document, not the lesson's. */
  void userOpens(Topology t) {
    topology = t;
    replaced.forEach(Runnable::run);
  }

  @Override
  public Topology topology() {
    return topology;
  }

  @Override
  public void highlight(Highlight h) {
    highlights.add(h);
  }

  /** What a learner's drag does in the workbench: the gesture through the kernel checks. */
  void perform(Edit g) {
    topology = g.apply(topology, profile).orElseThrow();
  }
}
