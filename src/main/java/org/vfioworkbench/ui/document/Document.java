package org.vfioworkbench.ui.document;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.vfioworkbench.engine.Profile;
import org.vfioworkbench.model.Topology;
import org.vfioworkbench.scenario.Scenario;

/**
 * The document the workbench shows: everything Save writes (the scenario, with its profile and
 * expectations) and what the workbench knows about it.
 *
 * @param title what the window title and dialogs call it
 * @param scenario the content; its profile is the one the views analyse under
 * @param file where it was read from or last saved, or {@code null} when it has no file yet
 * @param origin where it came from; captures and live scans are read-only
 * @param savedRevision the command-stack revision at which it was last saved or opened
 */
public record Document(
    String title, Scenario scenario, Path file, Origin origin, int savedRevision) {

  /** Where a document came from. */
  public enum Origin {
    /** A scenario file, a sample, a lesson, or a new document: editable. */
    SCENARIO,
    /** A host capture file: read-only until saved as a scenario. */
    CAPTURE,
    /** A live scan of this host: read-only, and the only kind a re-scan may replace. */
    LIVE_HOST
  }

  public Document {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(origin, "origin");
  }

  /** An editable, untitled, empty document. */
  public static Document untitled() {
    return of("Untitled", Scenario.of(Topology.empty()), null);
  }

  /** An editable scenario document, just opened. */
  public static Document of(String title, Scenario scenario, Path file) {
    return new Document(title, scenario, file, Origin.SCENARIO, 0);
  }

  /** A read-only document showing a scanned host (a capture or this host). */
  public static Document host(String title, String description, Topology topology, Origin origin) {
    return host(title, description, topology, origin, Optional.empty());
  }

  /**
   * A read-only document showing a scanned host, judged under {@code profile} (the profile of the
   * kernel the host runs) when given.
   */
  public static Document host(
      String title,
      String description,
      Topology topology,
      Origin origin,
      Optional<Profile> profile) {
    if (origin == Origin.SCENARIO) {
      throw new IllegalArgumentException("a host document comes from a capture or a live scan");
    }
    return new Document(
        title, new Scenario(title, description, profile, topology, List.of()), null, origin, 0);
  }

  public Topology topology() {
    return scenario.topology();
  }

  /** The profile the views analyse under and Save writes. */
  public Profile profile() {
    return scenario.profileOrDefault();
  }

  /** Captures and live scans refuse edits until they are saved as a scenario. */
  public boolean readOnly() {
    return origin != Origin.SCENARIO;
  }

  /** The same document with other content (an edit, an undo, a re-scan). */
  public Document withScenario(Scenario newScenario) {
    return new Document(title, newScenario, file, origin, savedRevision);
  }

  /**
   * The document after Save or Save As to {@code path}: an editable scenario, clean at {@code
   * revision}.
   */
  public Document savedAs(Path path, int revision) {
    return new Document(path.getFileName().toString(), scenario, path, Origin.SCENARIO, revision);
  }

  /** The same document, considered clean at {@code revision}. */
  public Document cleanAt(int revision) {
    return new Document(title, scenario, file, origin, revision);
  }
}
