package org.vfioworkbench.lab;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The Debian packages the lab needs on the host, which of them are missing, and installing them
 * when (and only when) the user asked for it ({@code lab --install-deps}). Checking needs no root:
 * it asks {@code dpkg-query}. Installing runs {@code apt-get} (as root), through {@link
 * LabProcesses} so that a {@link Cancellation} stops it.
 */
public final class HostPackages {

  /** To boot the guest: QEMU and the static busybox of its initramfs. */
  public static final List<String> GUEST = List.of("qemu-system-x86", "busybox-static");

  /** To build the lab kernel (what the bundled build script checks for). */
  public static final List<String> KERNEL_BUILD =
      List.of(
          "linux-source-6.12",
          "build-essential",
          "bc",
          "bison",
          "flex",
          "libelf-dev",
          "libssl-dev",
          "cpio",
          "xz-utils",
          "rsync");

  private HostPackages() {}

  /** Which packages are not installed. */
  @FunctionalInterface
  public interface Probe {
    /**
     * The subset of {@code packages} that is not installed, in their order.
     *
     * @throws IOException when the host cannot tell (no {@code dpkg-query})
     */
    List<String> missing(List<String> packages) throws IOException, InterruptedException;
  }

  /** Installs packages. */
  @FunctionalInterface
  public interface Installer {
    /** Installs {@code packages}; throws naming the command when that fails. */
    void install(List<String> packages, LabListener listener, Cancellation cancellation)
        throws IOException, InterruptedException;
  }

  /**
   * What a lab run needs: {@link #GUEST} always, {@link #KERNEL_BUILD} too when it builds (or
   * finds) the lab kernel with the bundled script rather than booting a given {@code --kernel}.
   */
  public static List<String> needed(boolean buildsKernel) {
    Set<String> all = new LinkedHashSet<>(GUEST);
    if (buildsKernel) {
      all.addAll(KERNEL_BUILD);
    }
    return List.copyOf(all);
  }

  /** The command a user runs to install {@code packages} by hand. */
  public static String installCommand(List<String> packages) {
    return "sudo apt-get install --no-install-recommends " + String.join(" ", packages);
  }

  /** {@code dpkg-query}: a package counts as installed when its status says "installed". */
  public static Probe dpkg() {
    return packages -> {
      List<String> cmd =
          new ArrayList<>(List.of("dpkg-query", "-W", "-f", "${Package}\\t${db:Status-Status}\\n"));
      cmd.addAll(packages);
      Process p;
      try {
        p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      } catch (IOException e) {
        throw new IOException(
            "cannot check the host's packages: dpkg-query is not available ("
                + e.getMessage()
                + ")",
            e);
      }
      Set<String> installed = new HashSet<>();
      try (BufferedReader r =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          String[] w = line.split("\t");
          if (w.length == 2 && w[1].trim().equals("installed")) {
            installed.add(w[0].replaceFirst(":.*$", ""));
          }
        }
      }
      p.waitFor();
      return packages.stream().filter(pkg -> !installed.contains(pkg)).toList();
    };
  }

  /**
   * {@code apt-get update} then {@code apt-get install -y --no-install-recommends}, not
   * interactive, output to {@code listener}.
   */
  public static Installer aptGet() {
    return (packages, listener, cancellation) -> {
      apt(List.of("apt-get", "update", "-q"), listener, cancellation);
      List<String> install =
          new ArrayList<>(List.of("apt-get", "install", "-y", "-q", "--no-install-recommends"));
      install.addAll(packages);
      apt(install, listener, cancellation);
    };
  }

  private static void apt(List<String> cmd, LabListener listener, Cancellation cancellation)
      throws IOException, InterruptedException {
    String what = "installing " + String.join(" ", cmd.subList(2, cmd.size()));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("DEBIAN_FRONTEND", "noninteractive");
    listener.progress(String.join(" ", cmd));
    Process p = LabProcesses.start(pb, cancellation, what);
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        listener.progress(line);
      }
    } finally {
      if (p.isAlive()) {
        LabProcesses.stop(p, cancellation.grace());
      }
    }
    int rc = p.waitFor();
    cancellation.check(what);
    if (rc != 0) {
      throw new IOException(
          String.join(" ", cmd) + " failed with exit " + rc + " (installing packages needs root)");
    }
  }
}
