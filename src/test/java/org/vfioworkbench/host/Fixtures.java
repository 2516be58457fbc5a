package org.vfioworkbench.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.vfioworkbench.host.capture.CaptureCodec;
import org.vfioworkbench.host.capture.CaptureFs;

/** Loads the committed fixture captures from the test class path. */
final class Fixtures {

  private Fixtures() {}

  static Path path(String name) {
    try {
      return Path.of(Fixtures.class.getResource("/host/" + name + ".json").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static ScanResult scan(String name) {
    try {
      return new HostScanner(new CaptureFs(CaptureCodec.read(path(name)), name)).scan();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
