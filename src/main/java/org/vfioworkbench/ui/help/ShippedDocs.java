package org.vfioworkbench.ui.help;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The documentation shipped inside the application (the build copies README.md and docs/*.md into
 * the jar under {@code /docs/}): the pages Help › Documentation offers, readable without a network
 * or a source checkout.
 */
public final class ShippedDocs {

  /** Where the pages are inside the jar. */
  static final String ROOT = "/docs/";

  /**
   * One page.
   *
   * @param file its name inside {@link #ROOT}
   * @param title what the list shows
   */
  public record Page(String file, String title) {}

  /** The pages, the workbench's own first. */
  public static final List<Page> PAGES =
      List.of(
          new Page("workbench.md", "The workbench"),
          new Page("README.md", "README: overview and first steps"),
          new Page("engine.md", "The engine: what the kernel checks"),
          new Page("explain-and-plan.md", "Explain and plan"),
          new Page("scenario-format.md", "Scenario file format"),
          new Page("lessons.md", "Lessons"),
          new Page("live-host.md", "Live host mode"),
          new Page("kernel-lab.md", "Kernel lab"),
          new Page("packaging.md", "Packaging"),
          new Page("performance.md", "Performance"));

  private ShippedDocs() {}

  /** The text of {@code page}, if the jar holds it. */
  public static Optional<String> read(Page page) {
    try (InputStream in = ShippedDocs.class.getResourceAsStream(ROOT + page.file())) {
      return in == null
          ? Optional.empty()
          : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Where {@code page} is, as a URL a browser can open (a jar: or file: URL), if shipped. */
  public static Optional<String> url(Page page) {
    return Optional.ofNullable(ShippedDocs.class.getResource(ROOT + page.file()))
        .map(java.net.URL::toExternalForm);
  }
}
