package org.vfioworkbench.ui.help;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.vfioworkbench.engine.Profile;

/**
 * What Help › About says: the workbench's version (from the jar's manifest) and the versions of
 * Java, JavaFX and the libraries it runs with (from their Maven metadata inside the jars), and the
 * kernel profile the open document is judged under.
 *
 * @param lines "name: version" pairs, in the order shown
 */
public record AboutInfo(List<Line> lines) {

  /**
   * One fact of the About page.
   *
   * @param name what it is
   * @param value its version or value
   */
  public record Line(String name, String value) {}

  public AboutInfo {
    lines = List.copyOf(lines);
  }

  /** The facts of this run, with {@code profile} as the document's kernel profile. */
  public static AboutInfo collect(Profile profile) {
    List<Line> l = new ArrayList<>();
    l.add(new Line("VFIO Workbench", workbenchVersion()));
    l.add(
        new Line(
            "Java",
            System.getProperty("java.version")
                + " ("
                + System.getProperty("java.vendor", "unknown vendor")
                + ")"));
    l.add(new Line("JavaFX", System.getProperty("javafx.runtime.version", "unknown")));
    l.add(new Line("ControlsFX", built("controlsfx")));
    l.add(new Line("AtlantaFX", built("atlantafx")));
    l.add(new Line("JGraphT", library("org.jgrapht", "jgrapht-core")));
    l.add(new Line("Jackson", library("com.fasterxml.jackson.core", "jackson-databind")));
    l.add(new Line("Kernel profile", profile.id() + " \u2014 " + profile.label()));
    return new AboutInfo(l);
  }

  /** The value of {@code name}, if it is one of the lines. */
  public Optional<String> value(String name) {
    return lines.stream().filter(x -> x.name().equals(name)).map(Line::value).findFirst();
  }

  /** The page as plain text, one "name: value" line each. */
  public String asText() {
    StringBuilder b = new StringBuilder();
    lines.forEach(x -> b.append(x.name()).append(": ").append(x.value()).append('\n'));
    return b.toString();
  }

  /** The jar manifest's Implementation-Version, else the version the build wrote down. */
  static String workbenchVersion() {
    String v = AboutInfo.class.getPackage().getImplementationVersion();
    return v != null ? v : built("workbench");
  }

  /** A version the build wrote into versions.properties (the POM's); "unknown" without it. */
  static String built(String key) {
    try (InputStream in = AboutInfo.class.getResourceAsStream("versions.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      String v = p.getProperty(key, "unknown");
      return v.startsWith("${") ? "unknown" : v;
    } catch (IOException e) {
      return "unknown";
    }
  }

  /** A library's version from the pom.properties Maven puts in its jar; "unknown" without one. */
  static String library(String group, String artifact) {
    String path = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
    try (InputStream in = AboutInfo.class.getResourceAsStream(path)) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
