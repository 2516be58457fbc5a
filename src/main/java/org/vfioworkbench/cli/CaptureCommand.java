package org.vfioworkbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.vfioworkbench.host.HostScanner;
import org.vfioworkbench.host.HostSources;
import org.vfioworkbench.host.capture.CaptureCodec;
import org.vfioworkbench.io.IoMessages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code capture}: scans a host and writes one portable file holding exactly what the scan read
 * (file contents, symlink targets, directory listings, failed reads), to attach to a bug report or
 * open in the workbench. Read-only on the host; the file is written atomically.
 */
@Command(
    name = "capture",
    mixinStandardHelpOptions = true,
    description = "Write a capture file of what a scan of the host reads (read-only on the host).")
public final class CaptureCommand implements Callable<Integer> {

  /** The version string written into captures. */
  static final String CREATED_BY = "vfio-workbench capture";

  @Spec CommandSpec spec;

  @Mixin HostSourceOption source = new HostSourceOption();

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      required = true,
      description = "Capture file to write (gzip-compressed when it ends in .gz).")
  Path output;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    HostScanner.Captured c;
    try {
      c = new HostScanner(source.open()).capture((p, d, t) -> {}, CREATED_BY);
    } catch (IOException e) {
      err.println("capture: cannot read " + HostSources.why(source.root(), e));
      return ExitCodes.BAD_INPUT;
    }
    try {
      CaptureCodec.write(c.capture(), output);
      out.printf(
          "Wrote %s: %d entries, %d KiB, from %s (%d PCI functions, %d holders; "
              + "%d things could not be read).%n",
          output,
          c.capture().size(),
          Files.size(output) / 1024,
          c.result().source(),
          c.result().topology().functions().size(),
          c.result().topology().holders().size(),
          c.result().problems().size());
      out.flush();
      return 0;
    } catch (IOException e) {
      err.println(
          "capture: cannot write " + IoMessages.describe(output, e) + "; nothing was written");
      return ExitCodes.BAD_INPUT;
    }
  }
}
