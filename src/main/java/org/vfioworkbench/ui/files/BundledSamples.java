package org.vfioworkbench.ui.files;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.vfioworkbench.scenario.ScenarioException;
import org.vfioworkbench.scenario.ScenarioLoader;

/**
 * The scenario files in {@code sample-topologies/}, bundled into the jar as resources. Each is
 * parsed only when opened.
 */
public final class BundledSamples {

  static final String FOLDER = "sample-topologies";

  /** The seed case the README's first command opens: the one seed case the workbench offers. */
  public static final String SEED = "s19-seed-cdev-and-type1-group";

  private BundledSamples() {}

  /** Every bundled sample in file-name order; empty when none are bundled. */
  public static List<Sample> list() {
    List<Sample> out = new ArrayList<>();
    for (String file : fileNames()) {
      String name = file.substring(0, file.length() - ".json".length());
      out.add(new Sample(name, FOLDER + "/" + file, () -> read(file)));
    }
    return out;
  }

  /** The bundled seed case, when samples are bundled. */
  public static java.util.Optional<Sample> seed() {
    return list().stream().filter(s -> s.name().equals(SEED)).findFirst();
  }

  /** Every bundled sample but the seed case, which the menu lists first on its own. */
  public static List<Sample> others() {
    return list().stream().filter(s -> !s.name().equals(SEED)).toList();
  }

  private static org.vfioworkbench.scenario.Scenario read(String file) throws ScenarioException {
    String resource = "/" + FOLDER + "/" + file;
    try (InputStream in = BundledSamples.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw ScenarioException.ofFile(resource, "bundled sample is missing");
      }
      return ScenarioLoader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
    } catch (IOException e) {
      throw ScenarioException.ofFile(resource, "cannot read: " + e.getMessage());
    }
  }

  static List<String> fileNames() {
    URL url = BundledSamples.class.getResource("/" + FOLDER);
    if (url == null) {
      return List.of();
    }
    try {
      URI uri = url.toURI();
      if ("jar".equals(uri.getScheme())) {
        FileSystem fs;
        try {
          fs = FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
          fs = FileSystems.getFileSystem(uri);
        }
        return names(fs.getPath("/" + FOLDER));
      }
      return names(Path.of(uri));
    } catch (IOException | URISyntaxException e) {
      return List.of();
    }
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".json"))
          .sorted()
          .toList();
    }
  }
}
