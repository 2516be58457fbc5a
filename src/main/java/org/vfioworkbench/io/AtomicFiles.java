package org.vfioworkbench.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;

/**
 * The one way the product replaces a file, so that readers see the old content or the new one,
 * never a mix, and a crash or power loss never leaves a truncated file:
 *
 * <ol>
 *   <li>a destination that is a symbolic link is written through: its target is replaced and the
 *       link stays;
 *   <li>temporary files a killed save left beside the destination are removed;
 *   <li>the content goes to a new temporary file in the destination's directory, which is flushed
 *       to disk ({@code fsync});
 *   <li>the temporary file gets the destination's permissions (new files: {@code rw-r--r--});
 *   <li>it is renamed over the destination, and the directory is flushed so the rename lasts.
 * </ol>
 *
 * On any failure the temporary file is removed and the destination is untouched.
 */
public final class AtomicFiles {

  /** Writes the content of one save to {@code out}. */
  @FunctionalInterface
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  private static final Set<PosixFilePermission> NEW_FILE =
      PosixFilePermissions.fromString("rw-r--r--");
  private static final String TEMP_MARK = ".saving-";
  private static final String TEMP_SUFFIX = ".tmp";
  private static final int MAX_LINK_HOPS = 40;
  private static final SecureRandom RANDOM = new SecureRandom();

  private AtomicFiles() {}

  /** Replaces {@code target} with {@code content}. */
  public static void write(Path target, byte[] content) throws IOException {
    write(target, out -> out.write(content));
  }

  /** Replaces {@code target} with what {@code content} writes. */
  public static void write(Path target, Content content) throws IOException {
    Path real = destination(target);
    Path dir = real.getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      throw new java.nio.file.NoSuchFileException(
          real.toString(), null, "no such directory " + dir);
    }
    removeStaleTemps(dir, real.getFileName().toString());
    Path tmp = dir.resolve(tempName(real.getFileName().toString()));
    try {
      try (FileChannel ch =
          FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        OutputStream out = Channels.newOutputStream(ch);
        content.writeTo(out);
        out.flush();
        ch.force(true);
      }
      keepPermissions(real, tmp);
      Files.move(tmp, real, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException | RuntimeException | Error e) {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
    syncDirectory(dir);
  }

  /**
   * Where the bytes go: {@code target} itself, or, when it is a symbolic link (even a dangling
   * one), the file the chain of links ends at.
   */
  static Path destination(Path target) throws IOException {
    Path p = target.toAbsolutePath();
    for (int hops = 0; Files.isSymbolicLink(p); hops++) {
      if (hops >= MAX_LINK_HOPS) {
        throw new java.nio.file.FileSystemException(
            target.toString(), null, "too many levels of symbolic links");
      }
      Path link = Files.readSymbolicLink(p);
      p = p.resolveSibling(link).normalize();
    }
    return p;
  }

  /** The temporary files this class makes for {@code name}: {@code .NAME.saving-RANDOM.tmp}. */
  static boolean isTempOf(String candidate, String name) {
    String prefix = "." + name + TEMP_MARK;
    return candidate.startsWith(prefix)
        && candidate.endsWith(TEMP_SUFFIX)
        && candidate.length() > prefix.length() + TEMP_SUFFIX.length();
  }

  private static String tempName(String name) {
    byte[] r = new byte[6];
    RANDOM.nextBytes(r);
    return "." + name + TEMP_MARK + HexFormat.of().formatHex(r) + TEMP_SUFFIX;
  }

  /** Removes what a save of {@code name} that was killed before its rename left behind. */
  private static void removeStaleTemps(Path dir, String name) {
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "." + glob(name) + "*")) {
      for (Path p : s) {
        if (isTempOf(p.getFileName().toString(), name)
            && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
          Files.deleteIfExists(p);
        }
      }
    } catch (IOException | RuntimeException e) {
      // Cleaning is best effort; the save itself does not depend on it.
    }
  }

  private static String glob(String name) {
    StringBuilder b = new StringBuilder();
    for (char c : name.toCharArray()) {
      if ("*?[]{}\\".indexOf(c) >= 0) {
        b.append('\\');
      }
      b.append(c);
    }
    return b.toString();
  }

  private static void keepPermissions(Path target, Path tmp) throws IOException {
    PosixFileAttributeView view = Files.getFileAttributeView(tmp, PosixFileAttributeView.class);
    if (view == null) {
      return;
    }
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      view.setPermissions(Files.getPosixFilePermissions(target));
    } else {
      view.setPermissions(NEW_FILE);
    }
  }

  /** Makes the rename itself durable; best effort, as not every file system allows it. */
  private static void syncDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // The rename already happened; only its durability across a power loss is not promised.
    }
  }
}
