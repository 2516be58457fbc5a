package org.vfioworkbench.host.fs;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;

/** Turns filesystem exceptions into a short errno-like code and words for scan problems. */
public final class FsErrors {

  private FsErrors() {}

  /** {@code ENOENT}, {@code EACCES}, {@code ENOTDIR}, {@code EINVAL} or {@code EIO}. */
  public static String code(IOException e) {
    if (e instanceof OutsideRootException) {
      return "EXDEV";
    }
    if (e instanceof org.vfioworkbench.io.NotRegularFileException) {
      return "EFTYPE";
    }
    if (e instanceof org.vfioworkbench.io.LimitExceededException) {
      return "E2BIG";
    }
    if (e instanceof NoSuchFileException) {
      return "ENOENT";
    }
    if (e instanceof AccessDeniedException) {
      return "EACCES";
    }
    if (e instanceof NotDirectoryException) {
      return "ENOTDIR";
    }
    if (e instanceof NotLinkException) {
      return "EINVAL";
    }
    return "EIO";
  }

  /** "permission denied", "no such file", ... with the underlying reason when there is one. */
  public static String describe(IOException e) {
    String base =
        switch (code(e)) {
          case "ENOENT" -> "no such file";
          case "EACCES" -> "permission denied";
          case "ENOTDIR" -> "not a directory";
          case "EINVAL" -> "not a symbolic link";
          case "EXDEV" -> "outside the root directory";
          case "EFTYPE" -> "not a regular file";
          case "E2BIG" -> "too large";
          default -> "read error";
        };
    String reason = e instanceof FileSystemException f ? f.getReason() : e.getMessage();
    return reason == null || reason.isBlank() || reason.equalsIgnoreCase(base)
        ? base
        : base + " (" + reason + ")";
  }

  /** Rebuilds the exception a code stands for, as a capture replays a recorded failure. */
  public static IOException recreate(String code, String path, String reason) {
    return switch (code) {
      case "ENOENT" -> new NoSuchFileException(path, null, reason);
      case "EACCES" -> new AccessDeniedException(path, null, reason);
      case "ENOTDIR" -> new NotDirectoryException(path);
      case "EINVAL" -> new NotLinkException(path, null, reason);
      case "EXDEV" -> new OutsideRootException(path, null);
      default -> new FileSystemException(path, null, reason == null ? "read error" : reason);
    };
  }

  public static boolean isMissing(IOException e) {
    return e instanceof NoSuchFileException;
  }
}
