package org.vfioworkbench.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.vfioworkbench.host.capture.CaptureCodec;
import org.vfioworkbench.host.capture.CaptureFs;
import org.vfioworkbench.host.fs.HostFs;
import org.vfioworkbench.host.fs.LiveFs;

/**
 * Opens what a host command was pointed at: a directory is a root ({@code /} for this machine, or a
 * tree laid out like one), a regular file is a capture.
 */
public final class HostSources {

  private HostSources() {}

  public static HostFs open(Path rootOrCapture) throws IOException {
    if (Files.isDirectory(rootOrCapture)) {
      return new LiveFs(rootOrCapture);
    }
    if (Files.isRegularFile(rootOrCapture)) {
      return new CaptureFs(
          CaptureCodec.read(rootOrCapture), rootOrCapture.getFileName().toString());
    }
    throw new NoSuchFileException(
        rootOrCapture.toString(), null, "neither a root directory nor a capture file");
  }

  /**
   * Why {@code source} could not be opened or scanned, in words naming the file: a capture's own
   * format problem as it is, a file system failure without Java class names.
   */
  public static String why(Path source, IOException e) {
    if (e instanceof org.vfioworkbench.host.capture.CaptureFormatException
        || e instanceof org.vfioworkbench.io.LimitExceededException) {
      return e.getMessage();
    }
    return org.vfioworkbench.io.IoMessages.describe(source, e);
  }

  /** True when {@code file} is a capture file (what {@code evaluate} and the workbench check). */
  public static boolean isCapture(Path file) {
    return org.vfioworkbench.host.capture.CaptureCodec.looksLikeCapture(file);
  }

  /**
   * A scan and the kernel the scanned host runs: the profile it is judged under by default.
   *
   * @param result what the scan found
   * @param kernel the host's kernel, from its {@code /proc/sys/kernel/osrelease}
   */
  public record HostScan(ScanResult result, HostKernel kernel) {}

  /** Scans {@code rootOrCapture} once and reads which kernel it runs. */
  public static HostScan scanWithKernel(Path rootOrCapture, ScanListener listener)
      throws IOException {
    HostFs fs = open(rootOrCapture);
    return new HostScan(new HostScanner(fs).scan(listener), HostKernel.of(fs));
  }

  /** Scans {@code rootOrCapture} once: the one-call entry point for commands and the workbench. */
  public static ScanResult scan(Path rootOrCapture, ScanListener listener) throws IOException {
    return new HostScanner(open(rootOrCapture)).scan(listener);
  }
}
