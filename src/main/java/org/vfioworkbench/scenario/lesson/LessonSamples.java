package org.vfioworkbench.scenario.lesson;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.vfioworkbench.scenario.Scenario;
import org.vfioworkbench.scenario.ScenarioException;
import org.vfioworkbench.scenario.ScenarioLoader;

/**
 * The samples lessons start from: the scenario files of {@code sample-topologies/}, which the build
 * copies onto the class path (see the POM's resources), so lessons find them in a source checkout,
 * in the fat jar and in the installed application alike.
 */
public final class LessonSamples {

  /** The class-path folder holding the samples. */
  public static final String FOLDER = "sample-topologies/";

  private LessonSamples() {}

  /** The JSON text of sample {@code name} ({@code s19-seed-cdev-and-type1-group.json}). */
  public static String read(String name) throws ScenarioException {
    if (name.contains("/") || name.contains("\\") || !name.endsWith(".json")) {
      throw ScenarioException.ofFile(
          name, "not a sample name (a file name in " + FOLDER + " ending in .json)");
    }
    try (InputStream in = LessonSamples.class.getClassLoader().getResourceAsStream(FOLDER + name)) {
      if (in == null) {
        throw ScenarioException.ofFile(FOLDER + name, "no such bundled sample");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw ScenarioException.ofFile(FOLDER + name, "cannot read: " + e.getMessage());
    }
  }

  /** Reads and checks sample {@code name}. */
  public static Scenario load(String name) throws ScenarioException {
    return ScenarioLoader.parse(read(name), FOLDER + name);
  }
}
