package org.vfioworkbench.ui.help;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.vfioworkbench.engine.Profile;

/** Help's pages: the shipped documentation and the versions About names. */
class HelpPagesTest {

  @Test
  void everyPageHelpOffersShipsWithTheSameTextAsTheRepository() throws Exception {
    for (ShippedDocs.Page p : ShippedDocs.PAGES) {
      Path source = p.file().equals("README.md") ? Path.of("README.md") : Path.of("docs", p.file());
      assertThat(ShippedDocs.read(p)).as(p.file()).contains(Files.readString(source));
    }
  }

  @Test
  void everyMarkdownPageOfDocsIsOffered() throws Exception {
    try (var files = Files.list(Path.of("docs"))) {
      var offered = ShippedDocs.PAGES.stream().map(ShippedDocs.Page::file).toList();
      files
          .map(f -> f.getFileName().toString())
          .filter(n -> n.endsWith(".md"))
          .forEach(n -> assertThat(offered).as("Help › Documentation offers " + n).contains(n));
    }
  }

  @Test
  void aboutNamesTheLibrariesVersionsAndTheProfile() {
    AboutInfo about = AboutInfo.collect(Profile.LINUX_6_6);
    assertThat(about.value("Java"))
        .hasValueSatisfying(v -> assertThat(v).startsWith(System.getProperty("java.version")));
    assertThat(about.value("ControlsFX")).contains("11.2.4");
    assertThat(about.value("JGraphT")).contains("1.5.3");
    assertThat(about.value("AtlantaFX")).contains("2.0.1");
    assertThat(about.value("VFIO Workbench")).hasValueSatisfying(v -> assertThat(v).contains("0."));
    assertThat(about.value("Jackson")).hasValueSatisfying(v -> assertThat(v).matches("\\d+\\..*"));
    assertThat(about.value("Kernel profile"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("linux-6.6"));
    assertThat(about.asText()).contains("VFIO Workbench: ");
  }
}
