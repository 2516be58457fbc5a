package org.vfioworkbench.lab;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the lab kernel: the cached build of Debian's linux-source-6.12 with the lab
 * configuration, building it on first use with {@code packaging/lab/build-kernel.sh}.
 */
public final class KernelProvider {

  private final Path script;

  /** Uses the build script at {@code script}. */
  public KernelProvider(Path script) {
    this.script = script;
  }

  /**
   * The script under {@code packaging/lab/} of the working directory or of a parent, or the
   * one named by the system property {@code vfio.lab.buildScript}.
   */
  public static KernelProvider locate() throws IOException {
    String prop = System.getProperty("vfio.lab.buildScript");
    if (prop != null) {
      return new KernelProvider(Path.of(prop));
    }
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path s = dir.resolve("packaging/lab/build-kernel.sh");
      if (Files.isRegularFile(s)) {
        return new KernelProvider(s);
      }
      dir = dir.getParent();
    }
    throw new IOException("packaging/lab/build-kernel.sh not found from "
        + Path.of("").toAbsolutePath() + "; run from the project checkout or pass --kernel");
  }

  /** The cached bzImage, building it first if needed (about 7 minutes on 2 cores). */
  public Path kernel(LabListener listener) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("bash", script.toString()).start();
    List<String> out = new ArrayList<>();
    Thread err = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(
          new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          listener.progress(line);
        }
      } catch (IOException e) {
        listener.progress("lab-kernel: " + e.getMessage());
      }
    });
    err.start();
    try (BufferedReader r = new BufferedReader(
        new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        out.add(line);
      }
    }
    int rc = p.waitFor();
    err.join();
    if (rc != 0 || out.isEmpty()) {
      throw new IOException(script + " failed with exit " + rc);
    }
    Path bz = Path.of(out.get(out.size() - 1).trim());
    if (!Files.isRegularFile(bz)) {
      throw new IOException(script + " named " + bz + ", which does not exist");
    }
    return bz;
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
