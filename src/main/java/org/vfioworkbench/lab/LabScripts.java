package org.vfioworkbench.lab;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vfioworkbench.io.AtomicFiles;

/**
 * The files the lab runs on the host (the kernel build script, its config fragment and the lab-only
 * kernel patch), shipped as classpath resources under {@code org/vfioworkbench/lab/kernel/} and
 * extracted into a private cache directory before use: {@code CACHE/lab/scripts/<content hash>/},
 * every directory mode 0700 and owned by the user, every file written atomically (temporary file,
 * fsync, rename) and checked against the resource's SHA-256 before each run. Nothing is ever looked
 * up in the working directory or its parents, so the lab works the same from a checkout, the jar,
 * the app image or the installed .deb.
 */
public final class LabScripts {

  /** The resources, relative to {@link #BASE}; the script finds the others beside itself. */
  static final List<String> FILES =
      List.of(
          "build-kernel.sh", "lab-kernel.config", "patches/0001-lab-e1000e-mf-endpoint-acs.patch");

  /** The script that builds and caches the lab kernel. */
  public static final String BUILD_SCRIPT = "build-kernel.sh";

  private static final String BASE = "/org/vfioworkbench/lab/kernel/";
  private static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> SCRIPT =
      PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> DATA = PosixFilePermissions.fromString("rw-------");

  private final Map<String, byte[]> content;
  private final String hash;

  private LabScripts(Map<String, byte[]> content) {
    this.content = content;
    this.hash = hash(content);
  }

  /** The resources shipped with this build. */
  public static LabScripts bundled() throws IOException {
    Map<String, byte[]> content = new LinkedHashMap<>();
    for (String f : FILES) {
      try (InputStream in = LabScripts.class.getResourceAsStream(BASE + f)) {
        if (in == null) {
          throw new IOException(
              "the lab's " + f + " is missing from this build (resource " + BASE + f + ")");
        }
        content.put(f, in.readAllBytes());
      }
    }
    return new LabScripts(content);
  }

  /**
   * The cache root: {@code $VFIO_WORKBENCH_CACHE}, else {@code $XDG_CACHE_HOME/vfio-workbench},
   * else {@code ~/.cache/vfio-workbench}. The build script caches kernels under the same root.
   */
  public static Path defaultCacheRoot() {
    String own = System.getenv("VFIO_WORKBENCH_CACHE");
    if (own != null && !own.isBlank()) {
      return Path.of(own);
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("vfio-workbench");
  }

  /** The first 16 hex digits of the SHA-256 over every file's name and content. */
  public String hash() {
    return hash;
  }

  /**
   * Extracts the files under {@code cacheRoot/lab/scripts/HASH/} (rewriting any that are missing or
   * differ), verifies every one by hash and returns the directory.
   *
   * @throws IOException when a directory on the way is a symbolic link or belongs to someone else,
   *     or when a file still differs after writing it
   */
  public Path extract(Path cacheRoot) throws IOException {
    Path dir = cacheRoot.toAbsolutePath().normalize();
    for (String step : List.of("lab", "scripts", hash)) {
      dir = privateDir(dir.resolve(step));
    }
    for (Map.Entry<String, byte[]> e : content.entrySet()) {
      Path target = dir.resolve(e.getKey());
      if (!target.getParent().equals(dir)) {
        privateDir(target.getParent());
      }
      if (!matches(target, e.getValue())) {
        write(target, e.getValue(), e.getKey().endsWith(".sh") ? SCRIPT : DATA);
      }
    }
    verify(dir);
    return dir;
  }

  /** Checks every file under {@code dir} against the resource it was extracted from. */
  public void verify(Path dir) throws IOException {
    for (Map.Entry<String, byte[]> e : content.entrySet()) {
      if (!matches(dir.resolve(e.getKey()), e.getValue())) {
        throw new IOException(
            dir.resolve(e.getKey())
                + " does not match the lab's "
                + e.getKey()
                + " shipped with this build (SHA-256 differs); refusing to run it");
      }
    }
  }

  private static boolean matches(Path file, byte[] expected) throws IOException {
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    return MessageDigest.isEqual(sha256(Files.readAllBytes(file)), sha256(expected));
  }

  /** Creates {@code dir} mode 0700 or checks that it is the user's own real directory. */
  private static Path privateDir(Path dir) throws IOException {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      try {
        Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIR));
      } catch (java.nio.file.NoSuchFileException e) {
        Files.createDirectories(dir.getParent());
        Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIR));
      } catch (java.nio.file.FileAlreadyExistsException e) {
        // created meanwhile by a concurrent run: checked below like any existing one
      }
    }
    PosixFileAttributes a =
        Files.readAttributes(dir, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    if (!a.isDirectory()) {
      throw new IOException(
          dir
              + " is not a directory (a symbolic link or a file):"
              + " the lab keeps its scripts only in a private directory of its own");
    }
    Path probe = Files.createTempFile(dir, ".owner", ".tmp");
    try {
      if (!Files.getOwner(probe).equals(a.owner())) {
        throw new IOException(
            dir
                + " belongs to "
                + a.owner().getName()
                + ", not to this user: the lab keeps its scripts only in a private directory");
      }
    } finally {
      Files.deleteIfExists(probe);
    }
    if (!a.permissions().equals(DIR)) {
      Files.setPosixFilePermissions(dir, DIR);
    }
    return dir;
  }

  /**
   * Writes one file atomically (the project's one way to save), then gives it its mode; the
   * directory is the user's own and private, so nobody sees the file before it has its mode.
   */
  private static void write(Path target, byte[] bytes, Set<PosixFilePermission> mode)
      throws IOException {
    AtomicFiles.write(target, bytes);
    Files.setPosixFilePermissions(target, mode);
  }

  private static String hash(Map<String, byte[]> content) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      for (Map.Entry<String, byte[]> e : content.entrySet()) {
        d.update(e.getKey().getBytes(StandardCharsets.UTF_8));
        d.update((byte) 0);
        d.update(Long.toString(e.getValue().length).getBytes(StandardCharsets.US_ASCII));
        d.update((byte) 0);
        d.update(e.getValue());
      }
      return HexFormat.of().formatHex(d.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
