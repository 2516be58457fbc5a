package org.vfioworkbench.lab;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds the lab kernel: the cached build of Debian's linux-source-6.12 with the lab configuration,
 * building it on first use with the build script shipped in the jar ({@link LabScripts}, extracted
 * into the private cache and verified by hash before it runs). The system property {@code
 * vfio.lab.buildScript} names another script instead (an explicit choice); the working directory is
 * never searched. {@code lab --kernel} skips all of this.
 */
public final class KernelProvider {

  /** The system property naming a build script to run instead of the bundled one. */
  public static final String SCRIPT_PROPERTY = "vfio.lab.buildScript";

  private final Path script;
  private final Path cacheRoot;
  private final LabScripts verified;

  private KernelProvider(Path script, Path cacheRoot, LabScripts verified) {
    this.script = script;
    this.cacheRoot = cacheRoot;
    this.verified = verified;
  }

  /** Runs the build script at {@code script} as it is (the user's explicit choice). */
  public static KernelProvider ofScript(Path script) {
    return new KernelProvider(script.toAbsolutePath(), null, null);
  }

  /**
   * The bundled script extracted under {@code cacheRoot} (see {@link LabScripts}); the script
   * caches the kernel under the same root.
   */
  public static KernelProvider bundled(Path cacheRoot) throws IOException {
    LabScripts scripts = LabScripts.bundled();
    Path dir = scripts.extract(cacheRoot);
    return new KernelProvider(dir.resolve(LabScripts.BUILD_SCRIPT), cacheRoot, scripts);
  }

  /**
   * The script named by {@code -Dvfio.lab.buildScript}, else the bundled one under {@link
   * LabScripts#defaultCacheRoot()}.
   */
  public static KernelProvider locate() throws IOException {
    String prop = System.getProperty(SCRIPT_PROPERTY);
    if (prop != null && !prop.isBlank()) {
      return ofScript(Path.of(prop));
    }
    return bundled(LabScripts.defaultCacheRoot());
  }

  /** The script this provider runs. */
  public Path script() {
    return script;
  }

  /** The cached bzImage, building it first if needed (about 7 minutes on 2 cores). */
  public Path kernel(LabListener listener) throws IOException, InterruptedException {
    return kernel(listener, new Cancellation());
  }

  /**
   * The cached bzImage, building it first if needed; {@code cancellation} stops the build script
   * with {@code make} and every compiler it started, and this then throws {@link
   * LabCancelledException}.
   */
  public Path kernel(LabListener listener, Cancellation cancellation)
      throws IOException, InterruptedException {
    String what = "building the lab kernel";
    ProcessBuilder pb = new ProcessBuilder("bash", script.toString());
    if (verified != null) {
      // Checked again right before it runs: the cache directory is the user's own, 0700.
      verified.verify(script.getParent());
      pb.directory(script.getParent().toFile());
      Map<String, String> env = pb.environment();
      env.put("VFIO_WORKBENCH_CACHE", cacheRoot.toAbsolutePath().toString());
    }
    Process p = LabProcesses.start(pb, cancellation, what);
    try {
      List<String> out = new ArrayList<>();
      Thread err = new Thread(() -> pump(p, listener), "lab-kernel-log");
      err.setDaemon(true);
      err.start();
      try (BufferedReader r =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          out.add(line);
        }
      }
      int rc = p.waitFor();
      err.join(1000);
      cancellation.check(what);
      if (rc != 0 || out.isEmpty()) {
        throw new IOException(
            script
                + " failed with exit "
                + rc
                + (rc == 2 ? " (missing packages: see its message above)" : ""));
      }
      Path bz = Path.of(out.get(out.size() - 1).trim());
      if (!Files.isRegularFile(bz)) {
        throw new IOException(script + " named " + bz + ", which does not exist");
      }
      return bz;
    } finally {
      if (p.isAlive()) {
        LabProcesses.stop(p, cancellation.grace());
      }
    }
  }

  private static void pump(Process p, LabListener listener) {
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        listener.progress(line);
      }
    } catch (IOException e) {
      listener.progress("lab-kernel: " + e.getMessage());
    }
  }

  /** The version line cached beside a lab-built bzImage, or its file name. */
  public static String version(Path bzImage) {
    Path v = bzImage.resolveSibling("VERSION");
    try {
      return Files.isRegularFile(v) ? Files.readString(v).trim() : bzImage.toString();
    } catch (IOException e) {
      return bzImage.toString();
    }
  }
}
