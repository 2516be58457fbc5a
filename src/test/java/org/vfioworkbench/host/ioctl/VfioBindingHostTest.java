package org.vfioworkbench.host.ioctl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Talks to the real {@code /dev/vfio/vfio}: only container-level queries that change nothing.
 * Tagged {@code host-root}, excluded by default; run with {@code -DexcludedTestGroups=lab}.
 */
@Tag("host-root")
class VfioBindingHostTest {

  @Test
  void aFreshContainerReportsApiVersionZero() throws Exception {
    assumeTrue(Files.exists(Path.of("/dev/vfio/vfio")), "no /dev/vfio/vfio on this host");
    VfioBinding vfio = new VfioBinding();
    int c = vfio.open("/dev/vfio/vfio");
    try {
      assertThat(vfio.apiVersion(c)).isEqualTo(VfioUapi.VFIO_API_VERSION);
    } finally {
      vfio.close(c);
    }
  }
}
