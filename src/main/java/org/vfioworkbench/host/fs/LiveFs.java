package org.vfioworkbench.host.fs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The real filesystem below a root directory: {@code /} for the machine itself, or a directory
 * holding a copy of {@code sys}, {@code proc} and {@code dev} laid out as on a host. Read-only:
 * nothing here writes.
 */
public final class LiveFs implements HostFs {

  private final Path root;

  public LiveFs(Path root) {
    this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
  }

  public Path root() {
    return root;
  }

  @Override
  public String describe() {
    return root.toString().equals("/") ? "live host /" : "directory " + root;
  }

  private Path at(String path) {
    String rel = path.startsWith("/") ? path.substring(1) : path;
    return rel.isEmpty() ? root : root.resolve(rel);
  }

  @Override
  public byte[] read(String path, int limit) throws IOException {
    try (InputStream in = Files.newInputStream(at(path))) {
      return in.readNBytes(limit);
    }
  }

  @Override
  public String readLink(String path) throws IOException {
    Path p = at(path);
    if (!Files.isSymbolicLink(p)) {
      if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
        throw new java.nio.file.NoSuchFileException(path);
      }
      throw new NotLinkException(path);
    }
    return Files.readSymbolicLink(p).toString();
  }

  @Override
  public List<String> list(String dir) throws IOException {
    Path p = at(dir);
    if (Files.exists(p) && !Files.isDirectory(p)) {
      throw new NotDirectoryException(dir);
    }
    List<String> names = new ArrayList<>();
    try (DirectoryStream<Path> s = Files.newDirectoryStream(p)) {
      for (Path e : s) {
        names.add(e.getFileName().toString());
      }
    }
    Collections.sort(names);
    return names;
  }
}
