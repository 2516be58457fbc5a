package org.vfioworkbench.ui.learn;

import java.util.Objects;
import java.util.prefs.Preferences;

/**
 * What the Learn perspective remembers between runs, in {@link Preferences}: whether the welcome
 * page was seen, whether to show it at every start, and which lessons were completed.
 */
public final class LearnProgress {

  static final String WELCOME_SEEN = "welcomeSeen";
  static final String WELCOME_AT_START = "welcomeAtStart";
  static final String COMPLETED_PREFIX = "completed.";

  private final Preferences prefs;

  public LearnProgress(Preferences prefs) {
    this.prefs = Objects.requireNonNull(prefs, "prefs");
  }

  /** The user's own node for the workbench's Learn settings. */
  public static LearnProgress forCurrentUser() {
    return new LearnProgress(Preferences.userRoot().node("org/vfioworkbench/learn"));
  }

  /** True on the first run, and on every run while "show at startup" is ticked. */
  public boolean showWelcomeAtStart() {
    return !prefs.getBoolean(WELCOME_SEEN, false) || prefs.getBoolean(WELCOME_AT_START, false);
  }

  public void markWelcomeSeen() {
    prefs.putBoolean(WELCOME_SEEN, true);
    flush();
  }

  public boolean welcomeAtStart() {
    return prefs.getBoolean(WELCOME_AT_START, false);
  }

  public void setWelcomeAtStart(boolean show) {
    prefs.putBoolean(WELCOME_AT_START, show);
    flush();
  }

  public boolean completed(String lessonId) {
    return prefs.getBoolean(COMPLETED_PREFIX + lessonId, false);
  }

  public void markCompleted(String lessonId) {
    prefs.putBoolean(COMPLETED_PREFIX + lessonId, true);
    flush();
  }

  /** Best effort: a settings store that cannot be written must not stop a lesson. */
  private void flush() {
    try {
      prefs.flush();
    } catch (java.util.prefs.BackingStoreException | IllegalStateException e) {
      System.getLogger("vfio-workbench")
          .log(System.Logger.Level.WARNING, "could not save the Learn settings: " + e.getMessage());
    }
  }
}
