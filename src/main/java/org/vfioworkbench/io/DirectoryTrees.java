package org.vfioworkbench.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Directory trees the product makes for itself (temporary ones) and removes again. */
public final class DirectoryTrees {

  private DirectoryTrees() {}

  /**
   * Removes {@code dir} and everything under it, deepest first, as far as it can: a file that will
   * not go is left and the rest still removed. Fails only when the tree cannot be walked.
   */
  public static void removeWhatCan(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
