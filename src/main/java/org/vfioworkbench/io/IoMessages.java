package org.vfioworkbench.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * Failures of file operations in words for people, never a Java class name: {@code cannot save
 * /x/y.json: no such directory /x} rather than {@code java.nio.file.NoSuchFileException: ...}.
 */
public final class IoMessages {

  private IoMessages() {}

  /** Why an operation on {@code file} failed, without naming the file itself again. */
  public static String reason(Path file, IOException e) {
    if (e instanceof LimitExceededException l) {
      return l.limit().exceeded();
    }
    if (e instanceof NotRegularFileException n) {
      return n.getReason();
    }
    if (e instanceof NoSuchFileException n) {
      Path dir = file == null ? null : file.toAbsolutePath().getParent();
      if (dir != null && !Files.isDirectory(dir)) {
        return "no such directory " + dir;
      }
      String r = n.getReason();
      return r == null || r.isBlank() ? "no such file" : "no such file (" + r + ")";
    }
    if (e instanceof AccessDeniedException a) {
      return "permission denied" + other(file, a);
    }
    if (e instanceof NotDirectoryException n) {
      return "not a directory: " + n.getFile();
    }
    if (e instanceof FileAlreadyExistsException f) {
      return "already exists: " + f.getFile();
    }
    if (e instanceof DirectoryNotEmptyException d) {
      return "is a non-empty directory: " + d.getFile();
    }
    if (e instanceof FileSystemException f) {
      String r = f.getReason();
      return (r == null || r.isBlank() ? "input/output error" : lower(r)) + other(file, f);
    }
    String m = e.getMessage();
    return m == null || m.isBlank() ? "input/output error" : m;
  }

  /** {@code "<file>: <reason>"}. */
  public static String describe(Path file, IOException e) {
    return file + ": " + reason(file, e);
  }

  private static String other(Path file, FileSystemException f) {
    String at = f.getFile();
    if (at == null
        || file == null
        || at.equals(file.toString())
        || at.equals(file.toAbsolutePath().toString())) {
      return "";
    }
    return " (" + at + ")";
  }

  private static String lower(String reason) {
    return reason.isEmpty()
        ? reason
        : Character.toLowerCase(reason.charAt(0)) + reason.substring(1);
  }
}
