package org.vfioworkbench.host.fs;

import java.util.ArrayDeque;
import java.util.Deque;

/** String operations on absolute host paths ({@code /sys/devices/pci0000:00/...}). */
public final class HostPaths {

  private HostPaths() {}

  /** {@code /a/b} + {@code c} = {@code /a/b/c}. */
  public static String child(String dir, String name) {
    return dir.endsWith("/") ? dir + name : dir + "/" + name;
  }

  /** The directory holding {@code path}; {@code /} for a top-level name. */
  public static String parent(String path) {
    int i = path.lastIndexOf('/');
    return i <= 0 ? "/" : path.substring(0, i);
  }

  /** The last component of {@code path}. */
  public static String name(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /**
   * Where the symlink at {@code linkPath} with target {@code target} points, as a normalized
   * absolute path: {@code ../../../devices/pci0000:00/0000:00:01.0} seen from {@code
   * /sys/bus/pci/devices/0000:00:01.0} is {@code /sys/devices/pci0000:00/0000:00:01.0}.
   */
  public static String resolveLink(String linkPath, String target) {
    return normalize(target.startsWith("/") ? target : child(parent(linkPath), target));
  }

  /** Removes {@code .} and {@code ..} components and duplicate slashes. */
  public static String normalize(String path) {
    Deque<String> parts = new ArrayDeque<>();
    for (String p : path.split("/")) {
      if (p.isEmpty() || p.equals(".")) {
        continue;
      }
      if (p.equals("..")) {
        parts.pollLast();
      } else {
        parts.addLast(p);
      }
    }
    return "/" + String.join("/", parts);
  }
}
