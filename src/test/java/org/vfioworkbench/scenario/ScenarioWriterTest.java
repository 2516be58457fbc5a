package org.vfioworkbench.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saving replaces the file in one step and leaves nothing behind, or changes nothing. */
class ScenarioWriterTest {

  @TempDir Path dir;

  private static Scenario seed() throws ScenarioException {
    return ScenarioLoader.parse(ScenarioLoaderTest.SEED, "seed.json");
  }

  @Test
  void saveReplacesAnExistingFileKeepingItsPermissionsAndLeavesNoTemporaryFile() throws Exception {
    Path file = dir.resolve("scenario.json");
    Files.writeString(file, "old content");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
    ScenarioWriter.save(seed(), file);
    assertThat(ScenarioLoader.load(file)).isEqualTo(seed());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-r-----");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void aNewFileIsReadableByOthersLikeAnyEditorsFile() throws Exception {
    Path file = dir.resolve("new.json");
    ScenarioWriter.save(seed(), file);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-r--r--");
  }

  @Test
  void aFailedSaveChangesNothingAndSaysSo() throws Exception {
    Path target = dir.resolve("occupied");
    Files.createDirectories(target.resolve("inside"));
    ScenarioException e =
        catchThrowableOfType(ScenarioException.class, () -> ScenarioWriter.save(seed(), target));
    assertThat(e.getMessage())
        .startsWith(target + ": cannot save: ")
        .endsWith("; the file was not changed");
    assertThat(target.resolve("inside")).isDirectory();
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(target);
    }
  }

  @Test
  void aMissingDirectoryIsReportedNotCreated() throws Exception {
    Path file = dir.resolve("no/such/dir/scenario.json");
    ScenarioException e =
        catchThrowableOfType(ScenarioException.class, () -> ScenarioWriter.save(seed(), file));
    assertThat(e.getMessage()).startsWith(file + ": cannot save:");
    assertThat(dir.resolve("no")).doesNotExist();
  }

  @Test
  void savingThroughASymlinkReplacesTheFileItPointsTo() throws Exception {
    Path real = dir.resolve("real.json");
    Files.writeString(real, "old");
    Path link = Files.createSymbolicLink(dir.resolve("link.json"), real);
    ScenarioWriter.save(seed(), link);
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(ScenarioLoader.load(real)).isEqualTo(seed());
  }

  @Test
  void outputIsStableAndStartsWithTheFormat() throws Exception {
    String once = ScenarioWriter.toJson(seed());
    assertThat(once).startsWith("{\n  \"format\": 1,\n  \"name\": \"seed\",\n");
    assertThat(ScenarioWriter.toJson(ScenarioLoader.parse(once, "again.json"))).isEqualTo(once);
  }
}
