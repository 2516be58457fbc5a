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
import org.vfioworkbench.io.Limit;
import org.vfioworkbench.io.LimitExceededException;
import org.vfioworkbench.io.RegularFiles;

/**
 * The real filesystem below a root directory: {@code /} for the machine itself, or a directory
 * holding a copy of {@code sys}, {@code proc} and {@code dev} laid out as on a host. Read-only:
 * nothing here writes.
 *
 * <p>Below a root other than {@code /}, every path is resolved (symbolic links followed) before it
 * is used, and one that ends up outside the root fails with {@link OutsideRootException}: a tree
 * holding {@code sys/devices -> /sys/devices} cannot make a scan read the real host. Only regular
 * files are read (a FIFO would block the scan forever), and directory listings stop at {@link
 * Limit#DIR_ENTRIES}.
 */
public final class LiveFs implements HostFs {

  private final Path root;

  private final Path realRoot;

  public LiveFs(Path root) {
    this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
    Path real;
    try {
      real = this.root.toRealPath();
    } catch (IOException e) {
      real = this.root;
    }
    this.realRoot = real;
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

  /** {@code path} with every link resolved, refused when that leaves the root. */
  private Path confined(String path) throws IOException {
    Path p = at(path);
    if (realRoot.getParent() == null) {
      return p;
    }
    Path parent = p.getParent();
    Path real;
    try {
      // The directory's resolved path is reused for the files read in it one after another; only
      // a last component that is itself a link needs resolving again.
      String name = p.getFileName() == null ? "" : p.getFileName().toString();
      if (parent == null || name.equals("..") || name.equals(".")) {
        real = p.toRealPath();
      } else {
        Path candidate = realDirectory(parent).resolve(name);
        real = Files.isSymbolicLink(candidate) ? candidate.toRealPath() : candidate;
      }
    } catch (java.nio.file.NoSuchFileException e) {
      // A missing path is only "missing" when the part of it that exists lies inside the root.
      requireInside(path, parent);
      throw e;
    }
    if (!real.startsWith(realRoot)) {
      throw new OutsideRootException(path, real.toString());
    }
    return real;
  }

  /** The directory last resolved and its real path: readers read many files of one directory. */
  private record Resolved(Path dir, Path real) {}

  private volatile Resolved lastDirectory;

  /** {@code dir} with every link resolved (cached for the directory asked last). */
  private Path realDirectory(Path dir) throws IOException {
    Resolved last = lastDirectory;
    if (last != null && last.dir().equals(dir)) {
      return last.real();
    }
    Path real = dir.toRealPath();
    lastDirectory = new Resolved(dir, real);
    return real;
  }

  private void requireInside(String path, Path ancestor) throws IOException {
    for (Path a = ancestor; a != null; a = a.getParent()) {
      try {
        Path real = a.toRealPath();
        if (!real.startsWith(realRoot)) {
          throw new OutsideRootException(path, real.toString());
        }
        return;
      } catch (java.nio.file.NoSuchFileException e) {
        // Try the next ancestor up.
      }
    }
  }

  /** A link itself is not followed; the directory holding it must lie inside the root. */
  private Path confinedLink(String path) throws IOException {
    Path p = at(path);
    if (realRoot.getParent() == null || p.equals(root)) {
      return p;
    }
    Path parent = p.getParent();
    Path realParent;
    try {
      realParent = realDirectory(parent);
    } catch (java.nio.file.NoSuchFileException e) {
      requireInside(path, parent.getParent());
      throw new java.nio.file.NoSuchFileException(path);
    }
    if (!realParent.startsWith(realRoot)) {
      throw new OutsideRootException(path, realParent.toString());
    }
    return realParent.resolve(p.getFileName());
  }

  @Override
  public byte[] read(String path, int limit) throws IOException {
    Path p = confined(path);
    RegularFiles.requireRegular(p, path);
    try (InputStream in = Files.newInputStream(p)) {
      return in.readNBytes(limit);
    }
  }

  @Override
  public String readLink(String path) throws IOException {
    Path p = confinedLink(path);
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
    Path p = confined(dir);
    if (Files.exists(p) && !Files.isDirectory(p)) {
      throw new NotDirectoryException(dir);
    }
    List<String> names = new ArrayList<>();
    long max = Limit.DIR_ENTRIES.value();
    try (DirectoryStream<Path> s = Files.newDirectoryStream(p)) {
      for (Path e : s) {
        if (names.size() >= max) {
          throw new LimitExceededException(dir, Limit.DIR_ENTRIES);
        }
        names.add(e.getFileName().toString());
      }
    }
    Collections.sort(names);
    return names;
  }
}
