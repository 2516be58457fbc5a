package org.vfioworkbench.ui.learn;

import java.util.List;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.vfioworkbench.scenario.lesson.Lesson;
import org.vfioworkbench.scenario.lesson.LessonCatalog;
import org.vfioworkbench.scenario.lesson.LessonException;
import org.vfioworkbench.ui.files.Sample;

/**
 * The welcome page's state: the bundled lessons (with what the user completed), the bundled
 * samples, and whether the page opens at every start. A broken lesson file is reported, not thrown:
 * the samples stay usable.
 */
public final class WelcomeViewModel {

  /**
   * One lesson as the welcome page lists it.
   *
   * @param lesson the lesson
   * @param completed whether the user finished it before
   */
  public record LessonEntry(Lesson lesson, boolean completed) {
    public LessonEntry {
      Objects.requireNonNull(lesson, "lesson");
    }

    /** "✓ What a reset scope is" once completed. */
    public String label() {
      return (completed ? "\u2713 " : "") + lesson.title();
    }
  }

  /** Reads the bundled lessons; a test can supply its own. */
  @FunctionalInterface
  public interface LessonSource {
    List<Lesson> lessons() throws LessonException;
  }

  private final LearnHost host;
  private final LearnProgress progress;
  private final LessonSource source;
  private final ObservableList<LessonEntry> lessons = FXCollections.observableArrayList();
  private final ObservableList<Sample> samples = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
  private final BooleanProperty showAtStart = new SimpleBooleanProperty(this, "showAtStart");

  public WelcomeViewModel(
      LearnHost host, LearnProgress progress, LessonSource source, List<Sample> bundledSamples) {
    this.host = Objects.requireNonNull(host, "host");
    this.progress = Objects.requireNonNull(progress, "progress");
    this.source = Objects.requireNonNull(source, "source");
    samples.setAll(bundledSamples);
    showAtStart.set(progress.welcomeAtStart());
    showAtStart.addListener((o, a, b) -> progress.setWelcomeAtStart(b));
    refresh();
  }

  /** Re-reads the lessons and what was completed. */
  public void refresh() {
    try {
      lessons.setAll(
          source.lessons().stream()
              .map(l -> new LessonEntry(l, progress.completed(l.id())))
              .toList());
      problem.set("");
    } catch (LessonException e) {
      lessons.clear();
      problem.set("The lessons could not be read: " + e.getMessage());
    }
  }

  /** The user has seen the page: it no longer opens by itself unless asked to. */
  public void markSeen() {
    progress.markWelcomeSeen();
  }

  public boolean openSample(Sample s) {
    return host.openSample(s);
  }

  /** The bundled lessons, read with {@link LessonCatalog#bundled()}. */
  public static LessonSource bundledLessons() {
    return LessonCatalog::bundled;
  }

  public ObservableList<LessonEntry> lessons() {
    return lessons;
  }

  public ObservableList<Sample> samples() {
    return samples;
  }

  /** Why lessons are missing, empty when they loaded. */
  public ReadOnlyStringProperty problemProperty() {
    return problem.getReadOnlyProperty();
  }

  /** "Show this page at every start", remembered. */
  public BooleanProperty showAtStartProperty() {
    return showAtStart;
  }
}
