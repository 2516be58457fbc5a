package org.vfioworkbench.io;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads regular files only, and never more than a {@link Limit}: the type is checked before the
 * file is opened (a FIFO would block the open, a device node never ends), and the size by reading
 * ({@code Files.size} is 0 for {@code /dev/zero} and for procfs files).
 */
public final class RegularFiles {

  private RegularFiles() {}

  /** Fails with {@link NotRegularFileException} unless {@code file} (links followed) is a file. */
  public static void requireRegular(Path file) throws IOException {
    requireRegular(file, file.toString());
  }

  /** As {@link #requireRegular(Path)}, naming the file {@code name} in the message. */
  public static void requireRegular(Path file, String name) throws IOException {
    BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
    if (!a.isRegularFile()) {
      throw new NotRegularFileException(name, kind(file, a));
    }
  }

  /** What a non-regular file is, in words: "a directory", "a FIFO or device node". */
  private static String kind(Path file, BasicFileAttributes a) {
    if (a.isDirectory()) {
      return "a directory";
    }
    try {
      Object mode = Files.getAttribute(file, "unix:mode", LinkOption.NOFOLLOW_LINKS);
      if (mode instanceof Integer m) {
        return switch (m & 0170000) {
          case 0010000 -> "a FIFO";
          case 0020000 -> "a character device";
          case 0060000 -> "a block device";
          case 0140000 -> "a socket";
          default -> "not a plain file";
        };
      }
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      // Fall through to the generic words.
    }
    return "a FIFO, device or socket";
  }

  /** The whole content of a regular file of at most {@code limit} bytes. */
  public static byte[] read(Path file, Limit limit) throws IOException {
    requireRegular(file);
    long max = limit.value();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
      if (b.length > max) {
        throw new LimitExceededException(file.toString(), limit);
      }
      return b;
    }
  }

  /** Opens a regular file for reading. */
  public static InputStream open(Path file) throws IOException {
    requireRegular(file);
    return Files.newInputStream(file);
  }

  /**
   * A stream that fails with {@link LimitExceededException} once more than the limit's value has
   * been read from {@code in} (used on decompressed data, where the file size says nothing).
   */
  public static InputStream bounded(InputStream in, String name, Limit limit) {
    long max = limit.value();
    return new FilterInputStream(in) {
      private long count;

      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
          count(1);
        }
        return b;
      }

      @Override
      public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n > 0) {
          count(n);
        }
        return n;
      }

      private void count(long n) throws IOException {
        count += n;
        if (count > max) {
          throw new LimitExceededException(name, limit);
        }
      }
    };
  }
}
