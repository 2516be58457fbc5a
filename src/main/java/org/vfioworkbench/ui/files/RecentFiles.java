package org.vfioworkbench.ui.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The most recently opened or saved scenario files, kept in the config folder. */
public final class RecentFiles {

  static final int MAX = 8;
  private final Path store;

  public RecentFiles(Path configDir) {
    this.store = configDir.resolve("recent-files.txt");
  }

  /** The files, most recent first; a missing or unreadable list is empty. */
  public List<Path> list() {
    try {
      return Files.readAllLines(store).stream().filter(s -> !s.isBlank()).map(Path::of).toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  /** Puts {@code file} first; failures to write the list are ignored (it is a convenience). */
  public void add(Path file) {
    List<String> out = new ArrayList<>();
    out.add(file.toAbsolutePath().toString());
    for (Path p : list()) {
      String s = p.toAbsolutePath().toString();
      if (!out.contains(s) && out.size() < MAX) {
        out.add(s);
      }
    }
    try {
      Files.createDirectories(store.getParent());
      org.vfioworkbench.io.AtomicFiles.write(
          store, (String.join("\n", out) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    } catch (IOException e) {
      // The recent list is a convenience; the document itself is unaffected.
    }
  }
}
