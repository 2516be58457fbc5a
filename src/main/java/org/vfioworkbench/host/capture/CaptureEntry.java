package org.vfioworkbench.host.capture;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** What a capture recorded at one path: a file's bytes, a link's target, a listing or a failure. */
public sealed interface CaptureEntry {

  /** A file's contents as read (up to the reader's limit). */
  record FileEntry(byte[] content) implements CaptureEntry {
    public FileEntry {
      content = content.clone();
    }

    @Override
    public byte[] content() {
      return content.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof FileEntry f && Arrays.equals(content, f.content);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(content);
    }

    @Override
    public String toString() {
      return "FileEntry[" + content.length + " bytes]";
    }
  }

  /** A symbolic link's target exactly as stored. */
  record LinkEntry(String target) implements CaptureEntry {
    public LinkEntry {
      Objects.requireNonNull(target, "target");
    }
  }

  /** A directory's entry names, sorted. */
  record DirEntry(List<String> names) implements CaptureEntry {
    public DirEntry {
      names = List.copyOf(names);
    }
  }

  /**
   * A read that failed on the captured host, replayed as the same failure.
   *
   * @param code {@code ENOENT}, {@code EACCES}, {@code ENOTDIR}, {@code EINVAL} or {@code EIO}
   * @param reason the operating system's words, may be empty
   */
  record ErrorEntry(String code, String reason) implements CaptureEntry {
    public ErrorEntry {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(reason, "reason");
    }
  }
}
