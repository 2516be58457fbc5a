package org.vfioworkbench.host.fs;

import java.io.IOException;
import java.util.List;

/**
 * The few filesystem operations the host readers need, on absolute host paths written with {@code
 * /} ({@code /sys/bus/pci/devices}). A live host, a directory tree laid out like one and a capture
 * file all implement it, so they go through the same reader code.
 *
 * <p>Failures are {@link IOException}s as {@code java.nio.file} reports them: {@link
 * java.nio.file.NoSuchFileException} for a missing path, {@link
 * java.nio.file.AccessDeniedException} for permission denied, any other {@code IOException}
 * otherwise. {@link FsErrors} turns them into words.
 */
public interface HostFs {

  /** What this filesystem is, for messages: "live host /", "capture host.json". */
  String describe();

  /**
   * Whether this is the running host's own root: there, a path the kernel would make and that is
   * missing tells what the kernel lacks; in a directory tree or a capture it may only have been
   * left out.
   */
  default boolean isLiveHost() {
    return false;
  }

  /** The contents of a file, at most {@code limit} bytes. */
  byte[] read(String path, int limit) throws IOException;

  /** The target of a symbolic link exactly as stored (relative or absolute). */
  String readLink(String path) throws IOException;

  /** The names in a directory, sorted. */
  List<String> list(String dir) throws IOException;

  /**
   * The file {@code name} in the directory {@code dir} when the directory lists it, else empty:
   * what listing the directory and then reading the file tells, and what a capture records (the
   * listing and the file). A filesystem may answer without the listing when it can tell a missing
   * file from a missing directory ({@link LiveFs} does: one {@code lstat} where a listing is five
   * system calls).
   *
   * @throws IOException when the directory cannot be listed or the file cannot be read
   */
  default java.util.Optional<byte[]> readIfListed(String dir, String name, int limit)
      throws IOException {
    if (!list(dir).contains(name)) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(read(HostPaths.child(dir, name), limit));
  }

  /** A small text attribute (sysfs, procfs), with the trailing newline removed. */
  default String readText(String path) throws IOException {
    String s = new String(read(path, 64 * 1024), java.nio.charset.StandardCharsets.UTF_8);
    return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
  }
}
