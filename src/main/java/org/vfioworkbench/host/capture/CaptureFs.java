package org.vfioworkbench.host.capture;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.vfioworkbench.host.fs.FsErrors;
import org.vfioworkbench.host.fs.HostFs;
import org.vfioworkbench.host.fs.HostPaths;

/**
 * Replays a {@link Capture}: reads answer with what was recorded, recorded failures fail the same
 * way, and a path the capture does not hold is missing. A path reached through a recorded symlink
 * ({@code /sys/bus/pci/devices/X/class}) is looked up at the link's target.
 */
public final class CaptureFs implements HostFs {

  private static final int MAX_LINK_HOPS = 40;

  private final Capture capture;
  private final String name;

  public CaptureFs(Capture capture, String name) {
    this.capture = Objects.requireNonNull(capture, "capture");
    this.name = Objects.requireNonNull(name, "name");
  }

  public Capture capture() {
    return capture;
  }

  @Override
  public String describe() {
    return "capture " + name;
  }

  @Override
  public byte[] read(String path, int limit) throws IOException {
    CaptureEntry e = lookup(path);
    if (e instanceof CaptureEntry.FileEntry f) {
      byte[] c = f.content();
      return c.length <= limit ? c : Arrays.copyOf(c, limit);
    }
    throw mismatch(path, e, "a file");
  }

  @Override
  public String readLink(String path) throws IOException {
    CaptureEntry e = exact(path);
    if (e == null) {
      e = lookupThroughParents(path);
    }
    if (e instanceof CaptureEntry.LinkEntry l) {
      return l.target();
    }
    if (e instanceof CaptureEntry.ErrorEntry err) {
      throw FsErrors.recreate(err.code(), path, err.reason());
    }
    throw new NotLinkException(path);
  }

  @Override
  public List<String> list(String dir) throws IOException {
    CaptureEntry e = lookup(dir);
    if (e instanceof CaptureEntry.DirEntry d) {
      return d.names();
    }
    if (e instanceof CaptureEntry.FileEntry) {
      throw new NotDirectoryException(dir);
    }
    throw mismatch(dir, e, "a directory");
  }

  private CaptureEntry exact(String path) {
    return capture.entries().get(path);
  }

  /** The entry at {@code path}, following recorded links for the last component too. */
  private CaptureEntry lookup(String path) throws IOException {
    CaptureEntry e = exact(path);
    if (e == null) {
      e = lookupThroughParents(path);
    }
    String at = path;
    for (int hops = 0; e instanceof CaptureEntry.LinkEntry l; hops++) {
      if (hops > MAX_LINK_HOPS) {
        throw new FileSystemException(path, null, "too many levels of symbolic links");
      }
      at = HostPaths.resolveLink(at, l.target());
      e = exact(at);
      if (e == null) {
        e = lookupThroughParents(at);
      }
    }
    if (e instanceof CaptureEntry.ErrorEntry err) {
      throw FsErrors.recreate(err.code(), path, err.reason());
    }
    if (e == null) {
      throw new NoSuchFileException(path, null, "not in the capture");
    }
    return e;
  }

  /** Replaces a recorded-link prefix of {@code path} by its target, component by component. */
  private CaptureEntry lookupThroughParents(String path) {
    Map<String, CaptureEntry> entries = capture.entries();
    String[] parts = path.split("/");
    String prefix = "";
    for (int i = 1; i < parts.length; i++) {
      prefix = prefix + "/" + parts[i];
      CaptureEntry e = entries.get(prefix);
      int hops = 0;
      while (e instanceof CaptureEntry.LinkEntry l
          && i < parts.length - 1
          && hops++ < MAX_LINK_HOPS) {
        prefix = HostPaths.resolveLink(prefix, l.target());
        e = entries.get(prefix);
      }
    }
    return prefix.equals(path) ? null : entries.get(prefix);
  }

  private static IOException mismatch(String path, CaptureEntry e, String wanted) {
    if (e instanceof CaptureEntry.ErrorEntry err) {
      return FsErrors.recreate(err.code(), path, err.reason());
    }
    return new FileSystemException(path, null, "the capture holds " + kind(e) + ", not " + wanted);
  }

  private static String kind(CaptureEntry e) {
    if (e instanceof CaptureEntry.FileEntry) {
      return "a file";
    }
    if (e instanceof CaptureEntry.DirEntry) {
      return "a directory";
    }
    return e instanceof CaptureEntry.LinkEntry ? "a link" : "a failed read";
  }
}
